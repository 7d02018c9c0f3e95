"""Shared table machinery: UUID keys, who/when stamps, enum and typed JSON columns, naming
convention."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlmodel import Field, SQLModel

# Alembic batch mode on SQLite needs named constraints to recreate tables reliably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class EnumText(sa.types.TypeDecorator[E], Generic[E]):
    """Store a StrEnum as its plain text value; load it back as the enum member."""

    impl = sa.String(32)
    cache_ok = True

    def __init__(self, enum_type: type[E]) -> None:
        super().__init__()
        self.enum_type = enum_type

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_type(value).value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> E | None:
        if value is None:
            return None
        return self.enum_type(value)


class PydanticJSON(sa.types.TypeDecorator[T], Generic[T]):
    """A JSON column holding a value of a pydantic-declared type, e.g. ``list[Vote]``.

    The value is validated on the way in (and dumped to plain JSON) and on the way out, so
    the keys are spelled once, in the type's declaration, and a malformed value never
    reaches the database nor leaves it unnoticed.
    """

    impl = sa.JSON
    cache_ok = True

    def __init__(self, value_type: Any) -> None:
        super().__init__()
        self.value_type = value_type
        self._adapter: TypeAdapter[T] = TypeAdapter(value_type)

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        return self._adapter.dump_python(self._adapter.validate_python(value), mode="json")

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> T | None:
        if value is None:
            return None
        return self._adapter.validate_python(value)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class Row(SQLModel):
    """Columns every table has: a UUID (so villages' data can be merged) and who/when stamps.

    The stamps are filled by the session's ``before_flush`` hook (see ``storage.db``);
    services never set them by hand.
    """

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(default="", max_length=100)
    updated_at: dt.datetime | None = Field(default=None)
    updated_by: str | None = Field(default=None, max_length=100)
