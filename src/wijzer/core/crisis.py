"""Who to call when it is not safe, for one gemeente: the regional Veilig Thuis where the data
knows it (an organisation of kind ``veilig-thuis`` whose area covers the gemeente), else the
national one; and the national lines (De Kindertelefoon, Het Juridisch Loket) by their kind.

Used by the gemeente page (its crisis block, also on paper) and the signaleringshulp."""

from __future__ import annotations

from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue


def veilig_thuis_for(cat: Catalogue, code: str | None) -> m.Organisation | None:
    """The Veilig Thuis of the gemeente's region, or the national Veilig Thuis."""
    if code is not None:
        regional = [o for o in cat.local_organisations(code) if o.kind == "veilig-thuis"]
        if regional:
            return regional[0]
    return next((o for o in cat.national_organisations if o.kind == "veilig-thuis"), None)


def national_line(cat: Catalogue, kind: str) -> m.Organisation | None:
    """The national organisation of ``kind`` with a phone number (hulplijn, juridisch-loket)."""
    return next((o for o in cat.national_organisations if o.kind == kind and o.contact.phone), None)


def website_of(cat: Catalogue, org: m.Organisation) -> str | None:
    """The organisation's website, or that of the national organisation of the same kind."""
    if org.contact.website:
        return org.contact.website
    national = next((o for o in cat.national_organisations if o.kind == org.kind and o.contact.website), None)
    return national.contact.website if national else None


def kindertelefoon(cat: Catalogue) -> m.Organisation | None:
    """De Kindertelefoon: the national hulplijn for children."""
    lines = [o for o in cat.national_organisations if o.kind == "hulplijn" and o.contact.phone]
    return next((o for o in lines if "kindertelefoon" in o.name.casefold()), lines[0] if lines else None)
