"""Synonyms and spelling variants for the site search (``data/synonyms.yaml``).

People search in their own words: 'omgangsregeling' where the law says 'zorgregeling',
'vechtscheiding' where professionals write 'complexe scheiding', 'allimentatie' with a typo.
The editors keep those words here; ``site_search`` adds them to the search index when the
site is built. This module only declares and checks the list (an extension of the catalogue).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field, WithJsonSchema

from wijzer.core.checks import Checker
from wijzer.core.fields import PlainText
from wijzer.core.models import Entry
from wijzer.core.problems import Problem
from wijzer.core.yamlsource import Source

TERM_RE = re.compile(r"^[a-zà-ÿ0-9]+(?:[ '-][a-zà-ÿ0-9]+)*$")


def normalise(text: str) -> str:
    """Lower case, composed accents, single spaces: how terms are compared."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def _term(value: str) -> str:
    value = " ".join(value.split())
    if not TERM_RE.match(value) or not 2 <= len(value) <= 60:
        raise ValueError(
            f"{value!r} is geen zoekwoord: gebruik kleine letters, cijfers, spaties of streepjes "
            "(2 tot 60 tekens), bijvoorbeeld 'ouderlijk gezag'"
        )
    return value


PAGE_RE = re.compile(r"^([a-z0-9-]+/)*$")


def _page(value: str) -> str:
    if not PAGE_RE.match(value):
        raise ValueError(
            f"{value!r} is geen pad van een pagina: schrijf het zoals in de adresbalk na de naam van de site, "
            "met een / aan het eind, bijvoorbeeld 'juridisch/ouderlijk-gezag/'"
        )
    return value


PagePath = Annotated[str, AfterValidator(_page), WithJsonSchema({"type": "string", "pattern": PAGE_RE.pattern})]

SearchTerm = Annotated[
    str,
    AfterValidator(_term),
    WithJsonSchema({"type": "string", "pattern": TERM_RE.pattern, "minLength": 2, "maxLength": 60}),
]


class SynonymGroup(Entry):
    """Woorden die voor de zoekfunctie hetzelfde betekenen."""

    terms: list[SearchTerm] = Field(
        min_length=2,
        description=(
            "Woorden of woordgroepen die mensen door elkaar gebruiken, in kleine letters. Staat één ervan "
            "op een pagina, dan vindt de zoekfunctie die pagina ook met de andere woorden."
        ),
    )
    note: PlainText | None = Field(default=None, description="Waarom deze woorden bij elkaar horen (alleen voor de redactie).")


class SpellingVariant(Entry):
    """Andere schrijfwijzen en veelgemaakte tikfouten van één woord."""

    word: SearchTerm = Field(description="Het woord zoals het op de site staat, in kleine letters.")
    variants: list[SearchTerm] = Field(
        min_length=1,
        description="Hoe mensen het ook schrijven of vaak verkeerd typen; de zoekfunctie vindt dan toch het woord.",
    )


class BestBet(Entry):
    """Een zoekvraag waarbij de redactie zelf de beste pagina('s) bovenaan zet."""

    query: PlainText = Field(
        description="De zoekvraag zoals mensen hem typen, bijvoorbeeld 'kind wil niet naar vader'. "
        "Hoofdletters, leestekens en woorden als 'de' en 'wie' tellen niet mee."
    )
    pages: list[PagePath] = Field(
        min_length=1,
        max_length=3,
        description="Pagina's die bovenaan komen, als pad op de site, bijvoorbeeld 'juridisch/zorgregeling-en-omgang/'.",
    )


class SynonymsFile(Entry):
    synonyms: list[SynonymGroup] = Field(description="Groepen woorden die hetzelfde betekenen.")
    spelling: list[SpellingVariant] = Field(default_factory=list, description="Andere schrijfwijzen en tikfouten.")
    best_bets: list[BestBet] = Field(
        default_factory=list,
        description="Zoekvragen waarbij de redactie de beste pagina vastzet (bovenaan de resultaten).",
    )


@dataclass(frozen=True)
class Thesaurus:
    """The checked list: each synonym group as a tuple of terms, and word -> spelling variants."""

    groups: tuple[tuple[str, ...], ...]
    spelling: dict[str, tuple[str, ...]]
    best_bets: dict[str, tuple[str, ...]] = field(default_factory=dict)  # query -> page paths


def attach(catalogue: Any, valid: dict, source: Source, checker: Checker) -> list[Problem]:
    """Check that every term is in one place only, then store the ``Thesaurus`` in ``catalogue.extras``."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}  # normalised term -> where it was first written down
    groups: list[tuple[str, ...]] = []
    for i, group in valid.get("synonyms", []):
        terms: list[str] = []
        for j, term in enumerate(group.terms):
            key = normalise(term)
            if key in seen:
                problems.append(source.problem(("synonyms", i, "terms", j), f"'{term}' staat al in {seen[key]}"))
                continue
            seen[key] = f"synonyms[{i}]"
            terms.append(key)
        if len(terms) >= 2:
            groups.append(tuple(terms))
    spelling: dict[str, tuple[str, ...]] = {}
    for i, entry in valid.get("spelling", []):
        word = normalise(entry.word)
        if word in spelling:
            problems.append(source.problem(("spelling", i, "word"), f"'{entry.word}' heeft al een eigen blok in spelling"))
            continue
        variants: list[str] = []
        for j, variant in enumerate(entry.variants):
            key = normalise(variant)
            if key == word:
                problems.append(source.problem(("spelling", i, "variants", j), f"'{variant}' is hetzelfde als het woord zelf"))
            elif key in seen or key in spelling:
                where = seen.get(key, "spelling")
                problems.append(
                    source.problem(
                        ("spelling", i, "variants", j),
                        f"'{variant}' is een gewoon zoekwoord ({where}), geen andere schrijfwijze",
                    )
                )
            elif key in variants:
                problems.append(source.problem(("spelling", i, "variants", j), f"'{variant}' staat dubbel"))
            else:
                variants.append(key)
        spelling[word] = tuple(variants)
    all_variants = {v: w for w, vs in spelling.items() for v in vs}
    for i, entry in valid.get("spelling", []):
        word = normalise(entry.word)
        if word in all_variants:
            problems.append(
                source.problem(("spelling", i, "word"), f"'{entry.word}' staat ook als schrijfwijze van '{all_variants[word]}'")
            )
    best_bets: dict[str, tuple[str, ...]] = {}
    known = _known_pages(catalogue, source)
    for i, bet in valid.get("best_bets", []):
        from wijzer.core.search_text import query_key

        key = query_key(bet.query)
        if not key:
            problems.append(source.problem(("best_bets", i, "query"), f"'{bet.query}' bevat alleen woorden die de zoekfunctie overslaat"))
            continue
        if key in {query_key(q) for q in best_bets}:
            problems.append(source.problem(("best_bets", i, "query"), f"'{bet.query}' staat al eerder onder best_bets"))
            continue
        for j, page in enumerate(bet.pages):
            if page not in known:
                problems.append(source.problem(("best_bets", i, "pages", j), f"pagina '{page}' bestaat niet op de site"))
        best_bets[bet.query] = tuple(bet.pages)
    catalogue.extras["synonyms"] = Thesaurus(tuple(groups), spelling, best_bets)
    return problems


# Where the generated pages live (as wijzer.pages.context.Uris; tests/unit/test_site_search_text.py
# checks that both agree): folder per kind, and the overview pages.
GENERATED_FOLDERS = {"offers": "aanbod", "organisations": "organisaties", "topics": "juridisch"}


def _site_path(markdown: str) -> str:
    """A Markdown source path as the page's path on the site (directory URLs)."""
    stem = markdown.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def known_pages(catalogue: Any, content: Path | None = None) -> set[str]:
    """Paths of every page: the generated ones from the data, the hand-written ones from ``content``."""
    known = {f"{folder}/" for folder in (*GENERATED_FOLDERS.values(), "gemeenten")}
    for attr, folder in GENERATED_FOLDERS.items():
        known.update(f"{folder}/{key}/" for key in getattr(catalogue, attr))
    known.update(f"gemeenten/{slug}/" for slug in catalogue.gemeente_slugs.values())
    if content is not None and content.is_dir():
        known.update(_site_path(p.relative_to(content).as_posix()) for p in content.rglob("*.md"))
    return known


def _known_pages(catalogue: Any, source: Source) -> set[str]:
    """As ``known_pages``, with content/ next to the data folder (else the project's own)."""
    content = Path(source.file).resolve().parent.parent / "content"
    if not content.is_dir():
        content = Path(__file__).resolve().parents[3] / "content"
    return known_pages(catalogue, content)


EXTENSION = ("synonyms.yaml", SynonymsFile, attach)
