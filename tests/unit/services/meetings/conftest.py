"""Fixtures for the meetings services: the small branch, and a Book whose today is TODAY."""

from __future__ import annotations

import pytest

from tests.unit.services.meetings.village import TODAY, Village, make_village
from villagebook.services.book import Book
from villagebook.storage.db import Database


@pytest.fixture
def village(db: Database) -> Village:
    return make_village(db)


@pytest.fixture
def meetings_book(db: Database, village: Village) -> Book:
    """The small branch in a Book whose today is TODAY."""
    return Book(db, today=lambda: TODAY)
