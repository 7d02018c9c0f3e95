#!/usr/bin/env bash
# Set up, create the demo branch (青山村) in a demo data folder, and open the window on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DATA_DIR=${DATA_DIR:-$PWD/demo-data}
.venv/bin/villagebook demo --data-dir "$DATA_DIR"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found: opening the window under Xvfb (xvfb-run)."
  exec xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/villagebook --data-dir "$DATA_DIR" "$@"
fi
exec .venv/bin/villagebook --data-dir "$DATA_DIR" "$@"
