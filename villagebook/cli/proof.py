"""Command line for the PDF proof: ``verify FILE.pdf [--json]`` and ``identity show |
export-certificate FILE | trust FILE | trusted | untrust FINGERPRINT``.

``verify`` exits 0 only for a PDF that is signed, unaltered since signing and consistent,
by this installation or one in its trust list; 10 altered, 11 unsigned, 12 unknown signer,
13 damaged (not a PDF).  This is an integrity check by the branch's own installation, not
an electronic seal (电子签章).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from villagebook.cli.common import EXIT_INPUT, EXIT_OK, SubParsers, open_book, unlock_for_signing
from villagebook.domain.common.i18n import _, label

if TYPE_CHECKING:
    from villagebook.domain.proof.values import IdentityInfo, VerifyReport

# --- verify ----------------------------------------------------------------------------------


def _print_report(path: str, report: VerifyReport) -> None:
    from villagebook.domain.proof.values import NOT_A_SEAL, SECTION_LABELS, short_digest

    print(_("文件：{path}", path=path))
    print(_("结论：{verdict}", verdict=report.verdict.label))
    if report.report_id:
        print(
            _(
                "报表：{title}（{kind}）　编号 {report_id}　期间 {period}",
                title=report.title,
                kind=report.kind,
                report_id=report.report_id,
                period=report.period or "—",
            )
        )
        print(_("生成：{when}，{generator}", when=report.generated_at, generator=report.generator))
    if report.signer is not None:
        who = report.signer.identity
        print(
            _(
                "签名者：{branch}（{place}）　{known}",
                branch=who.branch_name,
                place=who.place or "—",
                known=report.signer.known_text,
            )
        )
        print(_("  安装编号：{installation}", installation=who.installation_id))
        print(_("  证书指纹：{fingerprint}", fingerprint=who.fingerprint_text))
        if report.signer.signed_at is not None:
            print(_("  签名时间：{when}", when=f"{report.signer.signed_at:%Y-%m-%d %H:%M:%S}"))
    if report.records is not None:
        counts = "，".join(
            f"{label(SECTION_LABELS[k], context='table') if k in SECTION_LABELS else k} {n}"
            for k, n in report.records.counts.items()
            if n
        )
        print(
            _(
                "记录：SHA-256 {digest}…　{counts}",
                digest=short_digest(report.records.sha256),
                counts=counts or _("无"),
            )
        )
    print(_("检查："))
    for check in report.checks:
        mark = "✓" if check.ok else "✗"
        print(f"  {mark} {check.code}　{check.message}")
    print(label(NOT_A_SEAL))


def cmd_verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    with open_book(args) as book:
        report = book.reports.verify_file(path)
    if args.json:
        print(json.dumps({"file": str(path), **report.to_json()}, ensure_ascii=False, indent=2))
    else:
        _print_report(str(path), report)
    return report.exit_code


# --- identity ----------------------------------------------------------------------------------


def _print_identity(info: IdentityInfo) -> None:
    print(_("支部：{branch}", branch=info.branch_name))
    print(_("地点：{place}", place=info.place or "—"))
    print(_("安装编号：{installation}", installation=info.installation_id))
    print(_("证书指纹（SHA-256）：{fingerprint}", fingerprint=info.fingerprint_text))


def cmd_identity_show(args: argparse.Namespace) -> int:
    from villagebook.domain.proof.values import NOT_A_SEAL

    with open_book(args) as book:
        if not unlock_for_signing(book):
            return EXIT_INPUT
        info = book.identity.ensure()
    if args.json:
        print(json.dumps(info.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    _print_identity(info)
    state = _("受程序锁密码保护") if info.protected else _("未设程序锁密码")
    print(_("签名密钥：{state}", state=state))
    print(_("请乡镇通过电话核对上面的证书指纹，再把证书加入信任列表。"))
    print(label(NOT_A_SEAL))
    return EXIT_OK


def cmd_identity_export(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        if not unlock_for_signing(book):
            return EXIT_INPUT
        path = book.identity.export_certificate(Path(args.file))
        info = book.identity.ensure()
    print(_("已导出本安装的证书到 {path}", path=path))
    print(_("证书指纹（SHA-256）：{fingerprint}", fingerprint=info.fingerprint_text))
    return EXIT_OK


def cmd_identity_trust(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        info = book.identity.read_certificate(Path(args.file))
        _print_identity(info)
        if not args.yes:
            if not sys.stdin.isatty():
                print(_("请先电话核对指纹，然后加 --yes 确认。"), file=sys.stderr)
                return EXIT_INPUT
            answer = input(_("指纹已与对方电话核对一致？[y/N] "))
            if answer.strip().lower() not in ("y", "yes"):
                print(_("未加入信任列表。"))
                return EXIT_INPUT
        trusted = book.identity.trust(Path(args.file))
    print(_("已加入信任列表：{branch}", branch=trusted.identity.branch_name))
    return EXIT_OK


def cmd_identity_trusted(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        trusted = book.identity.trusted()
    if args.json:
        payload = [
            {
                **t.identity.to_json(),
                "added_at": t.added_at.isoformat() if t.added_at else None,
                "added_by": t.added_by,
            }
            for t in trusted
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    for item in trusted:
        who = item.identity
        print(f"{who.branch_name}（{who.place or '—'}）　{who.fingerprint_text}")
    print(_("信任列表中共 {count} 个证书。", count=len(trusted)))
    return EXIT_OK


def cmd_identity_untrust(args: argparse.Namespace) -> int:
    fingerprint = "".join(args.fingerprint.split()).lower()
    with open_book(args) as book:
        book.identity.untrust(fingerprint)
    print(_("已移出信任列表。"))
    return EXIT_OK


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "verify",
        parents=[common],
        help="check a VillageBook PDF: signer, unaltered, records (exit 0 = valid)",
    )
    p.add_argument("file", help="the PDF")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("identity", parents=[common], help="this installation's signing identity")
    actions = p.add_subparsers(dest="identity_command", metavar="ACTION", required=True)
    q = actions.add_parser("show", parents=[common], help="the certificate and its fingerprint")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_identity_show)
    q = actions.add_parser(
        "export-certificate", parents=[common], help="write the certificate (for the township)"
    )
    q.add_argument("file")
    q.set_defaults(handler=cmd_identity_export)
    q = actions.add_parser(
        "trust", parents=[common], help="add another installation's certificate to the trust list"
    )
    q.add_argument("file")
    q.add_argument("--yes", action="store_true", help="the fingerprint was confirmed by phone")
    q.set_defaults(handler=cmd_identity_trust)
    q = actions.add_parser("trusted", parents=[common], help="list the trusted certificates")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_identity_trusted)
    q = actions.add_parser("untrust", parents=[common], help="remove a trusted certificate")
    q.add_argument("fingerprint")
    q.set_defaults(handler=cmd_identity_untrust)
