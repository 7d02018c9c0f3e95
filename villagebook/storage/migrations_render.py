"""How autogenerate renders our own column types (used by env.py and scripts/autogen_ops.py)."""

from __future__ import annotations

from typing import Any

from villagebook.storage.models.base import EnumText, PydanticJSON


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render enum columns as plain strings and typed JSON columns as plain JSON, so
    migrations don't import app types."""
    if type_ == "type" and isinstance(obj, EnumText):
        return "sa.String(length=32)"
    if type_ == "type" and isinstance(obj, PydanticJSON):
        return "sa.JSON()"
    return False
