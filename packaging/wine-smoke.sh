#!/usr/bin/env bash
# Exercise the installer's own logic under Wine (optional; Debian package wine64):
# the Windows version refusal, silent per-user install, shortcuts, uninstall registry
# entry, upgrade over an older build keeping the data, silent uninstall keeping the data.
#
#   bash packaging/build-windows.sh            # first: stages packaging/out/payload
#   bash packaging/wine-smoke.sh
#
# It compiles the same installer.nsi with the 64-bit stub (wine64 runs no 32-bit
# programs).  It does not start the app: Wine 8 lacks two DLLs every Windows 10 has
# (icuuc.dll for Qt, bcryptprimitives.dll for pydantic-core); the app itself is proven by
# the Windows job of .github/workflows/windows-release.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
WINE=/usr/lib/wine/wine64
if [ ! -x "$WINE" ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wine64 wine >/dev/null
fi
[ -d packaging/out/payload ] || { echo "run packaging/build-windows.sh first" >&2; exit 2; }

version=$(.venv/bin/python -c "import sys; sys.path.insert(0, 'packaging'); import payload; print(payload.project_version())")
old=packaging/out/VillageBook-0.0.1-amd64-setup.exe
new=packaging/out/VillageBook-$version-amd64-setup.exe
[ -f "$old" ] || .venv/bin/python packaging/build_windows.py --skip-stage --amd64 --version 0.0.1 >/dev/null
[ -f "$new" ] || .venv/bin/python packaging/build_windows.py --skip-stage --amd64 >/dev/null

if [ -z "${WINEPREFIX:-}" ]; then
  WINEPREFIX=$(mktemp -d /tmp/villagebook-wine.XXXXXX)
  trap 'WINEPREFIX="$WINEPREFIX" /usr/lib/wine/wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
fi
export WINEPREFIX WINEDEBUG=-all
w() { "$WINE" "$@" </dev/null 2>/dev/null | tr -d '\r'; }
fail() { echo "FAIL $*"; exit 1; }
w wineboot -i >/dev/null
user=$(w cmd /c echo %USERNAME%)
local_dir="$WINEPREFIX/drive_c/users/$user/AppData/Local"
programs="$WINEPREFIX/drive_c/users/$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
install="$local_dir/Programs/VillageBook"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\VillageBook'

w winecfg /v win7
set +e; "$WINE" "$old" /S </dev/null >/dev/null 2>&1; code=$?; set -e
[ "$code" = 3 ] || fail "Windows 7: exit code $code, expected 3 (refused)"
[ ! -e "$install" ] || fail "Windows 7: installed anyway"
echo "PASS refuses Windows 7 (exit code 3)"

w winecfg /v win10  # Wine reports build 18362, exactly the minimum
"$WINE" "$old" /S </dev/null >/dev/null 2>&1 || fail "install 0.0.1"
for f in python/pythonw.exe python/python313.dll lib/PySide6/QtCore.pyd app/villagebook/__main__.py \
         app/resources/fonts/wqy-microhei.ttc VillageBook.cmd uninstall.exe; do
  [ -e "$install/$f" ] || fail "missing $f"
done
[ -e "$programs/村务记事本.lnk" ] || fail "no Start menu shortcut"
w reg query "$key" /v DisplayVersion | grep -q "0.0.1" || fail "uninstall entry"
pyc=$(find "$install/lib" -name '*.pyc' | wc -l)
echo "PASS silent install: files, Start menu shortcut 村务记事本, uninstall entry, $pyc .pyc"

mkdir -p "$local_dir/VillageBook/backups"
echo records >"$local_dir/VillageBook/villagebook.sqlite3"
echo "keep me" >"$local_dir/VillageBook/backups/marker.txt"
"$WINE" "$new" /S </dev/null >/dev/null 2>&1 || fail "upgrade"
w reg query "$key" /v DisplayVersion | grep -q "$version" || fail "upgrade kept the old version"
[ "$(cat "$local_dir/VillageBook/villagebook.sqlite3")" = records ] || fail "upgrade touched the data"
echo "PASS upgrade 0.0.1 -> $version keeps the data"

"$WINE" "$install/uninstall.exe" /S </dev/null >/dev/null 2>&1 || fail "uninstall"
for _ in $(seq 60); do [ -e "$install/uninstall.exe" ] || break; sleep 1; done
[ ! -e "$install/python" ] || fail "program files left"
[ ! -e "$programs/村务记事本.lnk" ] || fail "shortcut left"
w reg query "$key" >/dev/null 2>&1 && fail "uninstall entry left"
[ "$(cat "$local_dir/VillageBook/backups/marker.txt")" = "keep me" ] || fail "data deleted"
echo "PASS silent uninstall removes the program, keeps $local_dir/VillageBook"
