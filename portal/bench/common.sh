# Shared by the benchmark scripts: a portal from the built jar on a free port, in a throwaway data directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$ROOT/portal/target/launchpad.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

[ -f "$JAR" ] || { echo "build the portal first: mvn -pl portal -am package -DskipTests" >&2; exit 1; }

# Every request authenticates with the admin API token registered at start (LAUNCHPAD_BOOTSTRAP_TOKEN).
export BENCH_TOKEN="bench-token-$(date +%s)-0123456789abcdef0123456789"
AUTH="Authorization: Bearer $BENCH_TOKEN"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# The spec to send: $SPEC if set, else the checked-in sample (every feature on), else full-spec.json beside this script.
sample_spec() {
  if [ -n "${SPEC:-}" ]; then
    echo "$SPEC"
  elif [ -f "$ROOT/generated-sample/.launchpad/spec.json" ]; then
    echo "$ROOT/generated-sample/.launchpad/spec.json"
  else
    echo "$HERE/full-spec.json"
  fi
}

# start_portal DATA_DIR PORT [extra env...]: starts the jar through ./launchpad, as a user would (with its
# JVM cache; LAUNCHPAD_JVM_CACHE=off runs without), and waits until it serves the catalog page to a signed-in caller.
start_portal() {
  local data=$1 port=$2; shift 2
  # NICE=-20 (as root) gives the portal priority on a machine busy with other work.
  env LAUNCHPAD_PORT="$port" LAUNCHPAD_DATA_DIR="$data" LAUNCHPAD_DEMO_DATA=false LAUNCHPAD_BOOTSTRAP_TOKEN="$BENCH_TOKEN" \
    LAUNCHPAD_JAR="$JAR" "$@" ${NICE:+nice -n "$NICE"} "$ROOT/launchpad" > "$data.log" 2>&1 &
  PORTAL_PID=$!
  # One process asks every 10 ms: starting a curl per attempt would take CPU from the portal it measures.
  if ! python3 - "http://localhost:$port/services" "$BENCH_TOKEN" <<'PY'
import sys, time, urllib.request, urllib.error
url, token = sys.argv[1], sys.argv[2]
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + token}), timeout=5) as r:
            if r.status == 200:
                sys.exit(0)
    except (urllib.error.URLError, ConnectionError, OSError):
        pass
    time.sleep(0.01)
sys.exit(1)
PY
  then
    echo "the portal did not start; see $data.log" >&2
    return 1
  fi
}

stop_portal() {
  if [ -n "${PORTAL_PID:-}" ]; then
    kill "$PORTAL_PID" 2>/dev/null || true
    wait "$PORTAL_PID" 2>/dev/null || true
    PORTAL_PID=
  fi
}
