#!/usr/bin/env bash
# The Windows smoke test under Wine, from a fresh clone (see packaging/wine_smoke.py):
# installs Wine (64- and 32-bit), mingw-w64, NSIS and 7-Zip if missing, builds the current
# installer and the previous one if missing, then installs, self-tests, upgrades across a
# schema migration, round-trips data through the command line and uninstalls, in a
# throwaway Wine prefix.
#
#   bash packaging/wine-smoke.sh [--rebuild] [--keep] [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
export VILLAGEBOOK_WINE=1
bash scripts/setup.sh
rebuild=0
quick=0
args=()
for a in "$@"; do
  case "$a" in
    --rebuild) rebuild=1 ;;
    --quick) quick=1; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done
version=$(.venv/bin/python -c "import sys; sys.path.insert(0, 'packaging'); import payload; print(payload.project_version())")
current=packaging/out/VillageBook-$version-setup.exe
previous=packaging/out/VillageBook-0.1.0-setup.exe
if [ "$rebuild" = 1 ] || [ ! -f "$current" ] || [ ! -d packaging/out/payload ]; then
  bash packaging/build-windows.sh
fi
if [ "$quick" = 0 ] && { [ "$rebuild" = 1 ] || [ ! -f "$previous" ]; }; then
  .venv/bin/python packaging/build_windows.py --previous --fast >/dev/null
fi
exec .venv/bin/python packaging/wine_smoke.py "${args[@]}"
