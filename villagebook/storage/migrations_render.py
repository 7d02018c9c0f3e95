"""How autogenerate renders our own column types (used by env.py and scripts/autogen_ops.py)."""

from __future__ import annotations

from typing import Any

from villagebook.storage.models.base import EnumText


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render enum columns as plain strings so migrations don't import app types."""
    if type_ == "type" and isinstance(obj, EnumText):
        return "sa.String(length=32)"
    return False
