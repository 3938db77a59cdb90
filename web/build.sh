#!/usr/bin/env bash
# Builds the web application into the directory $1 (the web module's jar, which the gateway serves at /):
# installs the locked npm packages when the lock changed since the last install, type-checks, bundles.
# Needs Node.js 18 or newer and npm (./knag installs Debian's when the machine has none).
set -euo pipefail
cd "$(dirname "$0")"
out=${1:?usage: build.sh OUTPUT_DIRECTORY}
if ! command -v npm >/dev/null 2>&1; then
  echo "web/build.sh: npm is not installed (apt-get install nodejs npm, or run ./knag up, which installs them)" >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
KNAG_WEB_OUT="$out" npm run --silent build
