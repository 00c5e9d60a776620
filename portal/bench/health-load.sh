#!/usr/bin/env bash
# The health pages under load, answered from their cache: wrk on loopback against the packaged portal.
# MODE=aws (default) reads a stubbed AWS (the test stub, run as a process) through the real SDK clients;
# MODE=demo reads the demo source. Both go through the same cache.
#   mvn -pl portal -am package -DskipTests && portal/bench/health-load.sh
# Settings: SERVICES (24), DURATION (20s), CONNECTIONS (4), THREADS (1); on two cores wrk needs one of them.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
MODE="${MODE:-aws}"
SERVICES="${SERVICES:-24}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-4}"
THREADS="${THREADS:-1}"
TEST_CLASSES="$ROOT/portal/target/test-classes"
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 1; }
[ -f "$TEST_CLASSES/dev/launchpad/portal/aws/AwsStubServer.class" ] || { echo "needs the test classes: mvn -pl portal -am package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
port="$(free_port)"
STUB_PID=""
cleanup() { stop_portal; [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

names=()
for i in $(seq -w 1 "$SERVICES"); do names+=("svc-$i"); done

if [ "$MODE" = aws ]; then
  stub_port="$(free_port)"
  "$JAVA" -cp "$JAR:$TEST_CLASSES" dev.launchpad.portal.aws.AwsStubServer "$stub_port" "${names[@]}" > "$work/stub.log" 2>&1 &
  STUB_PID=$!
  until grep -q "AWS stub" "$work/stub.log" 2>/dev/null; do sleep 0.1; done
  # fake credentials for the stub, in this process's environment only
  start_portal "$work/data" "$port" LAUNCHPAD_AWS_TARGETS="prod=111122223333:eu-west-1" \
    LAUNCHPAD_AWS_ENDPOINT="http://127.0.0.1:$stub_port" AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=fake-for-the-stub
else
  start_portal "$work/data" "$port"
fi
base="http://localhost:$port"

echo "publishing $SERVICES services of team payments ..."
for name in "${names[@]}"; do
  curl -s -H "$AUTH" -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"name\": \"$name\", \"team\": \"payments\", \"description\": \"Load test service $name\"}" "$base/api/v1/services"
done

# the first views fill the cache (one AWS read per account and bucket); wrk measures what follows
until curl -s -H "$AUTH" "$base/api/v1/teams/payments/health" | grep -q '"fresh":true'; do sleep 0.2; done
until curl -s -H "$AUTH" "$base/api/v1/services/svc-01/metrics?range=3h" | grep -q '"fresh":true'; do sleep 0.2; done
echo "mode $MODE, $SERVICES services, wrk -H "$AUTH" -t$THREADS -c$CONNECTIONS -d$DURATION"
[ "$MODE" = aws ] && sleep 1.1 && echo "AWS before the load: $(grep 'requests so far' "$work/stub.log" | tail -1)"

paths=("/teams/payments/health" "/services/svc-01/health?range=3h" "/api/v1/services/svc-01/metrics?range=3h"
       "/api/v1/teams/payments/health" "/health")
# unmeasured rounds over every path first: the JIT compiles what they share (Jetty, jte, the cache)
for round in 1 2; do
  for path in "${paths[@]}"; do wrk -H "$AUTH" -t"$THREADS" -c"$CONNECTIONS" -d5s "$base$path" > /dev/null; done
done
for path in "${paths[@]}"; do
  echo "== GET $path"
  wrk -H "$AUTH" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$base$path" \
    | grep -E "^\s+(50|90|99)%|Requests/sec|Non-2xx|Socket errors"
done
[ "$MODE" = aws ] && sleep 1.1 && echo "AWS after the load:  $(grep 'requests so far' "$work/stub.log" | tail -1)"
exit 0
