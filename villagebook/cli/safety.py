"""Command line for backups, restore, the audit trail and the app lock.

``backup``, ``backups list``, ``restore``, ``audit verify``, ``lock set`` / ``lock clear``;
registered on the main parser by :func:`register`.  Heavy imports stay inside handlers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_STORAGE = 3


def _data_dir(args: argparse.Namespace) -> Path:
    from villagebook import paths

    return Path(args.data_dir) if args.data_dir else paths.default_data_dir()


def _print_info(info: Any) -> None:
    state = "完好" if info.healthy else "已损坏：" + "；".join(info.problems[:2])
    print(f"{info.path}")
    print(
        f"  时间：{info.taken_at:%Y-%m-%d %H:%M:%S}　结构版本：{info.revision or '未知'}　{state}"
    )
    if info.counts:
        print("  内容：" + "，".join(f"{label} {n}" for label, n in info.summary()))


def cmd_backup(args: argparse.Namespace) -> int:
    from villagebook import paths
    from villagebook.storage import backup

    data_dir = _data_dir(args)
    if not paths.database_path(data_dir).is_file():
        print(f"数据文件夹 {data_dir} 中没有数据库，无需备份。", file=sys.stderr)
        return EXIT_STORAGE
    now = dt.datetime.now()
    if args.to:
        target = backup.backup_to(data_dir, Path(args.to), now)
    else:
        target = backup.backup_into(data_dir, paths.backups_dir(data_dir), now)
        backup.prune(paths.backups_dir(data_dir), now)
    print(f"已备份到 {target}")
    return EXIT_OK


def cmd_backups_list(args: argparse.Namespace) -> int:
    from villagebook import paths
    from villagebook.storage import backup

    folder = Path(args.source) if args.source else paths.backups_dir(_data_dir(args))
    if (folder / backup.MANUAL_FOLDER).is_dir():
        folder = folder / backup.MANUAL_FOLDER
    infos = backup.list_backups(folder)
    for info in infos:
        _print_info(info)
    print(f"共 {len(infos)} 个备份（{folder}）。")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from villagebook.storage import backup
    from villagebook.storage.lock import FolderLock

    data_dir = _data_dir(args)
    if args.newest:
        info = backup.newest_good_backup(data_dir)
        if info is None:
            print("没有找到完好的自动备份。", file=sys.stderr)
            return EXIT_STORAGE
    elif args.file:
        info = backup.describe(Path(args.file))
    else:
        print("请指定备份文件，或用 --newest 选择最近一次完好的备份。", file=sys.stderr)
        return EXIT_STORAGE
    print("将恢复以下备份：")
    _print_info(info)
    with FolderLock(data_dir):
        aside = backup.restore(data_dir, info.path)
    print(f"已恢复。原来的数据已移到 {aside}（没有删除）。")
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from villagebook import paths
    from villagebook.storage import audit

    db_path = paths.database_path(_data_dir(args))
    if not db_path.is_file():
        print(f"找不到数据库 {db_path}", file=sys.stderr)
        return EXIT_STORAGE
    issues = audit.verify(db_path)
    for issue in issues:
        print(issue.message)
    if issues:
        print(f"发现 {len(issues)} 处与审计日志不符。")
        return EXIT_PROBLEMS
    print("审计日志完整，所有记录与日志一致。")
    return EXIT_OK


def cmd_lock_set(args: argparse.Namespace) -> int:
    from villagebook.services.safety import applock
    from villagebook.storage.db import open_database

    password = args.password
    repeat = None
    if password is None:
        password = getpass.getpass("新密码：")
        repeat = getpass.getpass("再输入一次：")
    db = open_database(args.data_dir, actor=args.actor)
    try:
        with db.write() as session:
            applock.set_password(session, password, repeat=repeat, idle=args.idle_minutes)
    finally:
        db.close()
    print("已设置程序锁：启动时和闲置一段时间后需要输入密码。")
    return EXIT_OK


def cmd_lock_clear(args: argparse.Namespace) -> int:
    from villagebook.services.safety import applock
    from villagebook.storage.db import open_database

    db = open_database(args.data_dir, actor=args.actor)
    try:
        with db.write() as session:
            applock.clear_password(session)
    finally:
        db.close()
    print("已取消程序锁。")
    return EXIT_OK


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser("backup", parents=[common], help="back up the data folder now")
    p.add_argument("--to", help="a folder (e.g. a USB stick) instead of <data-dir>/backups")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("backups", parents=[common], help="list backups")
    actions = p.add_subparsers(dest="backups_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", parents=[common], help="list backups and what they hold")
    q.add_argument("--from", dest="source", help="a backup folder (default: <data-dir>/backups)")
    q.set_defaults(handler=cmd_backups_list)

    p = sub.add_parser("restore", parents=[common], help="restore a backup (current data kept)")
    p.add_argument("file", nargs="?", help="a backup file (villagebook-*.sqlite3)")
    p.add_argument("--newest", action="store_true", help="the newest healthy automatic backup")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("audit", parents=[common], help="the audit trail")
    actions = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    q = actions.add_parser("verify", parents=[common], help="detect changes made behind the app")
    q.set_defaults(handler=cmd_audit_verify)

    p = sub.add_parser("lock", parents=[common], help="the app lock password")
    actions = p.add_subparsers(dest="lock_command", metavar="ACTION", required=True)
    q = actions.add_parser("set", parents=[common], help="set or change the password")
    q.add_argument("--password", help="(default: asked twice on the terminal)")
    q.add_argument("--idle-minutes", type=int, help="lock after this many idle minutes")
    q.set_defaults(handler=cmd_lock_set)
    q = actions.add_parser("clear", parents=[common], help="remove the password")
    q.set_defaults(handler=cmd_lock_clear)
