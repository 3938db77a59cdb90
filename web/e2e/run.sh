#!/usr/bin/env bash
# The web application's journey (journey.mjs) in a real Chromium against the real platform: `./knag up` on free
# ports with a fresh data directory, the journey, then SIGTERM to the platform. `./knag test` runs it; run it
# alone with web/e2e/run.sh. KNAG_WEB_SCREENSHOTS=DIR keeps the screenshots (docs/images holds the README's).
set -euo pipefail
web=$(cd "$(dirname "$0")/.." && pwd)
root=$(dirname "$web")
work=$(mktemp -d /tmp/knag-web-e2e.XXXXXX)
say() { printf 'web-e2e: %s\n' "$*" >&2; }
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

gateway_port=$(free_port)
: >"$work/up.log"
PORT=$(free_port) KNAG_GATEWAY_PORT=$gateway_port KNAG_GATEWAY_HTTP_PORT=$(free_port) KNAG_DATA_DIR=$work/data \
  setsid "$root/knag" up >"$work/up.log" 2>&1 &
up=$!
stop() {
  kill -TERM -- "-$up" 2>/dev/null || kill -TERM "$up" 2>/dev/null || true
  wait "$up" 2>/dev/null || true
  rm -rf -- "$work"
}
trap stop EXIT

deadline=$((SECONDS + ${KNAG_UP_TIMEOUT:-600}))
until grep -q 'Knag is up' "$work/up.log"; do
  if ! kill -0 "$up" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    say "the platform did not come up; the last lines of its log:"
    tail -n 30 "$work/up.log" >&2
    exit 1
  fi
  sleep 2
done
say "the platform is up on https://localhost:$gateway_port; the journey in Chromium"
cd "$web"
[ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
node e2e/journey.mjs "https://localhost:$gateway_port" "${KNAG_WEB_SCREENSHOTS:-$work/screenshots}"
