#!/usr/bin/env bash
# The AWS Marketplace fulfillment URL under load, against a trivial endpoint of the same server.
#
# Starts the sandbox on a Payara Micro of its own (AWS Marketplace is another service, not a thread
# of ours) and the Micro WAR on another (embedded H2 under bench/target), subscribes one buyer in
# the sandbox, then with bench/Load.java (JDK only):
#   - 50 concurrent connections: GET /api/v1/version (trivial JAX-RS) and
#     POST /marketplace/aws/fulfillment (ResolveCustomer through the AWS SDK to the sandbox, the
#     cloud account found, a registration and an audit entry written), and their throughput ratio;
#   - 5 concurrent connections: the fulfillment URL's p50 and p99;
#   - the CPU time each request costs the Billing Center and the sandbox (from /proc).
#
# Both servers are warmed up first, in BENCH_WARMUP_ROUNDS rounds (default 12, about four
# minutes) of 2,000 requests to each URL: on two cores Payara's JIT compiler keeps a core busy for
# minutes, and a shorter warm-up measures the compiler rather than the code (it took half the
# server's CPU after 2,000 requests). Each round's fulfillment rate is printed, so the reader
# sees it settle.
#
# The database is embedded H2 under bench/target, or with BENCH_DB=postgres PostgreSQL on
# 127.0.0.1:5432 (user postgres; the database billing_bench_fulfillment is created afresh), as a
# deployment has it: H2 embedded keeps its pages in the server's heap, so its young collections
# copy the database's cache too.
#
#   ./mvnw -B -DskipTests package && bash bench/fulfillment.sh
#   BENCH_DB=postgres bash bench/fulfillment.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18481}
REQUESTS=${BENCH_REQUESTS:-5000}
WORK=bench/target/fulfillment
DB_OPTS=()
if [ "${BENCH_DB:-h2}" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -q -c 'DROP DATABASE IF EXISTS billing_bench_fulfillment' \
    -c 'CREATE DATABASE billing_bench_fulfillment' postgres
  DB_URL=jdbc:postgresql://127.0.0.1:5432/billing_bench_fulfillment
  DB_OPTS=(-Dbilling.db.datasource-class=org.postgresql.ds.PGSimpleDataSource
    -Dbilling.db.user=postgres -Dbilling.db.password=postgres)
else
  DB_URL="jdbc:h2:file:$PWD/$WORK/billing"
fi
echo "database: $DB_URL"
source bench/servers.sh
# shellcheck disable=SC2086
# One client address sends every request here: the per-address fulfillment limit would stop it.
start_servers "${DB_OPTS[@]}" -Dbilling.security.fulfillment.max-per-address=100000000 \
  ${BENCH_SERVER_OPTS:-}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

TOKEN=$(curl -fs -H 'Content-Type: application/json' -X POST "$SANDBOX/aws-sandbox/api/buyers" \
  -d '{"awsAccountId": "123456789012", "sendEvents": false}' | sed 's/.*"registrationToken":"\([^"]*\)".*/\1/')
FORM="x-amzn-marketplace-token=$TOKEN"
LOAD="java -Xmx256m bench/Load.java"

# Warm-up: JIT, connection pools, the SDK client, in both servers.
for round in $(seq 1 "${BENCH_WARMUP_ROUNDS:-12}"); do
  $LOAD 10 2000 200 "$BASE/api/v1/version" > /dev/null
  echo "warm-up $round: $($LOAD 10 2000 303 "$BASE/marketplace/aws/fulfillment" "$FORM" |
    sed 's/.*: \([0-9]* req\/s\).*/\1/')"
done

TRIVIAL=$($LOAD 50 "$REQUESTS" 200 "$BASE/api/v1/version")
FULFIL=$($LOAD 50 "$REQUESTS" 303 "$BASE/marketplace/aws/fulfillment" "$FORM")
echo "$TRIVIAL"
echo "$FULFIL"
rate() { sed 's/.*concurrent: \([0-9]*\) req\/s.*/\1/' <<< "$1"; }
awk -v f="$(rate "$FULFIL")" -v t="$(rate "$TRIVIAL")" \
  'BEGIN { printf "throughput ratio fulfillment / trivial: %.2f (target >= 0.33)\n", f / t }'
LATENCY_REQUESTS=${BENCH_LATENCY_REQUESTS:-2000}
server_before=$(cpu_ticks "$SERVER") sandbox_before=$(cpu_ticks "$SANDBOX_PID")
echo "5 connections (target p99 < 50 ms):"
$LOAD 5 "$LATENCY_REQUESTS" 303 "$BASE/marketplace/aws/fulfillment" "$FORM"
awk -v s=$(( $(cpu_ticks "$SERVER") - server_before )) \
  -v b=$(( $(cpu_ticks "$SANDBOX_PID") - sandbox_before )) -v n="$LATENCY_REQUESTS" \
  -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "CPU per fulfillment: Billing Center %.1f ms, sandbox %.1f ms\n", \
    s * 1000 / hz / n, b * 1000 / hz / n }'
