"""The app lock (程序锁): an optional password asked on start and after idle time.

Only an Argon2 hash is kept (in ``app_setting``); the laptop holds personal data, and the
lock keeps a passer-by out of an open window.  With the lock on, the data folder is also
encrypted at rest (``services/safety/_encryption.py``, ``storage/cipher.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session, select

from villagebook.domain.common.errors import InputError
from villagebook.domain.safety.validation import DEFAULT_IDLE_MINUTES, lock_settings_problems
from villagebook.domain.safety.values import AppLockSettings
from villagebook.storage.models import AppSetting

if TYPE_CHECKING:
    from argon2 import PasswordHasher

HASH_KEY = "applock.password_hash"
IDLE_KEY = "applock.idle_minutes"


def _setting(session: Session, key: str) -> AppSetting | None:
    return session.exec(select(AppSetting).where(AppSetting.key == key)).first()


def _put(session: Session, key: str, value: str) -> None:
    row = _setting(session, key) or AppSetting(key=key)
    row.value = value
    session.add(row)
    session.flush()


def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def is_enabled(session: Session) -> bool:
    row = _setting(session, HASH_KEY)
    return row is not None and bool(row.value)


def idle_minutes(session: Session) -> int:
    row = _setting(session, IDLE_KEY)
    try:
        return int(row.value) if row else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def settings(session: Session) -> AppLockSettings:
    return AppLockSettings(enabled=is_enabled(session), idle_minutes=idle_minutes(session))


def set_password(
    session: Session, password: str, *, repeat: str | None = None, idle: int | None = None
) -> None:
    """Turn the lock on (or change its password); ``repeat`` must match when given."""
    problems = lock_settings_problems(password, repeat, idle)
    if problems:
        raise InputError(problems)
    _put(session, HASH_KEY, str(_hasher().hash(password)))
    if idle is not None:
        _put(session, IDLE_KEY, str(idle))


def clear_password(session: Session) -> None:
    if is_enabled(session):
        _put(session, HASH_KEY, "")


def check_password(session: Session, password: str) -> bool:
    """True when the lock is off or ``password`` matches its hash."""
    row = _setting(session, HASH_KEY)
    if row is None or not row.value:
        return True
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(row.value, password))
    except (VerificationError, InvalidHashError):
        return False
