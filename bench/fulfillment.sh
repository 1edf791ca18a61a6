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
DB_URL="jdbc:h2:file:$PWD/$WORK/billing"
source bench/servers.sh
start_servers

TOKEN=$(curl -fs -H 'Content-Type: application/json' -X POST "$SANDBOX/aws-sandbox/api/buyers" \
  -d '{"awsAccountId": "123456789012", "sendEvents": false}' | sed 's/.*"registrationToken":"\([^"]*\)".*/\1/')
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
