"""An exchange file checked against its JSON Schema, every problem said in the user's words.

jsonschema finds what is wrong; this module says it.  Each kind of schema rule (``type``,
``required``, ``maxLength`` …) has a translated message, every field a label from one table
(:data:`LABELS`), and an offending value is quoted short (never a megabyte echoed back).
jsonschema's own English texts never reach the user.

Before the schema runs, :func:`structure_problems` looks at the bare document: how deeply it
nests, and strings that cannot be stored (lone surrogates).  The schema's two text formats
are checked here too: ``"format": "line"`` (one line: no control characters, no bidi
overrides) and ``"format": "text"`` (the same, but tabs and line breaks allowed).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from villagebook import paths
from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import N_, _, label

MAIN_SCHEMA = "urn:villagebook:exchange-v1"
#: No exchange file nests deeper than about eight levels; far deeper is an attack.
MAX_DEPTH = 24
#: More problems than this are summed up in one last line.
MAX_PROBLEMS = 200
#: How much of an offending text a message quotes.
QUOTE_CHARS = 24

# --- labels --------------------------------------------------------------------------------

#: Every field of the format as the user knows it.  A key under a particular list or object
#: can have its own label in :data:`LABELS_UNDER` (``groups`` → ``name`` is 党小组名称).
LABELS: dict[str, str] = {
    "abstain": N_("弃权票数"),
    "amended_by": N_("更正人"),
    "amended_on": N_("更正日期"),
    "amendments": N_("更正记录"),
    "amount_fen": N_("金额（分）"),
    "app_version": N_("程序版本"),
    "appraisals": N_("民主评议"),
    "assessed_on": N_("考察日期"),
    "assessments": N_("考察记录"),
    "attachments": N_("附件"),
    "attendance": N_("出席情况"),
    "basis": N_("表决范围"),
    "birth_date": N_("出生日期"),
    "body": N_("议定内容"),
    "branch": N_("支部"),
    "category": N_("事项类别"),
    "channels": N_("公开方式"),
    "code": N_("规则代码"),
    "committee_role": N_("支委职务"),
    "content_hash": N_("定稿校验值"),
    "county": N_("县"),
    "decided_on": N_("决定日期"),
    "deliberations": N_("四议两公开事项"),
    "development_cases": N_("发展党员档案"),
    "discipline": N_("处分"),
    "done_on": N_("步骤日期"),
    "education": N_("文化程度"),
    "effective_on": N_("生效日期"),
    "end_on": N_("结束日期"),
    "end_time": N_("结束时间"),
    "ended_on": N_("终止日期"),
    "ending": N_("终止方式"),
    "ending_reason": N_("终止原因"),
    "ethnicity": N_("民族"),
    "expected": N_("应到"),
    "expected_voting": N_("应到有表决权人数"),
    "exported_at": N_("导出时间"),
    "extensions": N_("延长预备期"),
    "field": N_("更正的项目"),
    "filed_on": N_("报送日期"),
    "filename": N_("文件名"),
    "finalised_by": N_("定稿人"),
    "finalised_on": N_("定稿日期"),
    "finding_notes": N_("已处理的检查结果"),
    "format": N_("文件格式"),
    "frozen_by": N_("定稿步骤"),
    "gender": N_("性别"),
    "group": N_("党小组"),
    "group_history": N_("党小组变动"),
    "group_id": N_("党小组"),
    "groups": N_("党小组"),
    "handled_by": N_("处理人"),
    "handled_on": N_("处理日期"),
    "has_committee": N_("设支部委员会"),
    "held_on": N_("会议日期"),
    "held_with_previous": N_("与上一步合并召开"),
    "historical": N_("历史档案"),
    "host": N_("主持人"),
    "host_id": N_("主持人"),
    "id": N_("编号"),
    "id_number": N_("身份证号"),
    "items": N_("计划项目"),
    "kind": N_("类型"),
    "leader_id": N_("党小组组长"),
    "lecturer": N_("授课人"),
    "lecturer_id": N_("授课人"),
    "lecturer_name": N_("授课人"),
    "media_type": N_("文件类型"),
    "meeting_id": N_("会议记录"),
    "meeting_plans": N_("季度计划"),
    "meetings": N_("会议记录"),
    "months": N_("延长月数"),
    "motion": N_("表决事项"),
    "name": N_("姓名"),
    "names_shown": N_("定稿时的名称"),
    "new_value": N_("更正后内容"),
    "no": N_("反对票数"),
    "note": N_("备注"),
    "notice_on": N_("通知日期"),
    "number": N_("步骤序号"),
    "old_value": N_("更正前内容"),
    "peer_review": N_("互评意见"),
    "people": N_("花名册"),
    "period": N_("期间"),
    "person_id": N_("人员"),
    "phone": N_("联系电话"),
    "place": N_("地点"),
    "place_type": N_("地点类型"),
    "planned_on": N_("计划日期"),
    "posted_from": N_("公开开始日期"),
    "posted_until": N_("公开结束日期"),
    "presence": N_("出席情况"),
    "present": N_("实到人数"),
    "present_voting": N_("实到有表决权人数"),
    "previous_id": N_("上一轮"),
    "publicity_from": N_("公示开始日期"),
    "publicity_to": N_("公示结束日期"),
    "quarter": N_("季度"),
    "rating": N_("评议等次"),
    "reason": N_("原因"),
    "recorder": N_("记录人"),
    "recorder_id": N_("记录人"),
    "recorders": N_("记录人名单"),
    "resolutions": N_("会议决议"),
    "result": N_("结果"),
    "retired": N_("已停用"),
    "role": N_("角色"),
    "round_no": N_("轮次"),
    "secret_ballot": N_("无记名投票"),
    "secretary_is_director": N_("书记兼任村委会主任"),
    "self_review": N_("自评"),
    "sha256": N_("校验值（SHA-256）"),
    "size": N_("文件大小"),
    "sort_order": N_("排序"),
    "speaker": N_("发言人"),
    "speaker_id": N_("发言人"),
    "speeches": N_("发言"),
    "start_on": N_("开始日期"),
    "start_time": N_("开始时间"),
    "state": N_("档案状态"),
    "status": N_("状态"),
    "status_history": N_("党员状态历史"),
    "status_on": N_("状态日期"),
    "status_reason": N_("状态说明"),
    "steps": N_("步骤"),
    "stored_path": N_("存放位置"),
    "subject_id": N_("检查对象"),
    "summary": N_("发言摘要"),
    "text_id": N_("议定内容版本"),
    "texts": N_("议定内容"),
    "title": N_("标题"),
    "topic": N_("议题"),
    "topics": N_("议题"),
    "township": N_("乡镇"),
    "training_days": N_("培训天数"),
    "training_hours": N_("培训学时"),
    "unverified": N_("未经核实"),
    "verdict": N_("结论"),
    "version": N_("版本"),
    "village": N_("村名"),
    "votes": N_("表决"),
    "voting": N_("有表决权"),
    "workflow": N_("程序"),
    "workflow_id": N_("发展程序"),
    "workflow_version": N_("程序版本"),
    "written_yes": N_("书面赞成票数"),
    "year": N_("年份"),
    "yes": N_("赞成票数"),
}

#: Labels of a key under a particular list or object (the nearest key above it).
LABELS_UNDER: dict[tuple[str, str], str] = {
    ("branch", "name"): N_("支部名称"),
    ("groups", "name"): N_("党小组名称"),
    ("attendance", "name"): N_("出席人员姓名"),
    ("appraisals", "name"): N_("评议对象姓名"),
    ("meetings", "kind"): N_("会议类型"),
    ("items", "kind"): N_("会议类型"),
    ("attachments", "kind"): N_("附件类别"),
    ("discipline", "kind"): N_("处分种类"),
    ("steps", "kind"): N_("步骤"),
    ("meetings", "status"): N_("记录状态"),
    ("status_history", "status"): N_("党员状态"),
    ("deliberations", "status"): N_("事项状态"),
    ("status_history", "reason"): N_("变动原因"),
    ("amendments", "reason"): N_("更正原因"),
    ("attendance", "reason"): N_("请假或缺席原因"),
    ("meetings", "title"): N_("会议主题"),
    ("deliberations", "title"): N_("事项名称"),
    ("texts", "version"): N_("文本版本号"),
    ("steps", "people"): N_("相关人员"),
    ("attendance", "expected"): N_("应到人员"),
    ("steps", "expected"): N_("应到人数"),
    ("finding_notes", "note"): N_("处理说明"),
}

_TYPE_NAMES = {
    "string": N_("文字"),
    "integer": N_("整数"),
    "number": N_("数字"),
    "boolean": N_("true 或 false"),
    "array": N_("列表"),
    "object": N_("对象"),
    "null": N_("null（空）"),
}


def field_label(path: Sequence[Any]) -> str:
    """The label of the field at ``path`` (keys and list indexes), translated."""
    keys = [p for p in path if isinstance(p, str)]
    if not keys:
        return _("文件")
    key = keys[-1]
    parent = keys[-2] if len(keys) > 1 else ""
    if (parent, key) in LABELS_UNDER:
        return label(LABELS_UNDER[(parent, key)])
    if key in LABELS:
        return label(LABELS[key])
    return _("字段“{key}”", key=quote(key))


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def json_path(parts: Sequence[Any]) -> str:
    """``people[3].status_history[0].effective_on``; ``$`` for the whole document."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not _PLAIN_KEY.fullmatch(str(part)):
            shown = json.dumps(quote(str(part))).replace(" ", "\\u0020")
            text += f"[{shown}]"  # ASCII without spaces: a path is one word
        else:
            text += f".{part}" if text else str(part)
    return text or "$"


def path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """Sort paths as a reader expects: people[2] before people[10]."""
    key: list[tuple[int, int | str]] = []
    for part in re.split(r"[.\[\]]+", path):
        if part:
            key.append((0, int(part)) if part.isdigit() else (1, part))
    return tuple(key)


# --- quoting and characters ----------------------------------------------------------------

_SHOWN_ESCAPED = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def quote(value: Any) -> str:
    """A value as a message may show it: short, one line, control characters escaped."""
    if isinstance(value, str):
        shown = value[:QUOTE_CHARS]
        shown = _SHOWN_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", shown)
        if len(value) > QUOTE_CHARS:
            shown += _("…（共{count}个字）", count=len(value))
        return shown
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        text = str(value)
        return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…"
    if isinstance(value, list):
        return _("一个列表（{count}项）", count=len(value))
    if isinstance(value, dict):
        return _("一个对象（{count}个字段）", count=len(value))
    return _("（无法显示的值）")


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LINE_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_TEXT_BAD = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))


def character_problem(text: str, *, multiline: bool) -> str | None:
    """Why ``text`` cannot be stored as it is (the first bad character), or None."""
    found = (_TEXT_BAD if multiline else _LINE_BAD).search(text)
    if found is None:
        return None
    code = ord(found.group())
    where, hex_code = found.start() + 1, f"{code:04X}"
    if 0xD800 <= code <= 0xDFFF:
        return _("第{n}个字符无效（孤立的代理项 U+{code}），文件可能已损坏", n=where, code=hex_code)
    if code in _BIDI:
        return _("第{n}个字符是改变文字方向的控制符（U+{code}），不允许", n=where, code=hex_code)
    if code in (0x09, 0x0A, 0x0D):
        return _("只能是一行文字，第{n}个字符是换行符或制表符", n=where)
    return _("第{n}个字符是控制字符（U+{code}），不允许", n=where, code=hex_code)


# --- the bare document ---------------------------------------------------------------------


def structure_problems(document: Any) -> list[Problem]:
    """What makes a parsed document unsafe to look at further: nesting deeper than any
    exchange file does, and text that cannot be stored (lone surrogates, also in keys)."""
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(document, ())]
    while stack and len(problems) < MAX_PROBLEMS:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            message = _("嵌套层数超过{depth}层，不是交换文件的结构", depth=MAX_DEPTH)
            return [Problem(json_path(path), field_label(path), message)]
        if isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    problem = character_problem(key, multiline=True) or ""
                    problems.append(Problem(json_path(path), _("字段名"), problem))
                    continue
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack.extend((item, (*path, i)) for i, item in enumerate(value))
        elif isinstance(value, str) and _SURROGATE.search(value):
            problem = character_problem(value, multiline=True) or ""
            problems.append(Problem(json_path(path), field_label(path), problem))
    return sorted(problems, key=lambda p: path_key(p.field))


# --- the schema ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def validator() -> Any:
    """The exchange format's schema (every section's schema inlined), with its formats."""
    from jsonschema import Draft202012Validator, FormatChecker

    schemas = {}
    for file in sorted(paths.resource("schema").glob("*.schema.json")):
        contents = json.loads(file.read_text(encoding="utf-8"))
        schemas[contents["$id"]] = contents
    assert MAIN_SCHEMA in schemas, "exchange-v1.schema.json missing"
    formats = FormatChecker(formats=())
    formats.checks("line")(lambda v: not isinstance(v, str) or not _LINE_BAD.search(v))
    formats.checks("text")(lambda v: not isinstance(v, str) or not _TEXT_BAD.search(v))
    schema = _inline(schemas[MAIN_SCHEMA], schemas[MAIN_SCHEMA], schemas)
    return Draft202012Validator(schema, format_checker=formats)


def _inline(node: Any, document: dict[str, Any], schemas: dict[str, Any]) -> Any:
    """``node`` with every ``$ref`` replaced by what it names (the schemas do not recurse).

    Resolving references while validating made jsonschema several times slower."""
    if isinstance(node, list):
        return [_inline(item, document, schemas) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target, _hash, pointer = str(node["$ref"]).partition("#")
        owner = schemas[target] if target else document
        resolved: Any = owner
        for part in filter(None, pointer.split("/")):
            resolved = resolved[part]
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return {**_inline(resolved, owner, schemas), **_inline(rest, document, schemas)}
    return {
        key: _inline(value, document, schemas)
        for key, value in node.items()
        if key not in ("$defs", "$id", "$schema")
    }


def schema_problems(document: Any) -> list[Problem]:
    """Every way ``document`` breaks the schema, with its path, label and a message."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for error in validator().iter_errors(document):
        for problem in _explain(error):
            if (problem.field, problem.message) not in seen:
                seen.add((problem.field, problem.message))
                problems.append(problem)
    return sorted(problems, key=lambda p: path_key(p.field))


def limit(problems: list[Problem]) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS`, then one line saying how many more there are."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    more = Problem("$", _("文件"), _("还有{count}处问题未列出", count=rest))
    return [*problems[:MAX_PROBLEMS], more]


def _explain(error: Any) -> Iterator[Problem]:
    error = _specific(error)
    path = list(error.absolute_path)
    kind = error.validator
    value = error.instance
    if kind == "required":
        for key in error.validator_value:
            if isinstance(value, dict) and key not in value:
                where = [*path, key]
                yield Problem(json_path(where), field_label(where), _("缺少这一项（必填）"))
        return
    if kind == "additionalProperties":
        known = error.schema.get("properties", {})
        for key in value if isinstance(value, dict) else ():
            if key not in known:
                where = [*path, key]
                message = _(
                    "不认识的字段“{key}”（可能拼错了，或由更新版本的程序写入）", key=quote(key)
                )
                yield Problem(json_path(where), _("字段名"), message)
        return
    if kind in ("anyOf", "oneOf"):
        types: list[str] = []
        for sub in error.context:
            if sub.validator == "type":
                wanted = sub.validator_value
                types += [wanted] if isinstance(wanted, str) else list(wanted)
        message = (
            _("应为{types}，现为“{value}”", types=_types(types), value=quote(value))
            if types
            else _("“{value}”不符合交换格式", value=quote(value))
        )
        yield Problem(json_path(path), field_label(path), message)
        return
    yield Problem(json_path(path), field_label(path), _message(kind, error.validator_value, value))


def _specific(error: Any) -> Any:
    """For ``anyOf``/``oneOf`` (a value or null, …): the alternative the value came closest
    to, so the message says "not a date" rather than "not any of the given schemas"."""
    while error.validator in ("anyOf", "oneOf") and error.context:
        fitting = [e for e in error.context if e.validator != "type"]
        if not fitting:
            return error
        error = min(fitting, key=lambda e: -len(list(e.absolute_path)))
    return error


_PATTERNS = {
    "uuid": N_("应为编号（UUID，如 01f0d2f6-6eee-4bae-b86e-d86c63261df3）"),
    "date": N_("应为日期（YYYY-MM-DD）"),
    "time": N_("应为时间（HH:MM，00:00至23:59）"),
    "sha256": N_("应为64位小写十六进制的SHA-256校验值"),
}


def _pattern_kind(pattern: str) -> str:
    if "{12}" in pattern:
        return "uuid"
    if "{64}" in pattern:
        return "sha256"
    if ":" in pattern:
        return "time"
    if "{4}" in pattern:
        return "date"
    return ""


def _types(expected: Any) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    return _("或").join(label(_TYPE_NAMES[n]) if n in _TYPE_NAMES else n for n in names)


def _message(kind: str, rule: Any, value: Any) -> str:
    if kind == "type":
        return _("应为{types}，现为“{value}”", types=_types(rule), value=quote(value))
    if kind == "const":
        return _("应为“{expected}”，现为“{value}”", expected=quote(rule), value=quote(value))
    if kind == "enum":
        shown = [quote(o) for o in rule[:8]]
        options = _("、").join(shown) + (_("等") if len(rule) > 8 else "")
        return _("“{value}”不是可选的值（可选：{options}）", value=quote(value), options=options)
    if kind == "pattern":
        wanted = _PATTERNS.get(_pattern_kind(str(rule)))
        text = label(wanted) if wanted else _("格式不正确")
        return _("“{value}”：{wanted}", value=quote(value), wanted=text)
    if kind == "format":
        multiline = rule == "text"
        return character_problem(str(value), multiline=multiline) or _("含有不允许的字符")
    if kind == "minLength":
        if rule <= 1:
            return _("不能为空")
        return _("至少{limit}个字", limit=rule)
    if kind == "maxLength":
        return _("不能超过{limit}个字（现有{count}个字）", limit=rule, count=len(value))
    if kind in ("minimum", "exclusiveMinimum"):
        return _("不能小于{limit}（现为{value}）", limit=rule, value=quote(value))
    if kind in ("maximum", "exclusiveMaximum"):
        return _("不能大于{limit}（现为{value}）", limit=rule, value=quote(value))
    if kind == "minItems":
        return _("至少应有{limit}项", limit=rule)
    if kind == "maxItems":
        return _("最多{limit}项（现有{count}项）", limit=rule, count=len(value))
    if kind == "uniqueItems":
        return _("不能有重复的项")
    return _("“{value}”不符合交换格式", value=quote(value))
