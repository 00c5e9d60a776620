#!/usr/bin/env bash
# Median time of POST /api/v1/services (validate, render, commit, push to the embedded Git server, register),
# measured from the client, over N publishes of the full sample spec under different names.
# Usage: portal/bench/publish-median.sh [count]
source "$(dirname "$0")/common.sh"
COUNT=${1:-60}
WARMUP=20

DATA=$(mktemp -d)
PORT=$(free_port)
trap 'stop_portal; rm -rf "$DATA" "$DATA.log"' EXIT
start_portal "$DATA" "$PORT"

SPEC=$(sample_spec)
publish() {
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); s["name"]=sys.argv[2]; print(json.dumps(s))' "$SPEC" "$1" \
    | curl -s -H "$AUTH" -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: application/json' \
        --data-binary @- "http://127.0.0.1:$PORT/api/v1/services"
}
for i in $(seq 1 $WARMUP); do publish "warmup-$i" > /dev/null; done
TIMES=$(for i in $(seq 1 "$COUNT"); do publish "bench-$i"; done)
echo "$TIMES" | awk '$1 != 201 { bad++ } END { if (bad) { print bad " publishes failed"; exit 1 } }'
echo "$TIMES" | awk '{ print $2 * 1000 }' | sort -n | awk -v n="$COUNT" '
  { t[NR] = $1 }
  END { printf "publish over %d runs: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms\n",
        n, t[int((n + 1) / 2)], t[int(n * 0.9)], t[1], t[n] }'
