#!/usr/bin/env bash
# Time from launching `java -jar launchpad.jar` to the first served catalog page, on a fresh data directory
# (first start: migrations, platform modules) and then on the same directory again (a restart).
# Usage: portal/bench/startup.sh [restarts]
source "$(dirname "$0")/common.sh"
RESTARTS=${1:-5}
DATA=$(mktemp -d)
trap 'stop_portal; rm -rf "$DATA" "$DATA.log"' EXIT

measure() {
  local port; port=$(free_port)
  local start; start=$(date +%s%N)
  start_portal "$DATA" "$port"
  local end; end=$(date +%s%N)
  stop_portal
  echo $(( (end - start) / 1000000 ))
}
echo "first start: $(measure) ms"
TIMES=$(for _ in $(seq 1 "$RESTARTS"); do measure; done | sort -n)
echo "restarts (ms): $(echo $TIMES)"
echo "median restart: $(echo "$TIMES" | awk -v n="$RESTARTS" '{ t[NR] = $1 } END { print t[int((n + 1) / 2)] }') ms"
