"""All tables.  Importing this package registers every table on ``SQLModel.metadata``."""

from villagebook.storage.models import (  # noqa: F401  (registration)
    deliberations,
    development,
    meetings,
    org,
    safety,
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
    StatusChange,
)

__all__ = [
    "AppSetting",
    "Attachment",
    "Branch",
    "Discipline",
    "GroupAssignment",
    "PartyGroup",
    "Person",
    "Row",
    "StatusChange",
]
