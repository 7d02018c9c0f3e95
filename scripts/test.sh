#!/usr/bin/env bash
# Set up and run every quality gate: ruff, mypy (strict on the core), the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check villagebook tests benchmarks scripts packaging
.venv/bin/ruff format --check villagebook tests benchmarks scripts packaging
echo "== mypy"
.venv/bin/mypy villagebook
echo "== pytest"
.venv/bin/python -m pytest "$@"
