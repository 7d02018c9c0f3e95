"""Import never raises anything but a refusal: duplicate ids of every record kind (in the
file and against the folder), unbounded integers, impossible times, unstorable text,
unreadable files; every refusal names its path in Chinese, never in jsonschema's English."""

from __future__ import annotations

import copy
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from tests.conftest import TODAY, _copy_template
from villagebook.domain.common.i18n import label
from villagebook.services import exchange, exchange_schema, registry
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database, open_database
from villagebook.storage.models import Person

Doc = dict[str, Any]
SHA = "ab" * 32


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory: pytest.TempPathFactory, template_demo: Path) -> Doc:
    """The demo export with at least one record of every kind the format has."""
    from villagebook.services.book import Book

    with Book.open(template_demo, actor="测试员") as book:
        branch = book.roster.first_branch()
        assert branch is not None
        doc = book.exchange.export_document(branch.id)
    new = lambda: str(uuid.uuid4())  # noqa: E731
    doc["people"][0]["discipline"].append(
        {"id": new(), "kind": "留党察看", "start_on": "2025-01-01", "end_on": None, "note": ""}
    )
    meeting = doc["meetings"][0]
    meeting["amendments"].append(
        {
            "id": new(),
            "field": "place",
            "old_value": "旧",
            "new_value": "新",
            "reason": "笔误",
            "amended_on": meeting["held_on"],
            "amended_by": "测试员",
        }
    )
    file = {"filename": "照片.png", "media_type": "image/png", "size": 10, "sha256": SHA}
    meeting["attachments"].append({"id": new(), "kind": "照片", **file, "note": ""})
    meeting.pop("content_hash", None)  # changed here: imported as an unsealed finalisation
    stored = {"stored_path": f"attachments/ab/{SHA}.png"}
    doc["development_cases"][0]["steps"][0]["attachments"].append({"id": new(), **file, **stored})
    doc["deliberations"][0]["steps"][0]["attachments"].append({"id": new(), **file, **stored})
    doc["finding_notes"].append(
        {"id": new(), "code": "MTG-X", "note": "已处理", "handled_on": "2026-01-01"}
    )
    return doc


#: Where each kind of record sits: (list path, the table it goes to).
KINDS = {
    "groups": "party_group",
    "people": "person",
    "people[0].status_history": "status_change",
    "people[1].group_history": "group_assignment",
    "people[0].discipline": "discipline",
    "meetings": "meeting",
    "meetings[0].attendance": "meeting_attendance",
    "meetings[0].amendments": "meeting_amendment",
    "meetings[0].attachments": "attachment",
    "meeting_plans": "meeting_plan",
    "meeting_plans[0].items": "meeting_plan_item",
    "development_cases": "development_case",
    "development_cases[0].steps": "development_step",
    "development_cases[*].steps[*].people": "development_step_person",
    "development_cases[*].assessments": "development_assessment",
    "development_cases[*].extensions": "development_extension",
    "development_cases[0].steps[0].attachments": "attachment",
    "deliberations": "deliberation",
    "deliberations[0].texts": "deliberation_text",
    "deliberations[0].steps": "deliberation_step",
    "deliberations[0].steps[0].attachments": "attachment",
    "finding_notes": "finding_note",
}


def _lists(doc: Any, pattern: str) -> Iterator[tuple[str, list[Any]]]:
    """The lists a pattern such as ``development_cases[*].steps[*].people`` names."""
    found: list[tuple[str, Any]] = [("", doc)]
    for part in pattern.split("."):
        name, _, index = part.partition("[")
        found = [(f"{p}.{name}" if p else name, node[name]) for p, node in found if name in node]
        if index:
            index = index.rstrip("]")
            if index == "*":
                found = [(f"{p}[{i}]", item) for p, items in found for i, item in enumerate(items)]
            else:
                found = [(f"{p}[{index}]", items[int(index)]) for p, items in found]
    yield from ((p, items) for p, items in found if isinstance(items, list))


def _first_list(doc: Doc, pattern: str) -> tuple[str, list[Any]]:
    return next((p, items) for p, items in _lists(doc, pattern) if items)


def _with_new_child_ids(record: Doc) -> Doc:
    """``record`` whose nested records (not itself) have new ids."""
    for value in record.values():
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict):
                if "id" in item:
                    item["id"] = str(uuid.uuid4())
                _with_new_child_ids(item)
    return record


def _refused(db: Database, doc: Doc) -> list[Any]:
    with pytest.raises(exchange.ImportFailed) as caught, db.write() as session:
        registry.import_document(session, doc, today=TODAY)
    return caught.value.problems


def _imports(db: Database, doc: Doc) -> uuid.UUID:
    with db.write() as session:
        return registry.import_document(session, doc, today=TODAY)


def _people(db: Database) -> int:
    with db.read() as session:
        return len(session.exec(select(Person)).all())


def test_the_document_with_every_kind_imports_whole(db: Database, every_kind: Doc) -> None:
    for pattern in KINDS:
        assert _first_list(every_kind, pattern)[1], pattern
    _imports(db, copy.deepcopy(every_kind))
    assert _people(db) == len(every_kind["people"])


@pytest.mark.parametrize("pattern", list(KINDS))
@pytest.mark.parametrize("spelling", ["same", "capitals", "no hyphens"])
def test_rule_exchange_id_unique_in_file_refuses_a_repeated_id_of_every_kind(
    db: Database, every_kind: Doc, pattern: str, spelling: str
) -> None:
    doc = copy.deepcopy(every_kind)
    path, items = _first_list(doc, pattern)
    twin = _with_new_child_ids(copy.deepcopy(items[0]))
    twin["id"] = {
        "same": twin["id"],
        "capitals": twin["id"].upper(),
        "no hyphens": twin["id"].replace("-", ""),
    }[spelling]
    if len(items) > 1:
        items[-1] = twin  # (a list may have a maximum length: 6 steps of a deliberation)
    else:
        items.append(twin)
    problems = _refused(db, doc)
    assert [p.field for p in problems] == [f"{path}[{len(items) - 1}].id"]
    assert "重复" in problems[0].message and f"{path}[0].id" in problems[0].message
    assert _people(db) == 0


def _renumbered(doc: Doc, keep: str) -> Doc:
    """The same records under new ids (references follow), except ``keep``; no ID numbers."""
    text = json.dumps(doc, ensure_ascii=False)
    ids = set(re.findall(r'"id": "([0-9a-f-]{36})"', text)) - {keep}
    for old in ids:
        text = text.replace(old, str(uuid.uuid4()))
    renamed = json.loads(text)
    for person in renamed["people"]:
        person["id_number"] = None
    for meeting in renamed["meetings"]:  # a seal covers the ids: these come unsealed
        meeting.pop("content_hash", None)
    return renamed


@pytest.fixture(scope="module")
def filled(
    tmp_path_factory: pytest.TempPathFactory, template_empty: Path, every_kind: Doc
) -> Iterator[Database]:
    """A data folder that already holds ``every_kind`` (refused imports leave it as it is)."""
    folder = _copy_template(template_empty, tmp_path_factory.mktemp("filled") / "data")
    database = open_database(folder, actor="测试员")
    _imports(database, copy.deepcopy(every_kind))
    yield database
    database.close()


@pytest.mark.parametrize("pattern", list(KINDS))
def test_rule_exchange_id_unique_in_folder_refuses_an_id_the_folder_holds(
    filled: Database, every_kind: Doc, pattern: str
) -> None:
    path, items = _first_list(every_kind, pattern)
    doc = _renumbered(every_kind, keep=items[0]["id"])
    people = _people(filled)
    problems = _refused(filled, doc)
    assert [(p.field, p.message) for p in problems] == [
        (f"{path}[0].id", "本数据文件夹中已有相同编号的记录")
    ]
    assert _people(filled) == people


def test_rule_exchange_id_unique_in_folder_accepts_new_ids(db: Database, every_kind: Doc) -> None:
    _imports(db, copy.deepcopy(every_kind))
    _imports(db, _renumbered(every_kind, keep=""))
    assert _people(db) == 2 * len(every_kind["people"])


def test_rule_exchange_id_unique_in_folder_names_the_branch(
    filled: Database, every_kind: Doc
) -> None:
    problems = _refused(filled, _renumbered(every_kind, keep=every_kind["branch"]["id"]))
    assert [p.field for p in problems] == ["branch.id"]
    assert "不能重复导入" in problems[0].message


def test_a_reference_to_a_duplicated_person_is_not_reported_as_missing(
    db: Database, every_kind: Doc
) -> None:
    doc = copy.deepcopy(every_kind)
    doc["people"].append(_with_new_child_ids(copy.deepcopy(doc["people"][0])))
    doc["people"][-1]["id_number"] = None
    problems = _refused(db, doc)
    assert len(problems) == 1 and "不存在" not in problems[0].message


def _integer_paths(doc: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _integer_paths(value, (*path, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc[:1]):
            yield from _integer_paths(value, (*path, index))
    elif isinstance(doc, int) and not isinstance(doc, bool) and path[-1] != "version":
        yield path


def _set(doc: Doc, path: tuple[Any, ...], value: Any) -> None:
    node: Any = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def test_rule_exchange_integer_bounded_refuses_two_to_the_63rd_in_every_integer_field(
    db: Database, every_kind: Doc
) -> None:
    paths = list(_integer_paths(every_kind))
    assert len({p[-1] for p in paths}) >= 8  # counts, sizes, amounts, years, versions …
    doc = copy.deepcopy(every_kind)
    for path in paths:
        _set(doc, path, 2**63)
    problems = _refused(db, doc)
    assert {exchange_schema.json_path(p) for p in paths} == {p.field for p in problems}
    assert all("不能大于" in p.message for p in problems)
    assert _people(db) == 0


@pytest.mark.parametrize("time", ["24:00", "25:30", "29:59", "23:60", "9:00"])
def test_rule_exchange_time_refuses_impossible_times(
    db: Database, every_kind: Doc, time: str
) -> None:
    doc = copy.deepcopy(every_kind)
    doc["meetings"][0]["start_time"] = time
    problems = _refused(db, doc)
    assert [p.field for p in problems] == ["meetings[0].start_time"]
    assert "00:00至23:59" in problems[0].message


def test_rule_exchange_time_accepts_the_last_minute_of_the_day(
    db: Database, every_kind: Doc
) -> None:
    doc = copy.deepcopy(every_kind)
    doc["meetings"][0]["start_time"], doc["meetings"][0]["end_time"] = "00:00", "23:59"
    _imports(db, doc)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("王\ud800五", "代理项"),
        ("王\x00五", "控制字符"),
        ("\x1b[31m王五", "控制字符"),
        ("王\u202e五", "文字方向"),
        ("王\u2066五", "文字方向"),
        ("王\n五", "一行"),
    ],
)
def test_rule_exchange_text_refuses_unstorable_characters_in_a_name(
    db: Database, every_kind: Doc, text: str, why: str
) -> None:
    doc = copy.deepcopy(every_kind)
    doc["people"][0]["name"] = text
    problems = _refused(db, doc)
    assert [p.field for p in problems] == ["people[0].name"]
    assert why in problems[0].message and label(exchange_schema.LABELS["name"]) == "姓名"
    assert "\ud800" not in problems[0].message


def test_rule_exchange_text_allows_line_breaks_where_a_text_has_them(
    db: Database, every_kind: Doc
) -> None:
    doc = copy.deepcopy(every_kind)
    doc["meetings"][0]["note"] = "第一行\n第二行\t缩进"
    doc["people"][0]["note"] = "两行\r\n备注"
    _imports(db, doc)


def test_a_long_value_is_quoted_short(db: Database, every_kind: Doc) -> None:
    doc = copy.deepcopy(every_kind)
    doc["meetings"][0]["resolutions"] = "很长的决议" * 200_000
    doc["meetings"][1]["kind"] = "x" * 1_000_000
    problems = _refused(db, doc)
    assert [p.field for p in problems] == ["meetings[0].resolutions", "meetings[1].kind"]
    assert "不能超过40000个字（现有1000000个字）" in problems[0].message
    assert all(len(p.message) < 200 for p in problems)


#: One breach of every kind of schema rule, and the Chinese its message must carry.
BREACHES: list[tuple[str, Any, str]] = [
    ("type", 5, "应为文字"),
    ("required", None, "缺少这一项"),
    ("additionalProperties", "unknown", "不认识的字段"),
    ("enum", "party", "不是可选的值"),
    ("pattern", "01/02/2026", "应为日期"),
    ("minLength", "", "不能为空"),
    ("maxLength", "王" * 61, "不能超过60个字"),
    ("minimum", -1, "不能小于0"),
    ("maximum", 10**7, "不能大于1000000"),
    ("minItems", [], "至少应有1项"),
    ("maxItems", "seven steps", "最多6项"),
    ("uniqueItems", ["board", "board"], "不能有重复的项"),
    ("format", "王\x07", "控制字符"),
    ("anyOf", 5, "应为文字或null"),
]


def _breach(doc: Doc, kind: str, value: Any) -> str:
    meeting, person = doc["meetings"][0], doc["people"][0]
    step = doc["deliberations"][0]["steps"][0]
    if kind == "type":
        meeting["title"] = value
        return "meetings[0].title"
    if kind == "required":
        del meeting["held_on"]
        return "meetings[0].held_on"
    if kind == "additionalProperties":
        meeting[value] = 1
        return f"meetings[0].{value}"
    if kind == "enum":
        meeting["kind"] = value
        return "meetings[0].kind"
    if kind in ("pattern",):
        meeting["held_on"] = value
        return "meetings[0].held_on"
    if kind in ("minLength", "maxLength"):
        meeting["attendance"][0]["name"] = value
        return "meetings[0].attendance[0].name"
    if kind in ("minimum", "maximum"):
        meeting["votes"] = [{"motion": "表决", "yes": value, "no": 0, "abstain": 0}]
        return "meetings[0].votes[0].yes"
    if kind == "minItems":
        person["status_history"] = value
        return "people[0].status_history"
    if kind == "maxItems":
        doc["deliberations"][0]["steps"] = [copy.deepcopy(step) for _ in range(7)]
        return "deliberations[0].steps"
    if kind == "uniqueItems":
        step["channels"] = value
        return "deliberations[0].steps[0].channels"
    if kind == "format":
        meeting["place"] = value
        return "meetings[0].place"
    person["birth_date"] = value  # anyOf: a date or null
    return "people[0].birth_date"


ENGLISH = re.compile(r"\b(is|are|was|not|valid|expected|required|property|schema|should)\b")


@pytest.mark.parametrize(("kind", "value", "chinese"), BREACHES, ids=[b[0] for b in BREACHES])
def test_every_kind_of_schema_rule_is_said_in_chinese(
    every_kind: Doc, kind: str, value: Any, chinese: str
) -> None:
    doc = copy.deepcopy(every_kind)
    path = _breach(doc, kind, value)
    problems = exchange.schema_problems(doc)
    assert [p.field for p in problems] == [path], problems
    assert chinese in problems[0].message
    assert not ENGLISH.search(problems[0].message + problems[0].label), problems[0]
    assert re.search(r"[\u4e00-\u9fff]", problems[0].label)


def test_every_field_of_the_format_has_a_chinese_label() -> None:
    keys: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for file in Path("resources/schema").glob("*.schema.json"):
        walk(json.loads(file.read_text(encoding="utf-8")))
    assert keys - set(exchange_schema.LABELS) == set()
    assert {parent for parent, _ in exchange_schema.LABELS_UNDER} <= keys


def _schema_leaves(node: Any, key: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "type" in node:
            yield key, node
        for k, value in node.items():
            child = k if k not in ("items", "anyOf", "$defs", "properties") else key
            if k in ("properties", "$defs"):
                for name, sub in value.items():
                    yield from _schema_leaves(sub, name)
            else:
                yield from _schema_leaves(value, child)
    elif isinstance(node, list):
        for value in node:
            yield from _schema_leaves(value, key)


def test_every_free_text_has_a_format_and_a_length_and_every_number_a_bound() -> None:
    for file in Path("resources/schema").glob("*.schema.json"):
        for key, leaf in _schema_leaves(json.loads(file.read_text(encoding="utf-8"))):
            if leaf["type"] == "string" and not {"pattern", "enum", "const"} & leaf.keys():
                assert leaf.get("format") in ("line", "text"), (file.name, key)
                assert 0 < leaf.get("maxLength", 0) <= 40000, (file.name, key)
            if leaf["type"] in ("integer", "number"):
                assert leaf.get("maximum", 2**63) < 2**53, (file.name, key)


# --- reading the file -------------------------------------------------------------------------


def _read_refused(path: Path) -> str:
    with pytest.raises(exchange.ImportFailed) as caught:
        exchange.read_document(path)
    (problem,) = caught.value.problems
    assert problem.field == "$"
    return problem.message


def test_rule_exchange_read_refuses_a_folder(tmp_path: Path) -> None:
    assert "文件夹" in _read_refused(tmp_path)


def test_rule_exchange_read_refuses_deep_nesting_and_huge_numbers(tmp_path: Path) -> None:
    file = tmp_path / "x.json"
    file.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "嵌套" in _read_refused(file)
    file.write_text('{"a": ' + "9" * 5000 + "}", encoding="utf-8")
    assert "超出" in (message := _read_refused(file)) and len(message) < 100
    file.write_text('{"a": NaN}', encoding="utf-8")
    assert "超出" in _read_refused(file)
    file.write_text('{"a": 1e999}', encoding="utf-8")
    assert "超出" in _read_refused(file)
    file.write_text('{"a": 12345678901234567890}', encoding="utf-8")
    assert exchange.read_document(file) == {"a": 12345678901234567890}  # the passing case


def test_rule_exchange_nesting_refuses_what_parses_but_is_too_deep() -> None:
    deep: list[Any] = []
    for _ in range(30):
        deep = [deep]
    problems = exchange_schema.structure_problems({"people": deep})
    assert len(problems) == 1 and "嵌套" in problems[0].message


def test_rule_exchange_read_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    file = tmp_path / "notepad.json"
    file.write_bytes(b"\xef\xbb\xbf" + json.dumps({"format": "x"}).encode())
    assert exchange.read_document(file) == {"format": "x"}
    file.write_bytes('{"format": "x"}'.encode("utf-16"))
    assert "UTF-16" in _read_refused(file)


def test_rule_exchange_read_refuses_a_file_over_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", 1024)
    file = tmp_path / "big.json"
    file.write_text(json.dumps({"note": "x" * 2000}), encoding="utf-8")
    assert "太大" in _read_refused(file)
    file.write_text(json.dumps({"note": "x" * 100}), encoding="utf-8")
    assert exchange.read_document(file)


def test_rule_exchange_version_names_a_newer_format(every_kind: Doc, db: Database) -> None:
    doc = copy.deepcopy(every_kind) | {"version": 2, "meetings_v2": []}
    problems = _refused(db, doc)
    assert [p.field for p in problems] == ["version"]
    assert "更新版本的VillageBook制作（格式第2版）" in problems[0].message


def test_a_duplicate_id_number_written_differently_is_found_against_the_folder(
    filled: Database, every_kind: Doc
) -> None:
    doc = _renumbered(every_kind, keep="")
    source = next(p for p in every_kind["people"] if p.get("id_number"))
    doc["people"][0]["id_number"] = source["id_number"].lower().replace("x", "ｘ") + " "
    problems = _refused(filled, doc)
    assert [p.field for p in problems] == ["people[0].id_number"]
    with filled.read() as session:
        assert roster_queries.first_branch(session) is not None
