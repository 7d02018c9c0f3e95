"""Command line for backups, restore, the audit trail and the app lock.

``backup``, ``backups list``, ``restore``, ``audit verify``, ``lock set`` / ``lock clear``;
registered on the main parser by :func:`register`.  Backups, restore and verification work
on the data folder's files (``Book.folder``), so they also run when its database is damaged
or another program holds it; the app lock needs the open Book.  Heavy imports stay inside
handlers.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from villagebook.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_STORAGE,
    SubParsers,
    ask_password,
    open_book,
    open_folder,
    warn_audit_issues,
)
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import _

if TYPE_CHECKING:
    from villagebook.domain.safety.values import BackupInfo
    from villagebook.services.safety.folder import DataFolder


def _folder(args: argparse.Namespace) -> DataFolder:
    return open_folder(args)


def _print_info(info: BackupInfo) -> None:
    state = _("完好") if info.healthy else _("已损坏：") + "；".join(info.problems[:2])
    if info.newer:
        state = _("由更新版本的程序写入，不能恢复")
    elif info.manual:
        state += _("（手动备份，不会自动清理）")
    print(f"{info.path}")
    print(
        _(
            "  时间：{taken}　结构版本：{revision}　{state}",
            taken=f"{info.taken_at:%Y-%m-%d %H:%M:%S}",
            revision=info.revision or _("未知"),
            state=state,
        )
    )
    if info.counts:
        print(_("  内容：") + info.summary_text())


def cmd_backup(args: argparse.Namespace) -> int:
    folder = _folder(args)
    if not folder.has_database():
        print(
            _("数据文件夹 {folder} 中没有数据库，无需备份。", folder=folder.data_dir),
            file=sys.stderr,
        )
        return EXIT_STORAGE
    target = folder.back_up(Path(args.to) if args.to else None)
    print(_("已备份到 {path}", path=target))
    return EXIT_OK


def cmd_backups_list(args: argparse.Namespace) -> int:
    folder = _folder(args)
    source = Path(args.source) if args.source else None
    infos = folder.backups(source)
    for info in infos:
        _print_info(info)
    print(_("共 {count} 个备份（{folder}）。", count=len(infos), folder=folder.backup_set(source)))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    folder = _folder(args)
    if args.newest:
        missing = not folder.has_database()
        info = folder.newest_good_copy() if missing else folder.newest_good_backup()
        if info is None:
            print(_("没有找到可以恢复的完好备份。"), file=sys.stderr)
            return EXIT_STORAGE
    elif args.file:
        info = folder.describe(Path(args.file))
    else:
        print(_("请指定备份文件，或用 --newest 选择最近一次完好的备份。"), file=sys.stderr)
        return EXIT_STORAGE
    print(_("将恢复以下备份："))
    _print_info(info)
    aside = folder.restore(info.path)
    if aside is None:
        print(_("已恢复。"))
    else:
        print(_("已恢复。原来的数据已移到 {folder}（没有删除）。", folder=aside))
    warn_audit_issues(folder.quick_verify())  # the restored chain against its anchor
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    folder = _folder(args)
    if not folder.has_database():
        print(_("找不到数据库 {path}", path=folder.database_path), file=sys.stderr)
        return EXIT_STORAGE
    issues = folder.verify_audit()
    for issue in issues:
        print(issue.message)
    if issues:
        print(_("发现 {count} 处与审计日志不符。", count=len(issues)))
        return EXIT_FINDINGS
    print(_("审计日志完整，所有记录与日志一致。"))
    return EXIT_OK


def _new_password(args: argparse.Namespace) -> tuple[str, str | None]:
    """The new password: ``--password``, ``--new-password-file``, or asked twice."""
    if args.password is not None:
        return args.password, None
    if args.new_password_file is not None:
        try:
            lines = Path(args.new_password_file).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError.single(
                "--new-password-file",
                _("新密码文件"),
                _("无法读取 {path}：{error}", path=args.new_password_file, error=exc),
            ) from exc
        return (lines[0] if lines else ""), None
    return getpass.getpass(_("新密码：")), getpass.getpass(_("再输入一次："))


def cmd_lock_set(args: argparse.Namespace) -> int:
    password, repeat = _new_password(args)
    with open_book(args) as book:
        current = None
        if book.safety.app_lock().enabled:  # changing it needs the password in force
            current = ask_password(args, _("当前密码："))
        settings = book.safety.set_app_lock(
            password, repeat=repeat, idle_minutes=args.idle_minutes, current=current
        )
    print(_("已设置程序锁：启动时和闲置一段时间后需要输入密码。"))
    if settings.encrypted:
        print(_("数据文件夹已加密（数据库、备份和导出的文件）。"))
    if settings.recovery_key:
        print()
        print(_("恢复密钥（只显示这一次）："))
        print(f"    {settings.recovery_key}")
        print(
            _(
                "请把它抄写或打印出来，交乡镇党委放在保险柜里保管。忘记密码时，"
                "只有这个恢复密钥能打开数据（可代替密码使用）。"
            )
        )
    return EXIT_OK


def cmd_lock_clear(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        current = ask_password(args) if book.safety.app_lock().enabled else None
        book.safety.clear_app_lock(current)
    print(_("已取消程序锁，数据文件夹已解密。"))
    return EXIT_OK


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """The data folder's own commands; ``on_files``: they copy, replace or re-encrypt the
    database file itself, so no early quick check may hold it open (``app.check_early``)."""
    p = sub.add_parser("backup", parents=[common], help="back up the data folder now")
    p.add_argument("--to", help="a folder (e.g. a USB stick) instead of <data-dir>/backups")
    p.set_defaults(handler=cmd_backup, on_files=True)

    p = sub.add_parser("backups", parents=[common], help="list backups")
    actions = p.add_subparsers(dest="backups_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", parents=[common], help="list backups and what they hold")
    q.add_argument("--from", dest="source", help="a backup folder (default: <data-dir>/backups)")
    q.set_defaults(handler=cmd_backups_list, on_files=True)

    p = sub.add_parser("restore", parents=[common], help="restore a backup (current data kept)")
    p.add_argument("file", nargs="?", help="a backup file (villagebook-*.sqlite3)")
    p.add_argument("--newest", action="store_true", help="the newest healthy automatic backup")
    p.set_defaults(handler=cmd_restore, on_files=True)

    p = sub.add_parser("audit", parents=[common], help="the audit trail")
    actions = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    q = actions.add_parser("verify", parents=[common], help="detect changes made behind the app")
    q.set_defaults(handler=cmd_audit_verify, on_files=True)

    p = sub.add_parser("lock", parents=[common], help="the app lock password")
    actions = p.add_subparsers(dest="lock_command", metavar="ACTION", required=True)
    q = actions.add_parser("set", parents=[common], help="set or change the password")
    q.add_argument("--password", help="the new password (default: asked twice on the terminal)")
    q.add_argument("--new-password-file", type=Path, help="a file holding the new password")
    q.add_argument("--idle-minutes", type=int, help="lock after this many idle minutes")
    q.add_argument("--current-password", help="(default: asked when a lock is set)")
    q.set_defaults(handler=cmd_lock_set, on_files=True)
    q = actions.add_parser("clear", parents=[common], help="remove the password")
    q.add_argument("--current-password", help="(default: asked on the terminal)")
    q.set_defaults(handler=cmd_lock_clear, on_files=True)
