"""``verify``: what a VillageBook PDF proves, check by check.

Each check has a rule code; the verdict is the first failed kind in
:data:`~villagebook.domain.proof.values.PRECEDENCE` (damaged, unsigned, altered, unknown
signer), and valid only when every check holds:

- ``PDF-READABLE``: the file is a PDF that can be read;
- ``PDF-SIGNED``: it carries a signature (the first one is the one VillageBook made);
- ``PDF-INTACT``: the signed bytes are unchanged and the signature is valid for them;
- ``PDF-UNCHANGED``: nothing was appended after the signature (pyHanko's difference
  analysis; an added annotation, a white box, another signature all count);
- ``PDF-SIGNER-KNOWN``: the signer is this installation or in its trust list;
- ``PDF-RECORDS``: the embedded records are there, match their digest in the metadata and
  are a valid exchange document;
- ``PDF-STAMP``: every page shows the same report ID and the records' short digest.

Nothing here touches the network: no revocation lookups, no time stamp authority.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Mapping
from typing import Any

from villagebook.domain.common.i18n import _
from villagebook.domain.proof.values import (
    Check,
    RecordsSummary,
    SignerInfo,
    Verdict,
    VerifyReport,
    decide,
    short_digest,
)
from villagebook.reports.stamp import DIGEST_LABEL, REPORT_ID_LABEL
from villagebook.services.proof.archive import KEY_PREFIX, KIND_PREFIX, SOURCE_PREFIX
from villagebook.services.proof.records import FILE_NAME, ROOT_KEYS

READABLE = "PDF-READABLE"
SIGNED = "PDF-SIGNED"
INTACT = "PDF-INTACT"
UNCHANGED = "PDF-UNCHANGED"
SIGNER_KNOWN = "PDF-SIGNER-KNOWN"
RECORDS = "PDF-RECORDS"
STAMP = "PDF-STAMP"

_STAMP_ID = re.compile(REPORT_ID_LABEL + r"\s*(VB-[0-9]{8}-[0-9A-Z]+)")
_STAMP_DIGEST = re.compile(DIGEST_LABEL + r"\s*((?:[0-9A-F]{4}\s?){4})")


def verify(data: bytes, known: Mapping[str, str]) -> VerifyReport:
    """Check ``data``; ``known`` maps the fingerprints this installation accepts to
    ``self`` or ``trusted``."""
    import pikepdf

    checks: list[Check] = []
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except (pikepdf.PdfError, ValueError, OSError) as exc:
        checks.append(Check(READABLE, False, _("无法读取PDF：{error}", error=exc), Verdict.DAMAGED))
        return VerifyReport(decide(checks), checks)
    with pdf:
        facts = _metadata(pdf)
        records = _records(pdf, facts, checks)
    _stamp(data, facts, checks)
    signer = _signature(data, known, checks)
    return VerifyReport(
        verdict=decide(checks),
        checks=checks,
        signer=signer,
        report_id=facts.get("report_id", ""),
        kind=facts.get("kind", ""),
        title=facts.get("title", ""),
        period=facts.get("period", ""),
        generated_at=facts.get("generated_at", ""),
        generator=facts.get("generator", ""),
        records=records,
    )


# --- metadata, records, stamp -------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, list | set | tuple):
        return ", ".join(str(v) for v in value)
    return str(value) if value is not None else ""


def _metadata(pdf: Any) -> dict[str, str]:
    facts: dict[str, str] = {}
    try:
        meta = pdf.open_metadata()
    except Exception:  # unreadable XMP: the records check reports what is missing
        return facts
    facts["title"] = _text(meta.get("dc:title"))
    facts["report_id"] = _text(meta.get("dc:identifier"))
    facts["period"] = _text(meta.get("dc:coverage"))
    facts["generated_at"] = _text(meta.get("xmp:CreateDate"))
    facts["generator"] = _text(meta.get("xmp:CreatorTool"))
    source = _text(meta.get("dc:source"))
    if source.startswith(SOURCE_PREFIX):
        facts["records_sha256"] = source.removeprefix(SOURCE_PREFIX).lower()
    relations = meta.get("dc:relation") or []
    for item in relations if isinstance(relations, list | set | tuple) else [relations]:
        text = str(item)
        if text.startswith(KIND_PREFIX):
            facts["kind"] = text.removeprefix(KIND_PREFIX)
        elif text.startswith(KEY_PREFIX):
            facts["fingerprint"] = text.removeprefix(KEY_PREFIX)
    return facts


def _records(pdf: Any, facts: Mapping[str, str], checks: list[Check]) -> RecordsSummary | None:
    from villagebook.services.exchange import schema_problems

    attached = pdf.attachments.get(FILE_NAME) if FILE_NAME in pdf.attachments else None
    if attached is None:
        checks.append(Check(RECORDS, False, _("PDF中没有嵌入的记录")))
        return None
    try:
        content = attached.get_file().read_bytes()
    except Exception as exc:
        checks.append(Check(RECORDS, False, _("嵌入的记录无法读取：{error}", error=exc)))
        return None
    digest = hashlib.sha256(content).hexdigest()
    summary = RecordsSummary(sha256=digest, size=len(content))
    expected = facts.get("records_sha256", "")
    if digest != expected:
        checks.append(
            Check(
                RECORDS,
                False,
                _(
                    "嵌入的记录与元数据中的校验码不符（记录 {actual}，元数据 {expected}）",
                    actual=short_digest(digest),
                    expected=short_digest(expected) if expected else _("无"),
                ),
            )
        )
        return summary
    try:
        document = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        checks.append(Check(RECORDS, False, _("嵌入的记录不是有效的JSON：{error}", error=exc)))
        return summary
    problems = schema_problems(document)
    if problems:
        checks.append(
            Check(
                RECORDS,
                False,
                _("嵌入的记录不符合交换格式：{problem}", problem=problems[0].text()),
            )
        )
        return summary
    counts = {
        key: len(items)
        for key, items in document.items()
        if key not in ROOT_KEYS and isinstance(items, list)
    }
    branch = document.get("branch", {})
    summary = RecordsSummary(digest, len(content), counts, str(branch.get("name", "")))
    checks.append(
        Check(RECORDS, True, _("嵌入的记录与校验码 {digest} 一致", digest=short_digest(digest)))
    )
    return summary


#: The stamp is drawn last on each page: "q <matrix> cm /<form> Do Q" (pikepdf's overlay).
_LAST_FORM = re.compile(rb"q\s+((?:[-\d.]+\s+){6}cm\s+)?/([^\s/\[\]()<>{}%]+)\s+Do\s+Q\s*$")


def _stamp_texts(data: bytes) -> list[str]:
    """The text of each page's stamp: only the form drawn last on the page is read
    (reading whole pages costs about a second for fifteen)."""
    from pypdf import PdfReader
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    reader = PdfReader(io.BytesIO(data))
    texts = []
    for page in reader.pages:
        contents = page.get_contents()
        found = _LAST_FORM.search(contents.get_data()) if contents is not None else None
        if found is None:
            texts.append("")
            continue
        stream = DecodedStreamObject()
        stream.set_data(found.group(0))
        name = "/" + found.group(2).decode("latin-1")
        resources: Any = page["/Resources"].get_object()
        forms = resources["/XObject"].get_object()
        page[NameObject("/Contents")] = stream
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/XObject"): DictionaryObject({NameObject(name): forms.raw_get(name)})}
        )
        texts.append(page.extract_text() or "")
    return texts


def _stamp(data: bytes, facts: Mapping[str, str], checks: list[Check]) -> None:
    digest = facts.get("records_sha256", "")
    report_id = facts.get("report_id", "")
    try:
        texts = _stamp_texts(data)
    except Exception as exc:
        checks.append(Check(STAMP, False, _("无法读取页面文字：{error}", error=exc)))
        return
    wanted = short_digest(digest).replace(" ", "") if digest else ""
    bad = []
    for number, text in enumerate(texts, 1):
        ids = set(_STAMP_ID.findall(text))
        digests = {re.sub(r"\s", "", d) for d in _STAMP_DIGEST.findall(text)}
        if ids != {report_id} or digests != {wanted} or not wanted:
            bad.append(number)
    if bad:
        checks.append(
            Check(
                STAMP,
                False,
                _(
                    "第 {pages} 页上的报表编号或校验码与嵌入的记录不符",
                    pages="、".join(map(str, bad[:10])),
                ),
            )
        )
    else:
        checks.append(
            Check(
                STAMP,
                True,
                _(
                    "全部 {count} 页印有报表编号 {report_id} 和校验码",
                    count=len(texts),
                    report_id=report_id,
                ),
            )
        )


# --- the signature ---------------------------------------------------------------------------


def _signature(data: bytes, known: Mapping[str, str], checks: list[Check]) -> SignerInfo | None:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        checks.append(Check(SIGNED, False, _("无法读取签名：{error}", error=exc), Verdict.DAMAGED))
        return None
    if not signatures:
        checks.append(Check(SIGNED, False, _("文件没有签名"), Verdict.UNSIGNED))
        return None
    checks.append(Check(SIGNED, True, _("文件带有签名")))
    signature = signatures[0]
    signer = _signer(signature, known)
    _integrity(signature, len(signatures), checks)
    if signer is None:
        checks.append(Check(SIGNER_KNOWN, False, _("无法读取签名者的证书"), Verdict.ALTERED))
    elif signer.known:
        checks.append(
            Check(
                SIGNER_KNOWN,
                True,
                _(
                    "签名者：{branch}（{known}）",
                    branch=signer.identity.branch_name,
                    known=signer.known_text,
                ),
            )
        )
    else:
        checks.append(
            Check(
                SIGNER_KNOWN,
                False,
                _(
                    "签名者“{branch}”（指纹 {fingerprint}）不在本安装的信任列表中",
                    branch=signer.identity.branch_name,
                    fingerprint=signer.identity.fingerprint_text[:19],
                ),
                Verdict.UNKNOWN_SIGNER,
            )
        )
    return signer


def _signer(signature: Any, known: Mapping[str, str]) -> SignerInfo | None:
    from cryptography import x509

    from villagebook.services.safety.identity import identity_of

    try:
        certificate = x509.load_der_x509_certificate(signature.signer_cert.dump())
    except (ValueError, AttributeError):
        return None
    identity = identity_of(certificate)
    signed_at = signature.self_reported_timestamp
    if isinstance(signed_at, dt.datetime) and signed_at.tzinfo is not None:
        signed_at = signed_at.astimezone()
    return SignerInfo(identity, known.get(identity.fingerprint, "unknown"), signed_at)


def _integrity(signature: Any, count: int, checks: list[Check]) -> None:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    try:
        context = ValidationContext(
            trust_roots=[signature.signer_cert], allow_fetching=False, revocation_mode="soft-fail"
        )
        status = validate_pdf_signature(signature, context, skip_diff=False)
    except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
        checks.append(Check(INTACT, False, _("签名无法验证：{error}", error=exc)))
        return
    if status.intact and status.valid:
        checks.append(Check(INTACT, True, _("签名有效，签名所覆盖的内容未被改动")))
    else:
        checks.append(Check(INTACT, False, _("签名所覆盖的内容已被改动，或签名无效")))
        return
    level = status.modification_level
    harmless = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES}
    if count == 1 and (getattr(status.coverage, "name", "") == "ENTIRE_FILE" or level in harmless):
        checks.append(Check(UNCHANGED, True, _("签名之后文件没有再被改动")))
    elif count > 1:
        checks.append(
            Check(UNCHANGED, False, _("签名之后文件又被加上了 {count} 个签名", count=count - 1))
        )
    else:
        checks.append(
            Check(
                UNCHANGED,
                False,
                _("签名之后文件被追加了改动（{what}）", what=_modification(level)),
            )
        )


def _modification(level: Any) -> str:
    name = getattr(level, "name", str(level))
    return {
        "FORM_FILLING": _("填写表单或加签"),
        "ANNOTATIONS": _("添加了批注或图形"),
        "OTHER": _("页面内容或结构被修改"),
    }.get(name, name)
