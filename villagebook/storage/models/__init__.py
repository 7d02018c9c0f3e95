"""All tables.  Importing this package registers every table on ``SQLModel.metadata``."""

from villagebook.storage.models import (  # noqa: F401  (registration)
    deliberations,
    development,
    findings,
    meetings,
    org,
    proof,
    safety,
    township,
)
from villagebook.storage.models.base import Row
from villagebook.storage.models.org import (
    AppSetting,
    Attachment,
    Branch,
    Discipline,
    GroupAssignment,
    PartyGroup,
    Person,
    Recorder,
    StatusChange,
)

#: The capability that owns each model module's tables (``org`` holds the roster's).
_CAPABILITY_OF_MODULE = {
    "org": "roster",
    "meetings": "meetings",
    "development": "development",
    "deliberations": "deliberations",
    "safety": "safety",
    "findings": "checks",
    "proof": "proof",
    "township": "township",
}


#: Tables shared by several capabilities.
_SHARED_TABLES = {"app_setting": "settings", "attachment": "attachments"}


def capability_of_table(name: str) -> str:
    """The capability whose records live in table ``name`` (``other`` if none)."""
    return _TABLE_CAPABILITY.get(name, "other")


def _table_capabilities() -> dict[str, str]:
    from sqlmodel import SQLModel

    found = {}
    for mapper in SQLModel._sa_registry.mappers:
        module = mapper.class_.__module__.rsplit(".", 1)[-1]
        table = getattr(mapper.class_, "__tablename__", None)
        if isinstance(table, str) and module in _CAPABILITY_OF_MODULE:
            found[table] = _CAPABILITY_OF_MODULE[module]
    return {**found, **_SHARED_TABLES}


_TABLE_CAPABILITY = _table_capabilities()

__all__ = [
    "AppSetting",
    "Attachment",
    "Branch",
    "Discipline",
    "GroupAssignment",
    "PartyGroup",
    "Person",
    "Recorder",
    "Row",
    "StatusChange",
    "capability_of_table",
]
