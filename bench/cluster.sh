#!/usr/bin/env bash
# The cluster under load, through nginx: Workspace Management (GET /workspaces.xhtml of a signed-in
# customer, 50 workspaces) and the AWS Marketplace fulfillment URL (POST, ResolveCustomer to the
# sandbox), each with 1 instance and with 3 instances behind nginx, side by side in one run; then
# both under load together while one of the 3 instances is killed (SIGKILL), with the failed
# requests counted.
#
# Uses scripts/cluster.sh: 3 Payara Micro instances in one data grid over PostgreSQL (database
# billing_cluster_bench, made afresh), nginx on BENCH_PORT in front of all 3 and nginx on
# BENCH_PORT + 99 in front of instance 1 alone; bench/Load.java as the client (JDK only).
#
#   ./mvnw -B -DskipTests package && bash bench/cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18700}
REQUESTS=${BENCH_REQUESTS:-3000}
CONCURRENCY=${BENCH_CONCURRENCY:-20}
export CLUSTER_PORT=$PORT CLUSTER_WORK=bench/target/cluster
export CLUSTER_DB=jdbc:postgresql://127.0.0.1:5432/billing_cluster_bench
rm -rf "$CLUSTER_WORK"
psql -h 127.0.0.1 -U postgres -q -c 'DROP DATABASE IF EXISTS billing_cluster_bench' postgres
# One client address sends every request here: the per-address fulfillment limit would stop it.
CLUSTER_JAVA_OPTS="-Dbilling.security.fulfillment.max-per-address=100000000"
source scripts/cluster.sh
start_cluster 3
start_nginx one "$((PORT + 99))" 1
sleep 1
THREE=http://localhost:$PORT
ONE=http://localhost:$((PORT + 99))

# A customer with 50 workspaces, signed in once (the session is replicated to every instance).
USER=bench$(date +%s)
PASSWORD=Bench-cluster-2026
curl -fs -o /dev/null -H 'Content-Type: application/json' -X POST "$THREE/api/v1/accounts" \
  -d "{\"username\": \"$USER\", \"loginAccount\": \"$USER@example.org\", \"password\": \"$PASSWORD\"}"
for i in $(seq 1 50); do
  curl -fs -o /dev/null -u "$USER:$PASSWORD" -H 'Content-Type: application/json' \
    -X POST "$THREE/api/v1/workspaces" \
    -d "{\"name\": \"Bench $i\", \"siteCode\": \"us1\", \"language\": \"en\"}"
done
# One signed-in session per client (sessions are replicated: any instance serves any of them).
sign_in() {
  local jar=$CLUSTER_WORK/cookies-$1 view
  view=$(curl -fs -c "$jar" -b "$jar" "$THREE/login.xhtml" |
    sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode login=login \
    --data-urlencode "login:name=$USER" --data-urlencode "login:password=$PASSWORD" \
    --data-urlencode "jakarta.faces.ViewState=$view" --data-urlencode "login:submit=" \
    "$THREE/login.xhtml"
  echo "Cookie: $(awk '$6 ~ /^JSESSIONID/ { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")"
}
COOKIES=()
for c in $(seq 1 "$CONCURRENCY"); do COOKIES+=("$(sign_in "$c")"); done
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "${COOKIES[0]}" "$THREE/workspaces.xhtml")" = 200 ]

TOKEN=$(curl -fs -H 'Content-Type: application/json' -X POST "$SANDBOX_URL/aws-sandbox/api/buyers" \
  -d '{"awsAccountId": "123456789012", "sendEvents": false}' | sed 's/.*"registrationToken":"\([^"]*\)".*/\1/')
FORM="x-amzn-marketplace-token=$TOKEN"
LOAD="java -Xmx256m bench/Load.java"
page() { $LOAD "$CONCURRENCY" "$1" 200 "$2/workspaces.xhtml" "" "${COOKIES[@]}" || true; }
fulfil() { $LOAD "$CONCURRENCY" "$1" 303 "$2/marketplace/aws/fulfillment" "$FORM" || true; }

echo "Warming up (JIT, pools, the SDK client on every instance)..."
for base in "$THREE" "$ONE"; do page 600 "$base" > /dev/null; fulfil 600 "$base" > /dev/null; done

figures() { sed 's/.*concurrent: \([0-9]*\) req\/s, p50 \([0-9.]*\) ms, p99 \([0-9.]*\) ms, unexpected \([0-9]*\).*/\1 \2 \3 \4/' <<< "$1"; }
printf '\n%-36s %-10s %10s %9s %9s %7s\n' "$CONCURRENCY concurrent clients, $REQUESTS requests" \
  instances "req/s" "p50 ms" "p99 ms" errors
for what in page fulfil; do
  for n in 1 3; do
    base=$ONE; [ "$n" = 3 ] && base=$THREE
    read -r rate p50 p99 errors <<< "$(figures "$($what "$REQUESTS" "$base")")"
    label="Workspace Management (GET)"; [ "$what" = fulfil ] && label="POST /marketplace/aws/fulfillment"
    printf '%-36s %-10s %10s %9s %9s %7s\n' "$label" "$n" "$rate" "$p50" "$p99" "$errors"
  done
done

# Both under load through nginx while instance 2 is killed.
KILL_REQUESTS=$((REQUESTS * 2))
page "$KILL_REQUESTS" "$THREE" > "$CLUSTER_WORK/kill-page.txt" &
P1=$!
fulfil "$KILL_REQUESTS" "$THREE" > "$CLUSTER_WORK/kill-fulfil.txt" &
P2=$!
sleep "${BENCH_KILL_AFTER:-5}"
kill -9 "${CLUSTER_PIDS[2]}"
echo
echo "Killed instance 2 (SIGKILL) under load at $(date -u +%T):"
wait $P1 $P2 || true
cat "$CLUSTER_WORK/kill-page.txt" "$CLUSTER_WORK/kill-fulfil.txt"
failed=$(grep -h upstream_status "$CLUSTER_WORK/nginx-all/access.log" | grep -c '" 50[0-9] ' || true)
echo "nginx answered $failed requests with 5xx in the whole run (access log: $CLUSTER_WORK/nginx-all/access.log)"
