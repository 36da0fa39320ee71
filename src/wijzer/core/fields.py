"""Field types with validation that speaks Dutch to editors.

Each type is a plain ``str`` for the rest of the code; the validators only decide whether the
text is acceptable and raise ``ValueError`` with a message an editor can act on.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Annotated
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

ISO_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CBS_RE = re.compile(r"^GM[0-9]{4}$")
LAW_REF_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .:-]{0,78}[A-Za-z0-9.]$")
HOST_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")

# Characters that change reading direction or are invisible: they can make a name or a URL
# look like something else, so data may not contain them.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


_SPACE = re.compile(r"\s")
# Characters RFC 3986 does not allow in a URL; a browser would encode them, an attacker would not.
_NOT_IN_URL = re.compile(r'["<>\\^`{|}]')
_HIDDEN = re.compile(
    "[" + "".join(sorted(BIDI_CONTROLS)) + "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]"
)


def _forbid_hidden(text: str) -> None:
    found = _HIDDEN.search(text)
    if found is None:
        return
    ch = found.group()
    if ch in BIDI_CONTROLS:
        raise ValueError(f"bevat een onzichtbaar teken dat de leesrichting verandert (U+{ord(ch):04X}); haal het weg")
    raise ValueError(f"bevat een onzichtbaar stuurteken (U+{ord(ch):04X}); haal het weg")


def _slug(value: str) -> str:
    if not SLUG_RE.match(value) or len(value) > 80:
        raise ValueError(
            f"{value!r} is geen geldige id: gebruik kleine letters, cijfers en streepjes, "
            "bijvoorbeeld 'ouderschap-blijft'"
        )
    return value


def _law_ref(value: str) -> str:
    if not LAW_REF_RE.match(value):
        raise ValueError(f"{value!r} is geen wetsverwijzing; schrijf die zoals in data/legal.yaml, bijvoorbeeld 'BW 7:450 lid 2'")
    return value


def _cbs(value: str) -> str:
    if not CBS_RE.match(value):
        raise ValueError(f"{value!r} is geen CBS-gemeentecode; schrijf 'GM' met vier cijfers, bijvoorbeeld GM0193")
    return value


def _plain(value: str) -> str:
    _forbid_hidden(value)
    value = " ".join(value.split())
    if not value:
        raise ValueError("mag niet leeg zijn")
    if len(value) > 1000:
        raise ValueError(f"is te lang ({len(value)} tekens); hooguit 1000")
    return value


def _markdown(value: str) -> str:
    _forbid_hidden(value)
    value = value.strip()
    if not value:
        raise ValueError("mag niet leeg zijn")
    if len(value) > 30000:
        raise ValueError(f"is te lang ({len(value)} tekens); hooguit 30000")
    return value


def check_url(value: str) -> str:
    """An https URL with a plain ASCII host name: no look-alike letters, no user part."""
    _forbid_hidden(value)
    if _SPACE.search(value):
        raise ValueError(f"{value!r} is geen geldig webadres: er staat een spatie in")
    if len(value) > 2000:
        raise ValueError("webadres is te lang (meer dan 2000 tekens)")
    parts = urlsplit(value)
    if parts.scheme != "https":
        raise ValueError(f"{value!r} is geen https-webadres; begin met https://")
    odd = _NOT_IN_URL.search(value)
    if odd:
        raise ValueError(
            f"{value!r} bevat het teken {odd.group()!r}, dat niet in een webadres hoort; "
            "kopieer het adres uit de adresbalk van de browser"
        )
    if "@" in parts.netloc:
        raise ValueError(f"{value!r} bevat '@' vóór de domeinnaam; dat is een bekende truc om te misleiden")
    host = parts.hostname or ""
    if not host.isascii():
        raise ValueError(
            f"{value!r} heeft letters buiten het gewone alfabet in de domeinnaam; "
            "gebruik de punycode-vorm (xn--...) als het echt zo heet"
        )
    if not HOST_RE.match(host):
        raise ValueError(f"{value!r} heeft geen geldige domeinnaam")
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        raise ValueError(f"{value!r} heeft een ongeldig poortnummer") from exc
    return value


PHONE_HINT = "schrijf het zoals de organisatie het publiceert, met netnummer, bijvoorbeeld 0800-2000"


def _phone(value: str) -> str:
    _forbid_hidden(value)
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"{value!r} is geen telefoonnummer; {PHONE_HINT}") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"{value!r} is geen geldig Nederlands telefoonnummer; {PHONE_HINT}")
    return value


SHORT_NUMBER_RE = re.compile(r"^1[0-9]{2}$")


def _short_number(value: str) -> str:
    """A three-digit Dutch service number such as 113 (phonenumbers does not know all of them)."""
    if not SHORT_NUMBER_RE.match(value):
        raise ValueError(f"{value!r} is geen kort nummer; schrijf drie cijfers die met 1 beginnen, bijvoorbeeld 113")
    return value


def _email(value: str) -> str:
    _forbid_hidden(value)
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(f"{value!r} is geen geldig e-mailadres") from exc
    return value


@functools.lru_cache(maxsize=8192)
def paid_note(value: str | None) -> str:
    """The note " (betaald nummer)" after a number that costs more than a normal call (0900, 0906, 0909:
    premium rate or shared cost, as libphonenumber knows them), else nothing: "Bel ... gratis
    advies" must not hide it. Remembered, as phone_href: the same numbers stand on many pages."""
    if not value or SHORT_NUMBER_RE.match(value):
        return ""
    kind = phonenumbers.number_type(phonenumbers.parse(value, "NL"))
    paid = kind in (phonenumbers.PhoneNumberType.PREMIUM_RATE, phonenumbers.PhoneNumberType.SHARED_COST)
    return " (betaald nummer)" if paid else ""


@functools.lru_cache(maxsize=8192)
def phone_href(value: str) -> str:
    """``tel:`` link target in international format, e.g. ``tel:+318002000`` (remembered: the
    same numbers stand on hundreds of pages); a short number such as 113 as it is, and so a
    number that works only within the Netherlands, such as a gemeente's 14 + netnummer
    (``tel:14015``: with +31 in front the call would not connect)."""
    if SHORT_NUMBER_RE.match(value):
        return "tel:" + value
    number = phonenumbers.parse(value, "NL")
    if not phonenumbers.can_be_internationally_dialled(number):
        return "tel:" + phonenumbers.national_significant_number(number)
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _quoted_date(value: object) -> object:
    """``reviewed: "2026-12-01"`` (quoted, as the JSON Schema and the CMS allow) means the date itself."""
    if isinstance(value, str) and ISO_DATE_RE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return value  # an impossible date: the model says "is geen bestaande datum"
    return value


# A date written 2026-12-01, with or without quotes.
IsoDate = Annotated[dt.date, BeforeValidator(_quoted_date), WithJsonSchema({"type": "string", "format": "date"})]

Slug = Annotated[
    str,
    AfterValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern, "maxLength": 80}),
]
LawRef = Annotated[str, AfterValidator(_law_ref), WithJsonSchema({"type": "string", "pattern": LAW_REF_RE.pattern})]
"""A reference to an article (``ref`` of a ``law:`` entry in data/legal.yaml), optionally with ``lid``."""
CbsCode = Annotated[str, AfterValidator(_cbs), WithJsonSchema({"type": "string", "pattern": CBS_RE.pattern})]
PlainText = Annotated[str, AfterValidator(_plain), Field(json_schema_extra={"minLength": 1, "maxLength": 1000})]
Markdown = Annotated[str, AfterValidator(_markdown), Field(json_schema_extra={"minLength": 1})]
HttpsUrl = Annotated[
    str,
    AfterValidator(check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://"}),
]
Phone = Annotated[str, AfterValidator(_phone), WithJsonSchema({"type": "string", "pattern": r"^[0-9+() -]{3,20}$"})]
ShortNumber = Annotated[
    str, AfterValidator(_short_number), WithJsonSchema({"type": "string", "pattern": SHORT_NUMBER_RE.pattern})
]
Email = Annotated[str, AfterValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]
