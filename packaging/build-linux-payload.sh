#!/usr/bin/env bash
# The installer's payload layout built for Linux (outside the source tree), then
# `villagebook --self-test` run from it with the system python3.
#
#   bash packaging/build-linux-payload.sh [TARGET]     # default /tmp/villagebook-payload
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
exec .venv/bin/python packaging/build_linux_payload.py "$@"
