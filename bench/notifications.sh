#!/usr/bin/env bash
# Order-safety of the subscription lifecycle under redelivery and reordering.
#
# Starts the sandbox on a Payara Micro of its own and the Micro WAR on another (embedded H2 under
# bench/target, reachable by the script too), records 200 buyers through the fulfillment URL, then
# with bench/Notifications.java: a random history of 10 EventBridge events for each of 100
# licenses (1,000 events) is delivered once in order to the first 100 licenses, and the same
# histories are delivered twice each, shuffled, 8 at a time (2,000 requests) to the other 100. It
# prints how long each took and whether every license of the second set ended in the state of its
# twin in the first; it exits with 1 if one did not.
#
#   ./mvnw -B -DskipTests package && bash bench/notifications.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18483}
WORK=bench/target/notifications
H2_JAR=$(ls ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)
SECRET=bench-events-secret
DB_URL="jdbc:h2:file:$PWD/$WORK/billing;AUTO_SERVER=TRUE"
source bench/servers.sh
start_servers -Dbilling.aws.events.secret="$SECRET"

java -cp "$H2_JAR" bench/Notifications.java "$BASE" "$SANDBOX/aws-sandbox" "$SECRET" "$DB_URL"
