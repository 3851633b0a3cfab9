#!/usr/bin/env bash
# Sets up what is missing, then builds Parallax and serves it at http://127.0.0.1:8080/ with live
# rebuilds. Extra arguments go to `trunk serve` (e.g. --release, --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
echo
echo "Parallax: building, then serving at http://127.0.0.1:8080/ (Ctrl-C stops)"
echo
exec trunk serve "$@"
