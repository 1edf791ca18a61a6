#!/usr/bin/env bash
# The AWS Marketplace fulfillment URL under load, against a trivial endpoint of the same server.
#
# Starts the sandbox on a Payara Micro of its own (AWS Marketplace is another service, not a thread
# of ours) and the Micro WAR on another (embedded H2 under bench/target), subscribes one buyer in
# the sandbox, then with bench/Load.java (JDK only):
#   - 50 concurrent connections: GET /api/v1/version (trivial JAX-RS) and
#     POST /marketplace/aws/fulfillment (ResolveCustomer through the AWS SDK to the sandbox, the
#     cloud account found, a registration and an audit entry written), and their throughput ratio;
#   - 5 concurrent connections: the fulfillment URL's p50 and p99.
#
#   ./mvnw -B -DskipTests package && bash bench/fulfillment.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18481}
REQUESTS=${BENCH_REQUESTS:-5000}
WORK=bench/target/fulfillment
RUNTIME=system-tests/target/runtime
[ -f "$RUNTIME/micro.war" ] || ./mvnw -q -B -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK"
BASE=http://localhost:$PORT

SANDBOX=http://localhost:$((PORT + 1))
java -Xmx256m -Dsandbox.fulfillment-url="$BASE/marketplace/aws/fulfillment" \
  -jar "$RUNTIME/payara-micro.jar" --nocluster --port "$((PORT + 1))" \
  --deploy "$RUNTIME/aws-marketplace-sandbox.war:/aws-sandbox" > "$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
java -Xmx768m -Dbilling.db.url="jdbc:h2:file:$PWD/$WORK/billing" \
  -Dbilling.aws.endpoint-override="$SANDBOX/aws-sandbox" -Dbilling.aws.access-key-id=sandbox \
  -Dbilling.aws.secret-access-key=sandbox \
  -jar "$RUNTIME/payara-micro.jar" --nocluster --port "$PORT" \
  --deploy "$RUNTIME/micro.war:/" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER $SANDBOX_PID 2>/dev/null; wait $SERVER $SANDBOX_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$BASE/health" > /dev/null 2>&1 && curl -fs "$SANDBOX/aws-sandbox/health" > /dev/null 2>&1 && break
  sleep 1
done

TOKEN=$(curl -fs -H 'Content-Type: application/json' -X POST "$SANDBOX/aws-sandbox/api/buyers" \
  -d '{"awsAccountId": "123456789012"}' | sed 's/.*"registrationToken":"\([^"]*\)".*/\1/')
FORM="x-amzn-marketplace-token=$TOKEN"
LOAD="java -Xmx256m bench/Load.java"

# Warm-up: JIT, connection pools, the SDK client.
$LOAD 10 2000 200 "$BASE/api/v1/version" > /dev/null
$LOAD 10 1000 303 "$BASE/marketplace/aws/fulfillment" "$FORM" > /dev/null

TRIVIAL=$($LOAD 50 "$REQUESTS" 200 "$BASE/api/v1/version")
FULFIL=$($LOAD 50 "$REQUESTS" 303 "$BASE/marketplace/aws/fulfillment" "$FORM")
echo "$TRIVIAL"
echo "$FULFIL"
rate() { sed 's/.*concurrent: \([0-9]*\) req\/s.*/\1/' <<< "$1"; }
awk -v f="$(rate "$FULFIL")" -v t="$(rate "$TRIVIAL")" \
  'BEGIN { printf "throughput ratio fulfillment / trivial: %.2f (target >= 0.33)\n", f / t }'
$LOAD 5 ${BENCH_LATENCY_REQUESTS:-2000} 303 "$BASE/marketplace/aws/fulfillment" "$FORM"
