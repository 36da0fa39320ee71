"""What day it is for Wijzer: the date in the Netherlands, whatever the computer's time zone.

A report, a stale-review warning or a skeleton from ``wijzer new`` made at 00:30 in Amsterdam on a
machine set to New York (or UTC, as CI runners are) must say the same date as one made in Zwolle.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TIME_ZONE = "Europe/Amsterdam"


def today(now: dt.datetime | None = None) -> dt.date:
    """Today's date in the Netherlands; ``now`` (aware) is for tests."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        zone: dt.tzinfo = ZoneInfo(TIME_ZONE)
    except ZoneInfoNotFoundError:  # pragma: no cover - no time zone data (Windows without tzdata)
        zone = dt.timezone(dt.timedelta(hours=1))  # CET; one hour off in summer at worst
    return now.astimezone(zone).date()
