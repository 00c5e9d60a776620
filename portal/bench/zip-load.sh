#!/usr/bin/env bash
# Load test of POST /api/v1/projects/zip with the full sample spec, using wrk (apt-get install -y wrk).
# Usage: portal/bench/zip-load.sh [seconds] [connections]
source "$(dirname "$0")/common.sh"
SECONDS_TO_RUN=${1:-20}
CONNECTIONS=${2:-8}
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

DATA=$(mktemp -d)
PORT=$(free_port)
trap 'stop_portal; rm -rf "$DATA" "$DATA.log" "$LUA"' EXIT
start_portal "$DATA" "$PORT"

SPEC=$(sample_spec)
LUA=$(mktemp --suffix=.lua)
python3 - "$SPEC" > "$LUA" <<'PY'
import json, sys
body = open(sys.argv[1]).read()
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/json"')
print('wrk.body = ' + json.dumps(body))
PY
URL="http://127.0.0.1:$PORT/api/v1/projects/zip"
echo "spec: $SPEC ($(curl -s -X POST -H 'Content-Type: application/json' --data-binary @"$SPEC" "$URL" | wc -c) bytes of zip)"
echo "warming up for 10 s..."
wrk -t2 -c"$CONNECTIONS" -d10s -s "$LUA" "$URL" > /dev/null
echo "measuring for $SECONDS_TO_RUN s with $CONNECTIONS connections on $(nproc) cores:"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s "$LUA" "$URL"
