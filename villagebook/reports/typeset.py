"""Chinese line breaking for every paragraph and table cell VillageBook prints.

ReportLab's own CJK wrapping breaks between any two characters: a name splits across
lines (孙凤/英), so do dates, numbers, statuses and vote strings (弃/权1), and a closing ”
may start a line.  :class:`CJKParagraph` breaks only where Chinese typesetting allows:

- never inside a *keep* span: a person's name (the names in force while a report is laid
  out, see :func:`keep_words`), a date (2026年11月22日, 2026-11-22), a number with its unit
  or label (应到12人, 赞成10票, 3.5万元), a status or kind of meeting (预备党员, 已定稿), an
  ASCII word (MTG-ABSENT-6M), or text marked ``<nobr>`` (a whole table cell);
- never before closing punctuation (，。、；：？！）》”’ …) and never after opening
  punctuation (（《“‘ …): the standard 禁则 (no closing mark at a line start, no opening
  mark at a line end);
- never inside a —— or …… pair.

When a span that must stay whole is wider than the column, the paragraph's text shrinks
until it fits (down to :data:`MIN_FONT_SIZE`); only past that floor does a span break.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (
    FragLine,
    ParaLines,
    _processed_frags,
    cjkU,
    makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

#: The smallest size text shrinks to so that a name, date or number stays on one line.
MIN_FONT_SIZE = 5.0

#: No line may start with these (closing marks, pauses, stops).
CLOSING = frozenset(
    "，。、；：？！）》〉」』】〕｝］”’…‥·%％‰℃°!),.:;?]}"
    "\u3001\u3002\uff0c\uff1b\uff1a\uff1f\uff01\uff09\u300b\u3009\u300d\u300f\u3011\u3015"
)
#: No line may end with these (opening marks).
OPENING = frozenset("（《〈「『【〔｛［“‘([{\uff08\u300a\u3008\u300c\u300e\u3010\u3014")
#: Pairs that are one mark: —— and ……
DOUBLED = frozenset("—…")
#: Characters of an ASCII word or number (never split: 2026-11-22, 3.5, MTG-ABSENT-6M).
WORD = re.compile(r"[0-9A-Za-z]")
WORD_JOINERS = frozenset("-./:_%+#@,'&*")

_UNIT = (
    r"(?:人次|万元|学时|季度|个工作日|工作日|个月|人|名|票|份|次|个|元|天|页|岁|户|亩|张|项|条"
    r"|年|月|日|时|分|周|步|轮|阶段)"
)
#: Spans that are one unit in any text: dates, counts with their label, ordinals, statuses.
BUILT_IN = (
    r"\d{4}年\d{1,2}月\d{1,2}日",
    r"\d{4}年第[一二三四1-4]季度",
    r"\d{4}年\d{1,2}月",
    r"\d{1,2}月\d{1,2}日",
    r"(?:应到|实到|请假|缺席|出席|列席|赞成|反对|弃权|书面赞成意见|书面同意|共)\d+" + _UNIT + "?",
    r"第[0-9一二三四五六七八九十百]+" + _UNIT + "?",
    r"\d+(?:\.\d+)?\s?" + _UNIT,
    r"\d+(?:\.\d+)?[%％]",
    r"发展党员|正式党员|预备党员|入党积极分子|积极分子|发展对象|入党申请人|申请人|党员",
    r"已定稿|草稿|已处理|即将到期|已逾期|未通过|通过|违规|提醒|合规|未完成|已完成",
    r"支部党员大会|支部委员会会议|党小组会|主题党日|组织生活会|民主评议党员|谈心谈话|党课",
    r"党小组|支部|书记|副书记|组织委员|宣传委员|纪检委员|主持人|记录人|填报人|审核人",
)

_keep: ContextVar[frozenset[str]] = ContextVar("villagebook_keep_words", default=frozenset())


@contextlib.contextmanager
def keep_words(words: Iterable[str]) -> Iterator[None]:
    """Lay out with ``words`` (people's names, group names) never split across lines."""
    token = _keep.set(frozenset(w for w in words if len(w) > 1))
    try:
        yield
    finally:
        _keep.reset(token)


@lru_cache(maxsize=16)
def _pattern(words: frozenset[str]) -> re.Pattern[str]:
    named = sorted(words, key=len, reverse=True)
    parts = [re.escape(w) for w in named] + list(BUILT_IN)
    return re.compile("|".join(parts))


def _is_word(char: str) -> bool:
    return bool(WORD.match(char)) or char in WORD_JOINERS


def no_break_before(text: str, nobr: Sequence[bool] | None = None) -> list[bool]:
    """For each position ``k``: True when a line must not break between ``text[k-1]`` and
    ``text[k]`` (position 0 is always False)."""
    n = len(text)
    keep = [False] * n
    for k in range(1, n):
        a, b = text[k - 1], text[k]
        if (
            b in CLOSING
            or a in OPENING
            or (a == b and a in DOUBLED)
            or (_is_word(a) and _is_word(b) and a != " " and b != " ")
            or (nobr is not None and nobr[k - 1] and nobr[k])
        ):
            keep[k] = True
    for match in _pattern(_keep.get()).finditer(text):
        for k in range(match.start() + 1, match.end()):
            keep[k] = True
    return keep


def clusters(text: str, nobr: Sequence[bool] | None = None) -> list[tuple[int, int]]:
    """The spans ``(start, end)`` a line may not break inside, in order."""
    keep = no_break_before(text, nobr)
    spans: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(text)):
        if not keep[k]:
            spans.append((start, k))
            start = k
    if text:
        spans.append((start, len(text)))
    return spans


def _units(frags: Sequence[Any]) -> list[cjkU]:
    units: list[cjkU] = []
    for frag in frags:
        text = frag.text if isinstance(frag.text, str) else frag.text.decode("utf8")
        if text:
            units.extend(cjkU(t, frag, "utf8") for t in text)
        else:
            units.append(cjkU(text, frag, "utf8"))
    return units


def _unit_spans(units: Sequence[cjkU]) -> list[tuple[int, int, float, bool]]:
    """``(start, end, width, forced_break_after)`` of every unbreakable span of units."""
    text = "".join(u if u else "\x00" for u in units)  # an empty unit: a <br/> or an image
    nobr = [bool(getattr(u.frag, "nobr", False)) for u in units]
    result = []
    for start, end in clusters(text, nobr):
        # a forced line break (<br/>) ends the span it is in and the line
        cut = start
        for k in range(start, end):
            if hasattr(units[k].frag, "lineBreak"):
                result.append((cut, k + 1, sum(u.width for u in units[cut : k + 1]), True))
                cut = k + 1
        if cut < end:
            result.append((cut, end, sum(u.width for u in units[cut:end]), False))
    return result


def widest_span(frags: Sequence[Any]) -> float:
    units = _units(frags)
    return max((w for _s, _e, w, _b in _unit_spans(units)), default=0.0)


def _width(units: Sequence[cjkU]) -> float:
    return float(sum(u.width for u in units))


def split_lines(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """Break ``frags`` into lines at the allowed places only (see the module docstring)."""
    units = _units(frags)
    lines: list[FragLine] = []
    start = 0
    used = 0.0

    def width_of_line() -> float:
        return max_widths[min(len(lines), len(max_widths) - 1)]

    def emit(end: int, forced: bool) -> None:
        nonlocal start, used
        line_units = units[start:end]
        width = width_of_line()
        lines.append(makeCJKParaLine(line_units, width, used, width - used, forced, calc_bounds))
        start, used = end, 0.0

    for s, e, w, forced in _unit_spans(units):
        limit = width_of_line()
        if s > start and used + _trimmed(units, s, e, w) > limit + _FUZZ:
            emit(s, False)
            limit = width_of_line()
        if s == start and w > limit + _FUZZ:
            # wider than a whole line even after shrinking: break it by characters
            for k in range(s, e):
                if used + units[k].width > limit + _FUZZ and k > start:
                    emit(k, False)
                    limit = width_of_line()
                used += units[k].width
        else:
            used += w
        if forced:
            emit(e, True)
    if start < len(units):
        emit(len(units), False)
    return ParaLines(kind=1, lines=lines)


def _trimmed(units: Sequence[cjkU], start: int, end: int, width: float) -> float:
    """A span's width without trailing spaces (they may hang past the line's end)."""
    k = end
    while k > start and units[k - 1] in (" ", "\u3000"):
        width -= units[k - 1].width
        k -= 1
    return width


def _split_lines_hard(bl_para: ParaLines, start: int, stop: int) -> list[Any]:
    """The frags of lines ``start:stop`` for the next part of a split paragraph.

    ReportLab's own version adds a space after every line, which would print as a gap in
    Chinese text once the part is wrapped again."""
    frags: list[Any] = []
    for line in bl_para.lines[start:stop]:
        frags.extend(line.words)
    return frags


class CJKParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph broken by Chinese line-breaking rules, never inside a name, a date, a
    number or a status; its text shrinks when such a span is wider than the column."""

    _base: tuple[Any, ParagraphStyle] | None = None
    frags: Any
    style: ParagraphStyle

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._fit(availWidth)
        width, height = super().wrap(availWidth, availHeight)
        if self._short_of_room(height, availHeight):
            return width, availHeight + 1  # does not fit here: the frame moves it on
        return width, height

    def _short_of_room(self, height: float, available: float) -> bool:
        """A heading (``keepRoom`` in its style) needs that much room below it, else it
        starts the next page: it never ends a page, whatever follows it."""
        room = float(getattr(self.style, "keepRoom", 0) or 0)
        return room > 0 and height < available < height + room

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if self._short_of_room(getattr(self, "height", 0), availHeight):
            return []
        parts: list[Any] = super().split(availWidth, availHeight)
        return parts

    def _fit(self, avail: float) -> None:
        if self._base is None:
            self._base = (self.frags, self.style)
        frags, style = self._base
        width = avail - style.leftIndent - style.rightIndent - max(style.firstLineIndent, 0)
        widest = widest_span(frags) if frags and not _processed_frags(frags) else 0.0
        if widest <= width + _FUZZ or width <= 0:
            self.frags, self.style = frags, style
            return
        scale = max(width / widest * 0.995, MIN_FONT_SIZE / max(style.fontSize, MIN_FONT_SIZE))
        self.frags = [
            f.clone(fontSize=f.fontSize * scale) if hasattr(f, "fontSize") else f for f in frags
        ]
        self.style = ParagraphStyle(
            f"{style.name}-fit",
            parent=style,
            fontSize=style.fontSize * scale,
            leading=style.leading * scale,
        )

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        style = self.style
        frags = self.frags
        if not frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return split_lines(frags, list(maxWidths), auto not in ("", "off"))

    def _get_split_blParaFunc(self) -> Any:
        if self.blPara.kind == 1 and not _processed_frags(self.frags):
            return _split_lines_hard
        return super()._get_split_blParaFunc()

    def line_texts(self) -> list[str]:
        """The text of each line as laid out by the last wrap (for tests)."""
        lines = getattr(self, "blPara", None)
        if lines is None:
            return []
        return ["".join(w.text for w in line.words) for line in lines.lines]
