"""Write packaging/licenses/Qt-third-party-notices.txt from Debian's records of Qt's sources.

    .venv/bin/python packaging/qt_notices.py      # needs apt (Debian or Ubuntu); run on purpose

The PySide6 wheels carry no notices for the third-party code inside Qt (only
LicenseRef-Qt-Commercial.txt).  Debian keeps a machine-readable copyright record
(DEP-5) of every file in Qt's source trees: qt6-base for Qt Core, Gui, Widgets,
PrintSupport and the plugins, qt6-webengine for Qt Pdf (PDFium and its libraries).
This script takes those two records from the binary packages libqt6core6 and
libqt6pdf6 (``apt-get download``, nothing is installed) and writes them after a header
that says what they cover.  The result is committed; the installer build copies it.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "licenses" / "Qt-third-party-notices.txt"
PACKAGES = {
    "libqt6core6": "qt6-base (Qt Core, Gui, Widgets, PrintSupport, platform/style/image plugins)",
    "libqt6pdf6": "qt6-webengine (Qt Pdf: PDFium and the libraries it includes)",
}
HEADER = """\
Qt third-party notices
======================

VillageBook ships Qt 6 (the Qt Core, Gui, Widgets, PrintSupport, Pdf and PdfWidgets
libraries and a few plugins) as built by The Qt Company for the PySide6-Essentials and
PySide6-Pdf wheels (their versions: THIRD-PARTY-LICENSES.txt). Qt itself is used under
the GNU Lesser General Public License v3 (LGPL-3.0.txt, with the GNU GPL v3 it refers to
in GPL-3.0.txt). You may replace the Qt
and PySide6 libraries in lib\\PySide6 and lib\\shiboken6 of the installation with your own
builds of the same versions; their sources are at https://download.qt.io/ and
https://code.qt.io/.

Qt contains code by third parties under their own licences. The Qt Company lists those of
this release at https://doc.qt.io/qt-6/licenses-used-in-qt.html. The copyright and
licence statements below are Debian's machine-readable records of Qt's source trees
(Debian packages {records}); they cover the third-party code of the Qt modules above as of
those versions. Components Qt added after that version are named on the page above.

"""


def record(package: str, folder: Path) -> tuple[str, str]:
    subprocess.run(["apt-get", "download", package], cwd=folder, check=True)
    (deb,) = folder.glob(f"{package}_*.deb")
    version = deb.name.split("_")[1]
    subprocess.run(["dpkg-deb", "-x", str(deb), str(folder / package)], check=True)
    text = (folder / package / "usr/share/doc" / package / "copyright").read_text("utf-8")
    return version, text


def main() -> int:
    parts, names = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for package, covers in PACKAGES.items():
            version, text = record(package, Path(tmp))
            names.append(f"{package} {version}")
            rule = "=" * 78
            parts.append(f"{rule}\n{package} {version}: {covers}\n{rule}\n\n{text}\n")
    TARGET.write_text(
        HEADER.format(records=" and ".join(names)) + "\n".join(parts), encoding="utf-8"
    )
    print(f"wrote {TARGET} ({TARGET.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
