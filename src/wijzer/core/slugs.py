"""Dutch URL slugs (for gemeente pages and heading ids)."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """Dutch URL slug: ``'s-Gravenhage`` -> ``s-gravenhage``, ``Hengelo (O.)`` -> ``hengelo-o``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
