"""Values the theme's templates read from the data (overrides/main.html): a number is written down once."""

from __future__ import annotations

from wijzer.core.catalogue import Catalogue
from wijzer.core.fields import phone_href


def contact(cat: Catalogue | None, org_id: str) -> dict | None:
    """Name and numbers of an organisation (the crisis banner on every page), from
    data/organisations.yaml. None when it has no phone number."""
    org = cat.organisations.get(org_id) if cat is not None else None
    if org is None or not (org.contact.phone or org.contact.short_number):
        return None
    numbers = [n for n in (org.contact.short_number, org.contact.phone) if n]
    return {"name": org.name, "numbers": [(n, phone_href(n)) for n in numbers]}


def with_phone_numbers(html_text: str, cat: Catalogue | None) -> str:
    """``[[telefoon:id]]`` in data texts becomes the organisation's number (wijzer.core.contactrefs)."""
    from wijzer.core.contactrefs import resolve_html

    return resolve_html(html_text, cat.organisations) if cat is not None else html_text
