"""The "Waar woon je?" field (home page and /gemeenten/): a gemeente name -> its page. The finder's
gemeente field uses the same matcher (picker.js exposes it as ``window.WijzerGemeenten``).

Without JavaScript it is a plain GET form to /gemeenten/, which lists every gemeente A to Z with
a letter index (nothing on a server needed). With JavaScript (overrides/assets/picker.js) the
typed text is matched here in the browser, against the data this module writes into the page as
a JSON data block (not executed; CSP script-src 'self' holds):

- accents, case, spaces and punctuation do not count ("sudwest fryslan", "s hertogenbosch");
- the leading 's- / 't and the province suffix may be left out ("Hertogenbosch", "Hengelo");
- well-known other names ("Den Bosch", "Den Haag") count as the gemeente;
- the name of a former gemeente (``herindelingen`` in data/regions.yaml: "Weesp", "Veghel") says which
  gemeente it is part of now, with a link; a former gemeente divided over several asks which one;
  so does the name of a town that is not a gemeente (``woonplaatsen``: "Zaandam", "Hoofddorp"); the
  villages of a divided gemeente say where they went ("Haaren": "Boxtel, voor Esch");
- the name (or another name) goes straight to the gemeente page; more than one ("Bergen") asks which one;
- a beginning ("Zwol") or a name that is only close to a gemeente ("Utrehct") is never followed: the
  answer asks "Bedoel je ...?" with a link to the gemeente. Towns are often part of another gemeente,
  and their names look like other gemeenten: "Grave" begins 's-Gravenhage, "Weesp" is close to Weert.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from wijzer.core.catalogue import Catalogue
from wijzer.core.sorting import gemeente_sort_key
from wijzer.pages.finder import GEMEENTE_ALIASES

# Other names people type, beyond the finder's list: the old official names of the two cities.
EXTRA_ALIASES: dict[str, str] = {"Den Haag": "GM0518", "Den Bosch": "GM0796", "Hertogenbosch": "GM0796"}


def picker_data(cat: Catalogue) -> Markup:
    """The JSON for picker.js: ``{"g": [[name, slug, province], ...], "a": {alias: index},
    "f": [[former name, year, [index, ...]], ...], "w": [[town, index(, former gemeente)], ...]}`` (former
    gemeenten, from the herindelingen, and towns that are not a gemeente, with the former gemeente
    they belonged to when that one was divided)."""
    ordered = sorted(cat.gemeenten.items(), key=lambda item: gemeente_sort_key(item[1].name))
    index = {code: i for i, (code, _) in enumerate(ordered)}
    aliases = {**GEMEENTE_ALIASES, **EXTRA_ALIASES}
    data = {
        "g": [[g.name, cat.gemeente_slugs[code], g.province] for code, g in ordered],
        "a": {alias: index[code] for alias, code in sorted(aliases.items()) if code in index},
        "f": sorted([name, h.since.year, sorted(index[code] for code in h.into)] for h in cat.herindelingen for name in h.former),
        "w": sorted([w.name, index[w.gemeente], *([w.former] if w.former else [])] for w in cat.woonplaatsen),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # A JSON data block: '<' never appears raw, so no text can end the element.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def letter_groups(cat: Catalogue) -> list[tuple[str, list]]:
    """All gemeenten A to Z, grouped by the first letter of their sort key ('s-Hertogenbosch under H)."""
    groups: dict[str, list] = {}
    for code, g in sorted(cat.gemeenten.items(), key=lambda item: gemeente_sort_key(item[1].name)):
        groups.setdefault(gemeente_sort_key(g.name)[:1].upper(), []).append((code, g))
    return list(groups.items())
