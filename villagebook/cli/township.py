"""Command line for townships and counties: ``township init|show|conflicts|resolve|comment|
receipt|rules``, ``bundle export|import``, ``receipt import`` and ``report township``.

A bundle of an unknown branch (or a receipt of an unknown township) asks to confirm the
signer's fingerprint at a terminal; ``--trust`` accepts it without asking (the fingerprint
is printed either way).  ``bundle import`` exits 0 when every file was merged (or was
merged before), 2 when any was refused; conflicts are listed and do not fail the import.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from villagebook.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    SubParsers,
    date_arg,
    open_book,
    unlock_for_signing,
    uuid_arg,
    write_report,
)
from villagebook.domain.common.i18n import _

if TYPE_CHECKING:
    from villagebook.domain.township.values import Signer


def _confirm(args: argparse.Namespace) -> object:
    def ask(signer: Signer) -> bool:
        who = f"{signer.name}（{signer.county}{signer.township}）"
        print(_("签名者：{who}", who=who))
        print(_("  证书指纹：{fingerprint}", fingerprint=signer.fingerprint_text))
        if signer.previous_fingerprint:
            print(_("  注意：该支部此前的数据包由另一个密钥签名。"))
        if args.trust:
            print(_("  已按 --trust 信任。"))
            return True
        if not sys.stdin.isatty():
            return False
        answer = input(_("请与对方核对指纹，确认信任吗？[y/N] "))
        return answer.strip().lower() in ("y", "yes", "是")  # i18n: typed answer

    return ask


def cmd_init(args: argparse.Namespace) -> int:
    from villagebook.domain.township.values import Role

    with open_book(args) as book:
        unit = book.township.init(
            args.name,
            township=args.township or "",
            county=args.county or "",
            role=Role.COUNTY if args.county_level else Role.TOWNSHIP,
        )
        print(
            _(
                "已设为{role}安装：{name}（{where}）",
                role=book.township.role().label,
                name=unit.name,
                where=book.location,
            )
        )
    return EXIT_OK


def cmd_bundle_export(args: argparse.Namespace) -> int:
    with open_book(args, unlock=True) as book:  # full personal data, like an export
        if not unlock_for_signing(book):
            return EXIT_INPUT
        sent = book.township.export_bundle(Path(args.output), full=args.full, branch_id=args.branch)
    what = _("全部记录") if sent.full else _("上次回执以来的变更")
    print(
        _(
            "已写出数据包 {path}：{what}，{records}条记录，{deleted}条删除，{files}个附件，"
            "至第{to}号变更",
            path=args.output,
            what=what,
            records=sent.records,
            deleted=sent.deleted,
            files=sent.files,
            to=sent.to_change,
        )
    )
    return EXIT_OK


def cmd_bundle_status(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        sent = book.township.sent(args.branch)
        receipts = book.township.receipts(args.branch)
        acknowledged = book.township.acknowledged(args.branch)
    print(_("乡镇已确认收到至第{to}号变更。", to=acknowledged))
    for bundle in sent:
        what = _("全部记录") if bundle.full else _("上次回执以来的变更")
        print(
            _(
                "已报送 {name}：{what}，{records}条记录，至第{to}号变更",
                name=bundle.path or bundle.bundle_id,
                what=what,
                records=bundle.records,
                to=bundle.to_change,
            )
        )
    for receipt in receipts:
        print(
            _(
                "回执 {township}：已收至第{to}号变更，审核意见{comments}条",
                township=receipt.township,
                to=receipt.up_to_change,
                comments=receipt.comments,
            )
        )
    return EXIT_OK


def cmd_bundle_import(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        done, refused = book.township.import_bundles(
            [Path(f) for f in args.files],
            _confirm(args),  # type: ignore[arg-type]
        )
        conflicts = book.township.conflicts() if any(o.conflicts for o in done) else []
    for outcome in done:
        if outcome.already:
            print(_("{file}：此前已导入，未作改动", file=Path(outcome.path).name))
            continue
        print(
            _(
                "{file}：{branch} 新增{added}，更新{replaced}，相同{identical}，删除{deleted}，"
                "冲突{conflicts}，附件{files}",
                file=Path(outcome.path).name,
                branch=outcome.branch_name,
                added=outcome.added,
                replaced=outcome.replaced,
                identical=outcome.identical,
                deleted=outcome.deleted,
                conflicts=outcome.conflicts,
                files=outcome.files,
            )
        )
    for conflict in conflicts:
        print(
            _(
                "  冲突 {id}：{section}“{title}”{kind}（乡镇版本{held} {held_by}，数据包版本"
                "{incoming} {incoming_by}）",
                id=str(conflict.id)[:8],
                section=conflict.section,
                title=conflict.title,
                kind=conflict.kind.label,
                held=conflict.held_version,
                held_by=conflict.held_by,
                incoming=conflict.incoming_version,
                incoming_by=conflict.incoming_by,
            )
        )
    for path, error in refused:
        print(_("{file}：未导入。{reason}", file=path.name, reason=error), file=sys.stderr)
    return EXIT_INPUT if refused else EXIT_OK


def cmd_receipt_export(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        if not unlock_for_signing(book):
            return EXIT_INPUT
        receipt = book.township.write_receipt(args.branch, Path(args.output))
    print(
        _(
            "已写出回执 {path}：{branch} 已收至第{to}号变更，审核意见{comments}条{rules}",
            path=args.output,
            branch=receipt.branch_name,
            to=receipt.up_to_change,
            comments=receipt.comments,
            rules=_("，附乡镇规则 {version}", version=receipt.rules_version)
            if receipt.rules_version
            else "",
        )
    )
    return EXIT_OK


def cmd_receipt_import(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        receipt = book.township.import_receipt(Path(args.file), _confirm(args))  # type: ignore[arg-type]
    print(
        _(
            "已导入{township}的回执：已收至第{to}号变更，审核意见{comments}条",
            township=receipt.township,
            to=receipt.up_to_change,
            comments=receipt.comments,
        )
    )
    if receipt.adopted_rules:
        print(_("已采用乡镇规则 {version}（原规则保留在历史中）", version=receipt.rules_version))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        summary = book.township.summary(args.as_of)
        found = book.township.county(found=summary) if args.county else None
    if args.json:
        payload = {
            "name": summary.name,
            "as_of": summary.as_of.isoformat(),
            "quarter": f"{summary.year}Q{summary.quarter}",
            "branches": [
                {
                    "id": str(r.branch_id),
                    "name": r.name,
                    "township": r.township,
                    "activities": {k.kind: [k.held, k.required] for k in r.activities},
                    "development_overdue": r.development_overdue,
                    "deliberations_open": r.deliberations_open,
                    "findings_open": r.findings_open,
                    "findings_handled": r.findings_handled,
                    "errors_open": r.errors_open,
                    "last_received": r.last_received.isoformat() if r.last_received else None,
                    "up_to_change": r.up_to_change,
                    "conflicts_waiting": r.conflicts_waiting,
                    "figures_as_of": r.figures_as_of.isoformat() if r.figures_as_of else None,
                }
                for r in summary.rows
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(
        _(
            "{name}　{year}年第{quarter}季度　截至{day}　共{count}个支部",
            name=summary.name,
            year=summary.year,
            quarter=summary.quarter,
            day=summary.as_of.isoformat(),
            count=len(summary.rows),
        )
    )
    groups = found.townships if found is not None else [None]
    for group in groups:
        rows = summary.rows if group is None else group.rows
        if group is not None:
            print(f"== {group.township}（{len(group.rows)}）")
        for r in rows:
            received = f"{r.last_received.astimezone():%Y-%m-%d}" if r.last_received else "—"
            print(
                _(
                    "{name}｜{activities}｜发展逾期{overdue}｜四议两公开未结{open}｜问题未处理"
                    "{findings}（违规{errors}）已处理{handled}｜最近报送{received}｜冲突{conflicts}",
                    name=r.name,
                    activities=r.activities_text,
                    overdue=r.development_overdue,
                    open=r.deliberations_open,
                    findings=r.findings_open,
                    errors=r.errors_open,
                    handled=r.findings_handled,
                    received=received,
                    conflicts=r.conflicts_waiting,
                )
                + (
                    _("｜数字截至{day}", day=r.figures_as_of.isoformat())
                    if r.figures_as_of and r.figures_as_of != summary.as_of
                    else ""
                )
            )
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        found = book.township.conflicts(args.branch, waiting_only=not args.all)
    for c in found:
        print(
            _(
                "{id}　{branch}　{section}“{title}”　{kind}　{status}",
                id=c.id,
                branch=c.branch_name,
                section=c.section,
                title=c.title,
                kind=c.kind.label,
                status=c.status,
            )
        )
        when_held = f"{c.held_at:%Y-%m-%d %H:%M}" if c.held_at else "—"
        when_new = f"{c.incoming_at:%Y-%m-%d %H:%M}" if c.incoming_at else "—"
        print(
            _("  乡镇已有：版本{v}，{who}，{when}", v=c.held_version, who=c.held_by, when=when_held)
        )
        print(
            _(
                "  数据包：版本{v}，{who}，{when}",
                v=c.incoming_version,
                who=c.incoming_by,
                when=when_new,
            )
        )
        for name, held, new in c.differences():
            print(f"    {name}: {held!r} → {new!r}")
    print(_("共 {count} 个冲突。", count=len(found)))
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        done = book.township.resolve(args.conflict, take_incoming=args.take)
    print(_("冲突已处理：{status}", status=done.status))
    return EXIT_OK


def cmd_comment(args: argparse.Namespace) -> int:
    from villagebook.domain.common.findings import FindingKey

    finding = FindingKey(args.code, args.subject or "", args.period or "") if args.code else None
    with open_book(args) as book:
        book.township.comment(args.branch, args.text, finding=finding)
    print(_("审核意见已记录，将随下一份回执发给支部。"))
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        if args.set:
            params: dict[str, object] = {}
            for item in args.set:
                key, _sep, value = item.partition("=")
                try:
                    params[key.strip()] = float(value) if "." in value else int(value)
                except ValueError:
                    params[key.strip()] = value
            entry = book.township.set_rules(
                params, name=args.name or "", version=args.version or ""
            )
            print(_("已设置规则 {name}（{version}）", name=entry.name, version=entry.version))
        for entry in book.township.rule_sets():
            mark = "*" if entry.current else " "
            values = "，".join(f"{k}={v:g}" for k, v in entry.params.items())
            where = f"{entry.name}（{entry.version}）　{entry.source_name}"
            print(f"{mark} {entry.adopted_on}　{where}　{values}")
        rules = book.rules()
        print(_("现行规则：{name}（{version}）", name=rules.name, version=rules.version))
    return EXIT_OK


def cmd_report_township(args: argparse.Namespace) -> int:
    from villagebook.domain.common.reports import ReportRequest

    with open_book(args) as book:
        return write_report(book, ReportRequest("township", as_of=args.as_of), args.output)


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("township", parents=[common], help="township and county installations")
    actions = p.add_subparsers(dest="township_command", metavar="ACTION", required=True)
    q = actions.add_parser("init", parents=[common], help="make this a township installation")
    q.add_argument("name", help="e.g. 中共石门镇委员会")  # i18n: help text
    q.add_argument("--township")
    q.add_argument("--county")
    q.add_argument("--county-level", action="store_true", help="a county (roll-up per township)")
    q.set_defaults(handler=cmd_init)
    q = actions.add_parser("show", parents=[common], help="one row per branch")
    q.add_argument("--as-of", type=date_arg)
    q.add_argument("--county", action="store_true", help="per township, then per branch")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_show)
    q = actions.add_parser("conflicts", parents=[common], help="records not merged")
    q.add_argument("--branch", type=uuid_arg)
    q.add_argument("--all", action="store_true", help="also those already decided")
    q.set_defaults(handler=cmd_conflicts)
    q = actions.add_parser("resolve", parents=[common], help="decide a conflict")
    q.add_argument("conflict", type=uuid_arg)
    choice = q.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", action="store_true", help="keep the township's copy")
    choice.add_argument("--take", action="store_true", help="take the bundle's value")
    q.set_defaults(handler=cmd_resolve)
    comment_help = "审核意见 for a branch"  # i18n: help text
    q = actions.add_parser("comment", parents=[common], help=comment_help)
    q.add_argument("branch", type=uuid_arg)
    q.add_argument("text")
    q.add_argument("--code", help="the finding's rule code")
    q.add_argument("--subject")
    q.add_argument("--period")
    q.set_defaults(handler=cmd_comment)
    q = actions.add_parser("receipt", parents=[common], help="write a receipt for a branch")
    q.add_argument("branch", type=uuid_arg)
    q.add_argument("-o", "--output", required=True)
    q.set_defaults(handler=cmd_receipt_export)
    q = actions.add_parser("rules", parents=[common], help="the local rule set and its history")
    q.add_argument("--set", action="append", metavar="RULE=VALUE")
    q.add_argument("--name")
    q.add_argument("--version")
    q.set_defaults(handler=cmd_rules)

    bundle_help = "exchange bundles (数据包)"  # i18n: help text
    p = sub.add_parser("bundle", parents=[common], help=bundle_help)
    actions = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    q = actions.add_parser("export", parents=[common], help="write this branch's bundle")
    q.add_argument("-o", "--output", required=True)
    which = q.add_mutually_exclusive_group()
    which.add_argument("--full", action="store_true", help="every record")
    which.add_argument(
        "--since-last-receipt", action="store_true", help="what changed since (the default)"
    )
    q.add_argument("--branch", type=uuid_arg)
    q.set_defaults(handler=cmd_bundle_export)
    q = actions.add_parser("status", parents=[common], help="what was sent and acknowledged")
    q.add_argument("--branch", type=uuid_arg)
    q.set_defaults(handler=cmd_bundle_status)
    q = actions.add_parser("import", parents=[common], help="merge branches' bundles")
    q.add_argument("files", nargs="+")
    q.add_argument("--trust", action="store_true", help="trust unknown signers (prints them)")
    q.set_defaults(handler=cmd_bundle_import)

    receipt_help = "the township's receipt (回执)"  # i18n: help text
    p = sub.add_parser("receipt", parents=[common], help=receipt_help)
    actions = p.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    q = actions.add_parser("import", parents=[common], help="import the township's receipt")
    q.add_argument("file")
    q.add_argument("--trust", action="store_true", help="trust an unknown township")
    q.set_defaults(handler=cmd_receipt_import)


def register_reports(reports: SubParsers, common: argparse.ArgumentParser) -> None:
    p = reports.add_parser("township", parents=[common], help="乡镇汇总表 PDF")  # i18n: help text
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--as-of", type=date_arg)
    p.set_defaults(handler=cmd_report_township)
