"""Synonyms and spelling variants for the site search (``data/synonyms.yaml``).

People search in their own words: 'omgangsregeling' where the law says 'zorgregeling',
'vechtscheiding' where professionals write 'complexe scheiding', 'allimentatie' with a typo.
The editors keep those words here; ``search_index`` adds them to the search index when the
site is built. This module only declares and checks the list (an extension of the catalogue).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, Field, WithJsonSchema

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


class SynonymsFile(Entry):
    synonyms: list[SynonymGroup] = Field(description="Groepen woorden die hetzelfde betekenen.")
    spelling: list[SpellingVariant] = Field(default_factory=list, description="Andere schrijfwijzen en tikfouten.")


@dataclass(frozen=True)
class Thesaurus:
    """The checked list: each synonym group as a tuple of terms, and word -> spelling variants."""

    groups: tuple[tuple[str, ...], ...]
    spelling: dict[str, tuple[str, ...]]


def attach(catalogue: Any, valid: dict, source: Source) -> list[Problem]:
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
    catalogue.extras["synonyms"] = Thesaurus(tuple(groups), spelling)
    return problems


EXTENSION = ("synonyms.yaml", SynonymsFile, attach)
