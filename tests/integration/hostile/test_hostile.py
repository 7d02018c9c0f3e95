"""Hostile input: random and malformed records, files and field values never crash a service,
never half-write, and always name the problem (hypothesis)."""

from __future__ import annotations

import copy
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from tests.conftest import TODAY
from villagebook import paths
from villagebook.domain.common.errors import InputError
from villagebook.domain.roster import values as roster_values
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import PartyStatus
from villagebook.services import exchange, registry
from villagebook.services.exchange import ImportFailed
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database, open_database
from villagebook.storage.models import Branch, Person

VALID_ID = "11010519491231002X"
ODD_TEXT = st.text(
    alphabet=st.sampled_from(
        [
            *"张王李趙錢孫劉陳黃偉國華０１２３４５６７８９Ｘx \t\n-",
            *["\u200b", "\u200d", "\ufeff", "\u3000", "\x00", "𠀀", "é", "ﾊ", "٣"],
        ]
    ),
    max_size=40,
)
ANY_TEXT = st.one_of(ODD_TEXT, st.text(max_size=60))


def _people(db: Database) -> int:
    with db.read() as session:
        return len(session.exec(select(Person)).all())


def _assert_named(problems: list[Any]) -> None:
    assert problems
    for problem in problems:
        assert problem.field and problem.label and problem.message


@pytest.fixture
def branch_db(db: Database) -> tuple[Database, uuid.UUID]:
    with db.write() as session:
        branch = roster_commands.create_branch(
            session, roster_values.BranchInput(name="测试支部", village="测试村")
        )
        return db, branch.id


# --- services ---------------------------------------------------------------------------------


@given(
    name=ANY_TEXT,
    gender=st.one_of(st.sampled_from(["男", "女", "", "男 ", "其他"]), ANY_TEXT),
    phone=st.one_of(st.just(""), st.from_regex(r"1[0-9０-９]{10}", fullmatch=True), ANY_TEXT),
    id_number=st.one_of(st.just(""), st.just(VALID_ID), st.from_regex(r"[0-9X]{18}"), ANY_TEXT),
    note=st.text(max_size=600),
    birth=st.one_of(st.none(), st.dates()),
)
def test_create_person_never_crashes_nor_half_writes(
    branch_db: tuple[Database, uuid.UUID],
    name: str,
    gender: str,
    phone: str,
    id_number: str,
    note: str,
    birth: Any,
) -> None:
    db, branch_id = branch_db
    before = _people(db)
    data = PersonInput(
        name=name, gender=gender, phone=phone, id_number=id_number, note=note, birth_date=birth
    )
    try:
        with db.write() as session:
            person = roster_commands.create_person(session, branch_id, data, as_of=TODAY)
            saved_name = person.name
    except InputError as exc:
        _assert_named(exc.problems)
        assert _people(db) == before
        return
    assert _people(db) == before + 1
    assert 1 <= len(saved_name) <= 30
    assert "\u200b" not in saved_name and saved_name == saved_name.strip()


def _create(db: Database, branch_id: uuid.UUID, **fields: Any) -> Person:
    with db.write() as session:
        return roster_commands.create_person(session, branch_id, PersonInput(**fields), as_of=TODAY)


def test_unicode_oddities_are_cleaned_or_refused_by_field(
    branch_db: tuple[Database, uuid.UUID],
) -> None:
    db, branch_id = branch_db
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    person = _create(db, branch_id, name="\u200b張\u200d偉\ufeff", id_number=full_width)
    assert person.name == "張偉"  # traditional characters kept, invisible ones dropped
    assert person.id_number == VALID_ID
    assert _create(db, branch_id, name="李").name == "李"
    assert _create(db, branch_id, name="王" * 30).name == "王" * 30
    before = _people(db)
    with pytest.raises(InputError) as caught:
        _create(db, branch_id, name="王" * 31, phone="１３８００１３８０００")
    assert [p.field for p in caught.value.problems] == ["name"]
    with pytest.raises(InputError) as caught:
        _create(db, branch_id, name="\u200b\u3000 ", id_number=VALID_ID)
    assert {p.field for p in caught.value.problems} == {"name", "id_number"}
    assert "重复" in caught.value.problems[-1].message
    assert _people(db) == before


# --- the importer -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:

    source = open_database(tmp_path_factory.mktemp("source"), actor="测试员")
    with source.write() as session:
        registry.create_demo(session, today=TODAY)
    with source.read() as session:
        document = registry.export_branch(session, session.exec(select(Branch)).one())
    source.close()
    return document


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    open_database(folder).close()
    return paths.database_path(folder)


@pytest.fixture
def fresh_db(empty_template: Path, tmp_path: Path) -> Iterator[Any]:
    made: list[Database] = []

    def make() -> Database:
        folder = tmp_path / uuid.uuid4().hex
        folder.mkdir()
        shutil.copy(empty_template, paths.database_path(folder))
        db = open_database(folder)
        made.append(db)
        return db

    yield make
    for db in made:
        db.close()


def _table_counts(db: Database) -> dict[str, int]:
    import sqlite3

    conn = sqlite3.connect(db.path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            found += _paths(item, (*prefix, index))
    return found


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=5,
)


def _import(db: Database, document: Any) -> None:
    with db.write() as session:
        registry.import_document(session, document, today=TODAY)


@settings(max_examples=25, database=None)
@given(data=st.data())
def test_mutated_exchange_files_are_refused_whole_or_imported_whole(
    exported: dict[str, Any], fresh_db: Any, data: st.DataObject
) -> None:
    document = copy.deepcopy(exported)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        # An index, not sampled_from: the draws must not depend on the demo's shape,
        # which other capabilities change between runs.
        choices = _paths(document)
        where = choices[data.draw(st.integers(0, 10**6), label="path") % len(choices)]
        parent = document
        for key in where[:-1]:
            parent = parent[key]
        if data.draw(st.booleans(), label="delete") and isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent[where[-1]] = data.draw(JSON_VALUES, label="value")
        if not isinstance(document, dict):
            break
    db = fresh_db()
    before = _table_counts(db)
    try:
        _import(db, document)
    except ImportFailed as exc:
        _assert_named(exc.problems)
        assert _table_counts(db) == before
        return
    assert _people(db) == len(document["people"])


@given(content=st.binary(max_size=300) | ANY_TEXT.map(lambda t: t.encode("utf-8")))
def test_random_files_are_refused_with_a_message(tmp_path: Path, content: bytes) -> None:
    file = tmp_path / "hostile.json"
    file.write_bytes(content)
    try:
        document = exchange.read_document(file)
    except ImportFailed as exc:
        _assert_named(exc.problems)
        return
    assert isinstance(document, dict)


def test_a_document_of_the_wrong_shape_names_the_problem(fresh_db: Any) -> None:
    db = fresh_db()
    for document in ([], {"format": "x"}, {"people": [{}]}, json.loads('{"branch": null}')):
        with pytest.raises(ImportFailed) as caught:
            _import(db, document)
        _assert_named(caught.value.problems)
    assert _people(db) == 0


@given(
    status=st.sampled_from(list(PartyStatus)),
    day=st.dates(),
    note=ANY_TEXT,
)
def test_change_status_never_crashes_nor_half_writes(
    branch_db: tuple[Database, uuid.UUID], status: PartyStatus, day: Any, note: str
) -> None:
    db, branch_id = branch_db
    with db.write() as session:
        person = session.exec(select(Person)).first()
        if person is None:
            person = roster_commands.create_person(
                session, branch_id, PersonInput(name="测试人", id_number=VALID_ID), as_of=TODAY
            )
        person_id, before = person.id, len(roster_queries.status_history(session, person.id))
    try:
        with db.write() as session:
            roster_commands.change_status(session, person_id, status, day, note=note, as_of=TODAY)
    except InputError as exc:
        _assert_named(exc.problems)
        with db.read() as session:
            assert len(roster_queries.status_history(session, person_id)) == before
        return
    with db.read() as session:
        history = roster_queries.status_history(session, person_id)
        assert len(history) == before + 1
        assert roster_queries.get_person(session, person_id).status is history[-1].status
