"""The deliberations capability as the Book offers it."""

from __future__ import annotations

from villagebook.services.capability import Capability


class DeliberationsApi(Capability):
    pass
