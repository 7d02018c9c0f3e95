"""The schema revision this code expects (a test checks it equals the Alembic head).

Kept as a constant so opening an up-to-date database needs no Alembic import.
"""

SCHEMA_HEAD = "0011_township"


def is_newer(revision: str) -> bool:
    """True when ``revision`` comes after this program's head (a newer VillageBook wrote it).

    Revisions are numbered (``0006_finding_notes``); the number decides, so this needs no
    Alembic and no list that a new migration must remember to extend.
    """
    return _number(revision) > _number(SCHEMA_HEAD)


def _number(revision: str) -> int:
    digits = revision.split("_", 1)[0]
    return int(digits) if digits.isdigit() else 0
