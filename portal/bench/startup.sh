#!/usr/bin/env bash
# Time from launching the portal (./launchpad, as a user would) to the first served catalog page, on a
# fresh data directory (first start: migrations, platform modules) and then on the same directory again
# (a restart). If the jar has no JVM cache yet, one start records it first and is not counted.
# LAUNCHPAD_JVM_CACHE=off measures without the cache.
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

# A cache file beside the jar that is newer than the jar (see ./launchpad).
has_cache() {
  local f
  for f in "${JAR%.jar}"-jdk*.aot "${JAR%.jar}"-jdk*.jsa; do
    if [ -f "$f" ] && [ ! "$JAR" -nt "$f" ]; then return 0; fi
  done
  return 1
}

if [ "${LAUNCHPAD_JVM_CACHE:-auto}" != off ] && ! has_cache; then
  echo "recording the JVM cache (a start and stop, not counted)..."
  measure > /dev/null
  rm -rf "$DATA" && mkdir -p "$DATA"
fi
echo "first start: $(measure) ms"
TIMES=$(for _ in $(seq 1 "$RESTARTS"); do measure; done | sort -n)
echo "restarts (ms): $(echo $TIMES)"
echo "median restart: $(echo "$TIMES" | awk -v n="$RESTARTS" '{ t[NR] = $1 } END { print t[int((n + 1) / 2)] }') ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
