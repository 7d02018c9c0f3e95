"""四议两公开 check providers."""

from __future__ import annotations

from villagebook.services.checks import CheckProvider
from villagebook.services.deliberations.matters import deliberation_checks

PROVIDERS: list[CheckProvider] = [deliberation_checks]
