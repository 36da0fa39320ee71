"""Phone numbers by reference: a number lives once, in data/organisations.yaml.

A data text (a Markdown field in legal.yaml, offers.yaml, ...) writes ``[[telefoon:veilig-thuis]]``
where the number of an organisation belongs; a hand-written page calls the macro
``{{ telefoon("veilig-thuis") }}``. Both become a ``tel:`` link with the number from the
organisation's ``contact.phone``, so one edit there changes every page. ``wijzer validate``
reports a reference to an unknown organisation, or to one without a phone number, with file and
line (wijzer.checks).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from typing import Protocol

from wijzer.core.fields import paid_note, phone_href
from wijzer.core.problems import Problem, text_position

REF_RE = re.compile(r"\[\[telefoon:([^\[\]\s]*)\]\]")
# Tags and character references stay as they are; the contents of <script> and <style> too
# (a JSON data block must not get a link inside it).
_SKIP = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<[^>]*>)", re.IGNORECASE | re.DOTALL)


class _Contact(Protocol):
    phone: str | None
    short_number: str | None


class _Organisation(Protocol):
    contact: _Contact


def references(text: str) -> Iterator[tuple[str, int]]:
    """(organisation id, line within the text, 0-based) for each reference in ``text``."""
    for match in REF_RE.finditer(text):
        yield match.group(1), text.count("\n", 0, match.start())


def numbers(org: _Organisation | None) -> list[str]:
    """The organisation's numbers, a short one (113) first; empty when it has none."""
    if org is None:
        return []
    return [n for n in (org.contact.short_number, org.contact.phone) if n]


def phone_link(phone: str) -> str:
    """One number as a ``tel:`` link (escaped HTML), styled as the NL Design System Link
    (overrides/assets/nlds/link.css, from @nl-design-system-candidate/link-css)."""
    return f'<a href="{html.escape(phone_href(phone))}" class="nl-link">{html.escape(phone)}</a>{paid_note(phone)}'


def numbers_html(org: _Organisation | None) -> str:
    """All numbers of the organisation as links: '113 of 0800-0113'."""
    return " of ".join(phone_link(n) for n in numbers(org))


def resolve_html(text_html: str, organisations: Mapping[str, _Organisation]) -> str:
    """Replace every reference in the text of ``html`` by a ``tel:`` link (tags, attributes,
    scripts and styles untouched). An unknown id stays as written: validate has reported it."""
    if "[[telefoon:" not in text_html:
        return text_html

    def text(part: str) -> str:
        def one(match: re.Match[str]) -> str:
            return numbers_html(organisations.get(match.group(1))) or match.group(0)

        return REF_RE.sub(one, part)

    parts = _SKIP.split(text_html)
    return "".join(part if i % 2 else text(part) for i, part in enumerate(parts))


def resolve_plain(value: str, organisations: Mapping[str, _Organisation]) -> str:
    """Replace every reference by the bare number (open data, JSON for scripts)."""
    if "[[telefoon:" not in value:
        return value
    return REF_RE.sub(lambda m: " of ".join(numbers(organisations.get(m.group(1)))) or m.group(0), value)


# ``{{ telefoon("id") }}`` (the macro for hand-written pages), with either kind of quote
MACRO_RE = re.compile(r"""\{\{-?\s*telefoon\(\s*["']([^"']*)["']\s*\)\s*-?\}\}""")


def page_problems(text: str, file: str, organisations: Mapping[str, _Organisation]) -> list[Problem]:
    """Phone references on a hand-written page (macro or ``[[telefoon:id]]``) that name no
    organisation with a number, each with its line and column."""
    found = []
    for pattern in (MACRO_RE, REF_RE):
        for match in pattern.finditer(text):
            org_id = match.group(1)
            org = organisations.get(org_id)
            if org is None:
                message = f"{match.group(0)} verwijst naar een onbekende organisatie '{org_id}'; gebruik een id uit data/organisations.yaml"
            elif not numbers(org):
                message = f"{match.group(0)}: organisatie '{org_id}' heeft geen telefoonnummer (contact.phone)"
            else:
                continue
            found.append(Problem(file, *text_position(text, match.start()), "", message))
    return found
