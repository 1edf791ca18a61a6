#!/usr/bin/env bash
# Bills at size on PostgreSQL: one account with 1,050 workspaces and 4 billing items reports every
# hour of last month (about 3 million usage rows) through POST /api/v1/usage; then its bill
# (GET /api/v1/bills?month=) and daily costs (GET /api/v1/bills/daily) are timed, p50/p95 over
# 100 requests each, beside the raw-row query bills ran before the roll-up (bench/BillsLoad.java).
# Every workspace is settled by a sandbox AWS buyer whose agreement (a private offer in EUR) prices
# the lines (AGREEMENT=0: the list price, as before); last month is kept in progress (close day 28)
# so that every request prices it.
#
#   ./mvnw -B -DskipTests package && bash bench/bills.sh [workspaces] [requests]
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres); (re)creates the database billing_bench_bills.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18487}
WORK=bench/target/bills
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
KEY=bench-site-key-us1-0123456789
psql -h 127.0.0.1 -U postgres -q -c 'DROP DATABASE IF EXISTS billing_bench_bills' \
  -c 'CREATE DATABASE billing_bench_bills'
DB_URL=jdbc:postgresql://127.0.0.1:5432/billing_bench_bills
source bench/servers.sh
# Last month is older than the default lateness horizon (P30D) by the end of this one.
start_servers -Dbilling.db.datasource-class=org.postgresql.ds.PGSimpleDataSource \
  -Dbilling.db.user=postgres -Dbilling.db.password=postgres \
  -Dbilling.site.us1.key="$KEY" -Dbilling.metering.enabled=false \
  -Dbilling.usage.late-horizon=P70D -Dbilling.security.pbkdf2.iterations=10000 \
  -Dbilling.bills.close-day=28

java -cp "$PG_JAR" bench/BillsLoad.java "$BASE" "$KEY" "$DB_URL" "${1:-1050}" "${2:-100}" \
  $([ "${AGREEMENT:-1}" = 1 ] && echo "$SANDBOX")
