#!/usr/bin/env bash
# The Run command: builds the Billing Center (Maven exits when the build is done), then runs
# Payara Micro in the foreground, alone, with the Billing Center at / and the AWS Marketplace
# sandbox at /aws-sandbox, on an embedded H2 database in ./data (kept across restarts).
#
#   bash scripts/run.sh              # port 8080
#   RUN_PORT=9090 bash scripts/run.sh
#   RUN_SKIP_BUILD=1 bash scripts/run.sh   # start what the last build made
#
# Ctrl-C stops it. BILLING_DB_URL etc. choose another database (docs/configuration.md, PostgreSQL). The JVM is
# sized for one local Billing Center (RUN_JAVA_OPTS replaces the sizing): about 600 MB resident
# after start and a page, where the build tool's JVM beside it and the JVM's defaults took 1.4 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${RUN_PORT:-8080}"
runtime=system-tests/target/runtime

if [ -z "${RUN_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests package
fi
for part in payara-micro.jar micro.war aws-marketplace-sandbox.war; do
  if [ ! -f "$runtime/$part" ]; then
    echo "$runtime/$part is missing: build first (bash scripts/run.sh without RUN_SKIP_BUILD)" >&2
    exit 1
  fi
done

# One JVM for one user: a bounded heap, the serial collector (no parallel GC threads and their
# memory), small thread stacks and a bounded metaspace.
read -r -a sizing <<< "${RUN_JAVA_OPTS:--Xms64m -Xmx320m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=96m}"
base="http://localhost:$port"
exec java "${sizing[@]}" \
  -Dbilling.public-url="$base" \
  -Dbilling.aws.endpoint-override="$base/aws-sandbox" \
  -Dbilling.aws.listing-url="$base/aws-sandbox/listing" \
  -Dbilling.aws-cn.endpoint-override="$base/aws-sandbox" \
  -Dsandbox.fulfillment-url="$base/marketplace/aws/fulfillment" \
  -Dsandbox.events-url="$base/marketplace/aws/events" \
  -Dsandbox.sns-url="$base/marketplace/aws/sns" \
  -jar "$runtime/payara-micro.jar" \
  --nocluster \
  --port "$port" \
  --systemProperties config/local-run.properties \
  --deploy "$runtime/micro.war:/" \
  --deploy "$runtime/aws-marketplace-sandbox.war:/aws-sandbox"
