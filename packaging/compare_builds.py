"""Compare two staged payloads: the versions they record, then every file's content.

    .venv/bin/python packaging/compare_builds.py PAYLOAD_A PAYLOAD_B

Two builds from the same commit and lock file must record the same versions in
``app/resources/build-info.json``; the file-by-file comparison says what else differs (if
anything).  Exit 0 only if the recorded versions agree.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

BUILD_INFO = Path("app") / "resources" / "build-info.json"


def digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def main(argv: list[str] | None = None) -> int:
    a, b = (Path(p) for p in (argv or sys.argv[1:]))
    info_a = json.loads((a / BUILD_INFO).read_text(encoding="utf-8"))
    info_b = json.loads((b / BUILD_INFO).read_text(encoding="utf-8"))
    versions_equal = info_a["distributions"] == info_b["distributions"] and all(
        info_a[k] == info_b[k] for k in ("python", "qt", "villagebook", "lock_sha256", "commit")
    )
    print(f"commit {info_a['commit'][:12]} / {info_b['commit'][:12]}")
    print(f"lock sha256 {info_a['lock_sha256'][:16]} / {info_b['lock_sha256'][:16]}")
    verdict = "same" if versions_equal else "DIFFERENT"
    print(f"recorded versions: {verdict} ({len(info_a['distributions'])} distributions)")
    files_a, files_b = digests(a), digests(b)
    differ = sorted(k for k in set(files_a) | set(files_b) if files_a.get(k) != files_b.get(k))
    print(f"files: {len(files_a)} / {len(files_b)}, {len(differ)} differ")
    for name in differ[:20]:
        print(f"  {name}")
    return 0 if versions_equal else 1


if __name__ == "__main__":
    raise SystemExit(main())
