"""The one way Wijzer sorts names, used by every list (catalogue pages, finder, routekaart,
signaleringshulp, gemeente picker).

- Gemeenten sort as Dutch lists do: ``'s-Hertogenbosch`` under H, ``'s-Gravenhage`` under G;
  accents do not count (Súdwest-Fryslân next to Stichtse Vecht, not after Zwolle).
- Offers and organisations sort without leading punctuation: ``!JES`` under J.
"""

from __future__ import annotations

import re
import unicodedata

# Dutch article prefixes that lists skip: 's-Hertogenbosch, 's Gravenhage, 't Zandt.
_ARTICLE = re.compile(r"^['’`]\s*[st][\s\-]+", re.IGNORECASE)
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")


def plain(text: str) -> str:
    """Lower case without accents: 'Súdwest-Fryslân' -> 'sudwest-fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_sort_key(name: str) -> str:
    """Sort key for offer and organisation names: no leading punctuation, no accents."""
    return _LEADING_PUNCTUATION.sub("", plain(name.strip())) or plain(name)


def gemeente_sort_key(name: str) -> str:
    """Sort key for gemeente names: without a leading 's-/'t and accents (''s-Hertogenbosch' under H)."""
    return name_sort_key(_ARTICLE.sub("", name.strip()))
