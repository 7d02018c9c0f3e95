#!/usr/bin/env bash
# Set up everything VillageBook needs on a fresh Debian 12 machine: the system libraries
# Qt loads, a virtual environment with the app and its development tools, and the
# compiled translations.  Safe to run again; it skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_LIBS=(libegl1 libgl1 libglx0 libx11-xcb1 libfontconfig1 libfreetype6 libdbus-1-3
         libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
         libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
         libxcb-sync1 libxcb-xfixes0 libxcb-xkb1)
# postgresql: the tests start a throw-away server (tests/pgserver.py) for the storage,
# merge and concurrency tests; the package's own cluster is not used.
TOOLS=(xvfb xauth poppler-utils qpdf postgresql)
# VILLAGEBOOK_WINE=1: also what the Windows build and its Wine smoke test need (Wine 64- and
# 32-bit: the installer's NSIS stub is a 32-bit program; mingw-w64 for the stub DLLs).
WINE_TOOLS=(wine wine64 wine32:i386 gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis p7zip-full)
if [ "${VILLAGEBOOK_WINE:-0}" = 1 ]; then
  TOOLS+=("${WINE_TOOLS[@]}")
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    echo "setup: adding the i386 architecture (32-bit Wine)"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO dpkg --add-architecture i386
  fi
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${QT_LIBS[@]}" "${TOOLS[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
# Exact versions with hashes from requirements/dev-linux.txt (scripts/update_locks.py writes
# it from pyproject.toml), then the app itself without dependencies.
stamp=.venv/.villagebook-installed
want=$(cat pyproject.toml requirements/dev-linux.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing Python packages from requirements/dev-linux.txt"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes \
    -r requirements/dev-linux.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  echo "$want" > "$stamp"
fi

.venv/bin/python scripts/build_translations.py
