#!/usr/bin/env bash
# Set up and run every quality gate: ruff, mypy (strict on the core), the layer contracts
# (import-linter), the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
targets=()
for d in villagebook tests benchmarks scripts packaging; do [ -e "$d" ] && targets+=("$d"); done
.venv/bin/ruff check "${targets[@]}"
.venv/bin/ruff format --check "${targets[@]}"
echo "== mypy"
.venv/bin/mypy villagebook
echo "== import-linter"
.venv/bin/lint-imports --no-cache
echo "== pytest"
.venv/bin/python -m pytest "$@"
