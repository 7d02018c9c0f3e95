"""Typed JSON columns (PydanticJSON): validated on the way in and on the way out."""

from __future__ import annotations

import pydantic
import pytest
import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict

from villagebook.storage.models.base import PydanticJSON


class Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    motion: str
    yes: int = 0


@pytest.fixture
def table() -> tuple[sa.Engine, sa.Table]:
    engine = sa.create_engine("sqlite://")
    metadata = sa.MetaData()
    parts = sa.Table(
        "parts",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", PydanticJSON(list[Part])),
    )
    metadata.create_all(engine)
    return engine, parts


def test_values_go_in_as_plain_json_and_come_out_typed(table: tuple[sa.Engine, sa.Table]) -> None:
    engine, parts = table
    with engine.begin() as conn:
        conn.execute(parts.insert(), [{"id": 1, "value": [Part(motion="决议", yes=3)]}])
        stored = conn.execute(sa.text("SELECT value FROM parts")).scalar_one()
        loaded = conn.execute(sa.select(parts.c.value)).scalar_one()
    assert stored == '[{"motion": "\\u51b3\\u8bae", "yes": 3}]'  # the JSON shape of before
    assert loaded == [Part(motion="决议", yes=3)]


def test_a_malformed_value_is_refused_going_in_and_coming_out(
    table: tuple[sa.Engine, sa.Table],
) -> None:
    engine, parts = table
    with pytest.raises(sa.exc.StatementError) as info, engine.begin() as conn:
        conn.execute(parts.insert(), [{"id": 1, "value": [{"motion": "决议", "yes": "many"}]}])
    assert isinstance(info.value.orig, pydantic.ValidationError)
    with engine.begin() as conn:
        conn.execute(sa.text("""INSERT INTO parts VALUES (2, '[{"vote": "?"}]')"""))
    with pytest.raises(pydantic.ValidationError), engine.begin() as conn:
        conn.execute(sa.select(parts.c.value)).all()


def test_null_stays_null(table: tuple[sa.Engine, sa.Table]) -> None:
    engine, parts = table
    with engine.begin() as conn:
        conn.execute(parts.insert(), [{"id": 1, "value": None}])
        assert conn.execute(sa.select(parts.c.value)).scalar_one() is None
