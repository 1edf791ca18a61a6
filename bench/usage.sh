#!/usr/bin/env bash
# Usage ingestion against PostgreSQL: records/s through POST /api/v1/usage (batches of 10,000 from
# 4 concurrent clients; one site, 200 workspaces) beside a raw COPY of as many rows into the same
# table, in the same run (bench/UsageLoad.java).
#
#   ./mvnw -B -DskipTests package && bash bench/usage.sh [batches] [clients]
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres); (re)creates the database billing_bench_usage.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18485}
WORK=bench/target/usage
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
KEY=bench-site-key-us1-0123456789
psql -h 127.0.0.1 -U postgres -q -c 'DROP DATABASE IF EXISTS billing_bench_usage' \
  -c 'CREATE DATABASE billing_bench_usage'
DB_URL=jdbc:postgresql://127.0.0.1:5432/billing_bench_usage
source bench/servers.sh
start_servers -Dbilling.db.datasource-class=org.postgresql.ds.PGSimpleDataSource \
  -Dbilling.db.user=postgres -Dbilling.db.password=postgres \
  -Dbilling.site.us1.key="$KEY" -Dbilling.metering.enabled=false \
  -Dbilling.security.pbkdf2.iterations=10000

java -cp "$PG_JAR" bench/UsageLoad.java "$BASE" "$KEY" "$DB_URL" "${1:-40}" "${2:-4}"
