#!/usr/bin/env bash
# Load test of POST /api/v1/projects/zip with the full sample spec, using wrk (apt-get install -y wrk).
# Usage: portal/bench/zip-load.sh [seconds] [connections]
# UNIQUE=1 makes every request's description different, so no request is served from the render cache.
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
python3 - "$SPEC" "${UNIQUE:-0}" > "$LUA" <<'PY'
import json, os, sys
spec = json.load(open(sys.argv[1]))
if sys.argv[2] == "1":
    spec["description"] = "@@" + spec["description"][:150]
    print('local base = ' + json.dumps(json.dumps(spec)))
    print('local n = 0')
    print('function setup(thread) thread:set("id", tostring(thread)) end')
    print('function init(args) math.randomseed(os.time() + #id) end')
    print('function request()')
    print('  n = n + 1')
    print('  local body = string.gsub(base, "@@", "r" .. math.random(1, 1000000000) .. "-" .. n .. " ", 1)')
    print('  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer ' + os.environ["BENCH_TOKEN"] + '"}, body)')
    print('end')
else:
    print('wrk.method = "POST"')
    print('wrk.headers["Content-Type"] = "application/json"')
    print('wrk.headers["Authorization"] = "Bearer ' + os.environ["BENCH_TOKEN"] + '"')
    print('wrk.body = ' + json.dumps(json.dumps(spec)))
PY
URL="http://127.0.0.1:$PORT/api/v1/projects/zip"
echo "spec: $SPEC ($(curl -s -H "$AUTH" -X POST -H 'Content-Type: application/json' --data-binary @"$SPEC" "$URL" | wc -c) bytes of zip)"
echo "warming up for 10 s..."
wrk -H "$AUTH" -t2 -c"$CONNECTIONS" -d10s -s "$LUA" "$URL" > /dev/null
echo "measuring for $SECONDS_TO_RUN s with $CONNECTIONS connections on $(nproc) cores$([ "${UNIQUE:-0}" = 1 ] && echo ', every spec different (no cache hits)'):"
wrk -H "$AUTH" -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s "$LUA" "$URL"
