"""What day it is for Wijzer: the date in the Netherlands, whatever the computer's time zone.

A report, a stale-review warning or a skeleton from ``wijzer new`` made at 00:30 in Amsterdam on a
machine set to New York (or UTC, as CI runners are) must say the same date as one made in Zwolle.

``WIJZER_TODAY=YYYY-MM-DD`` fixes the day instead, for a build that must be reproducible later or
across midnight (the tests set it once per run).
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TIME_ZONE = "Europe/Amsterdam"
FIXED_DAY = "WIJZER_TODAY"


def today(now: dt.datetime | None = None) -> dt.date:
    """Today's date in the Netherlands (or WIJZER_TODAY's); ``now`` (aware) is for tests."""
    fixed = os.environ.get(FIXED_DAY, "").strip() if now is None else ""
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise ValueError(f"{FIXED_DAY}={fixed!r} is geen datum; schrijf JJJJ-MM-DD, of laat de variabele weg") from None
    now = now or dt.datetime.now(dt.UTC)
    try:
        zone: dt.tzinfo = ZoneInfo(TIME_ZONE)
    except ZoneInfoNotFoundError:  # pragma: no cover - no time zone data (Windows without tzdata)
        zone = dt.timezone(dt.timedelta(hours=1))  # CET; one hour off in summer at worst
    return now.astimezone(zone).date()
