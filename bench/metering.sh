#!/usr/bin/env bash
# One metering run of 10,000 licenses x 4 dimensions (40,000 records, 1,600 BatchMeterUsage calls)
# against the sandbox over the real AWS SDK, PostgreSQL as the database: first unthrottled (the
# Billing Center allowed 1,000 calls/s), then as AWS's quota has it (10 calls/s on both sides: the
# floor is 160 s). Prints each run's time and the run's own account (bench/MeteringLoad.java).
#
#   ./mvnw -B -DskipTests package && bash bench/metering.sh [licenses]
#   QUOTA=0 bash bench/metering.sh    # the unthrottled run only
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres); (re)creates billing_bench_metering.
set -euo pipefail
cd "$(dirname "$0")/.."

LICENSES=${1:-10000}
PORT=${BENCH_PORT:-18487}
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
KEY=bench-operator-key-0123456789
psql -h 127.0.0.1 -U postgres -q -c 'DROP DATABASE IF EXISTS billing_bench_metering' \
  -c 'CREATE DATABASE billing_bench_metering'
DB_URL=jdbc:postgresql://127.0.0.1:5432/billing_bench_metering
source bench/servers.sh
common=(-Dbilling.db.datasource-class=org.postgresql.ds.PGSimpleDataSource
  -Dbilling.db.user=postgres -Dbilling.db.password=postgres -Dbilling.operator.key="$KEY"
  -Dbilling.metering.enabled=false -Dbilling.usage.accept-for=PT0S
  -Dbilling.security.pbkdf2.iterations=10000)

WORK=bench/target/metering-fast
start_servers "${common[@]}" -Dbilling.metering.calls-per-second=1000
java -cp "$PG_JAR" bench/MeteringLoad.java seed "$BASE" "$SANDBOX/aws-sandbox" "$DB_URL" "$LICENSES"
java -cp "$PG_JAR" bench/MeteringLoad.java run "$BASE" "$SANDBOX/aws-sandbox" "$DB_URL" "$KEY" \
  "unthrottled"
kill $SERVER $SANDBOX_PID 2>/dev/null || true; wait $SERVER $SANDBOX_PID 2>/dev/null || true
[ "${QUOTA:-1}" = 1 ] || exit 0

# The sandbox forgets its buyers when it stops: the same accounts again, then AWS's quota.
psql -h 127.0.0.1 -U postgres -q -d billing_bench_metering -c 'DELETE FROM metering_record' \
  -c 'DELETE FROM cloud_account'
WORK=bench/target/metering-quota
start_servers "${common[@]}" -Dbilling.metering.calls-per-second=10
java -cp "$PG_JAR" bench/MeteringLoad.java seed "$BASE" "$SANDBOX/aws-sandbox" "$DB_URL" "$LICENSES"
curl -fs -X POST -H 'Content-Type: application/json' -d '{"callsPerSecond": 10}' \
  "$SANDBOX/aws-sandbox/api/faults" > /dev/null
java -cp "$PG_JAR" bench/MeteringLoad.java run "$BASE" "$SANDBOX/aws-sandbox" "$DB_URL" "$KEY" \
  "10 calls/s (floor $((LICENSES * 4 / 25 / 10)) s)"
