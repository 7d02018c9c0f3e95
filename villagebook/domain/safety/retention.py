"""Which automatic backups to keep (Anki thins its backups the same way)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def thin(stamps: Iterable[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """Which backups to keep: all of the last 2 days, the newest of each day for 2 weeks,
    of each week for 3 months, of each month before that; and always the newest one.
    """
    ordered = sorted(set(stamps), reverse=True)
    keep: set[dt.datetime] = set(ordered[:1])
    buckets: set[tuple[object, ...]] = set()
    for stamp in ordered:
        age = now - stamp
        if age <= dt.timedelta(days=2):
            keep.add(stamp)
            continue
        if age <= dt.timedelta(days=14):
            bucket: tuple[object, ...] = ("day", stamp.date())
        elif age <= dt.timedelta(days=92):
            bucket = ("week", *stamp.isocalendar()[:2])
        else:
            bucket = ("month", stamp.year, stamp.month)
        if bucket not in buckets:
            buckets.add(bucket)
            keep.add(stamp)
    return keep
