"""What this installation is (a branch, a township or a county) and, on a township, its own
unit: kept in ``app_setting`` with the data, so a backup or a server carries it."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from villagebook.domain.township.values import Role
from villagebook.storage.models import AppSetting

ROLE_KEY = "installation.role"
UNIT_KEY = "installation.unit"


def _get(session: Session, key: str) -> str:
    row = session.exec(select(AppSetting).where(AppSetting.key == key)).first()
    return row.value if row is not None else ""


def _put(session: Session, key: str, value: str) -> None:
    row = session.exec(select(AppSetting).where(AppSetting.key == key)).first() or AppSetting(
        key=key
    )
    row.value = value
    session.add(row)


def role(session: Session) -> Role:
    value = _get(session, ROLE_KEY)
    try:
        return Role(value) if value else Role.BRANCH
    except ValueError:
        return Role.BRANCH


def own_unit(session: Session) -> uuid.UUID | None:
    """On a township or county: the branch row that stands for the township itself."""
    value = _get(session, UNIT_KEY)
    return uuid.UUID(value) if value else None


def set_role(session: Session, chosen: Role, unit: uuid.UUID | None) -> None:
    _put(session, ROLE_KEY, chosen.value)
    _put(session, UNIT_KEY, unit.hex if unit else "")
