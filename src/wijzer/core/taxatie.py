"""The taxatie (``data/taxatie.yaml``): signal questions, answer weights and tier thresholds.

The scoring model, in one place (the page explains the same in Dutch, and ``flow.js`` does the
same sum in the browser):

1. An answer with ``safety: true`` (acute unsafety or violence) overrides everything: the
   outcome is the safety route (112, Veilig Thuis, meldcode), whatever the score.
2. Otherwise the score is the sum of the weights of the chosen answers. The tier is the
   heaviest tier whose ``min_score`` the score reaches.
3. An answer with ``min_tier`` is a marker of a later Glasl phase: the outcome is at least that
   tier, whatever the score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from wijzer.core import models as m
from wijzer.core.checks import Checker, first_of_each
from wijzer.core.fields import Markdown, PlainText, Slug
from wijzer.core.problems import Problem
from wijzer.core.yamlsource import Source

if TYPE_CHECKING:
    from wijzer.core.catalogue_model import Catalogue

WEIGHT_MAX = 10


class Answer(m.Entry):
    id: Slug = Field(description="Vaste korte naam van het antwoord, uniek binnen de vraag.")
    label: PlainText = Field(description="Het antwoord zoals de gebruiker het ziet, in gewone taal.")
    weight: Annotated[int, Field(ge=0, le=WEIGHT_MAX)] = Field(
        description=(
            f"Gewicht (0 tot en met {WEIGHT_MAX}) dat bij de score optelt. Wij gebruiken 0 = geen signaal, "
            "1 = past bij Glasl fase 1, 2 = fase 2, 3 = fase 3."
        )
    )
    safety: bool = Field(
        default=False,
        description=(
            "true als dit antwoord acute onveiligheid of geweld aangeeft: dan telt de score niet en toont de pagina "
            "meteen 112, Veilig Thuis en de meldcode."
        ),
    )
    min_tier: Slug | None = Field(
        default=None,
        description=(
            "Trede (id uit data/tiers.yaml) die dit antwoord minstens oplevert, wat de score ook is: voor signalen "
            "die op zichzelf al bij een latere fase van Glasl horen."
        ),
    )


class Question(m.Entry):
    id: Slug = Field(description="Vaste korte naam van de vraag, uniek in het bestand.")
    theme: Annotated[PlainText, Field(max_length=60)] = Field(
        description="Onderwerp van de vraag in een paar woorden (de kop boven de vraag), hooguit 60 tekens."
    )
    text: PlainText = Field(description="De vraag zelf, in gewone taal.")
    help: PlainText | None = Field(default=None, description="Korte toelichting onder de vraag (mag weg).")
    answers: list[Answer] = Field(
        min_length=2, max_length=6, description="De antwoorden (2 tot 6), van geen signaal naar sterk signaal."
    )


class TierRule(m.Entry):
    tier: Slug = Field(description="De trede (id uit data/tiers.yaml) waar deze drempel bij hoort.")
    min_score: Annotated[int, Field(ge=0, le=200)] = Field(
        description="Vanaf deze score geldt de trede. De lichtste trede begint bij 0; een zwaardere trede heeft een hogere drempel."
    )
    advice: PlainText = Field(description="Wat je nu doet bij deze uitkomst, in één tot drie zinnen.")
    contacts: list[Slug] = Field(
        default_factory=list,
        description=(
            "Landelijke organisaties (id's uit data/organisations.yaml) die de uitkomst als contact toont, naast "
            "het aanspreekpunt van de gekozen gemeente."
        ),
    )


class SafetyRoute(m.Entry):
    title: PlainText = Field(description="Kop van de veiligheidsroute, bijvoorbeeld 'Veiligheid gaat voor'.")
    text: Markdown = Field(description="Wat je nu doet bij acute onveiligheid of geweld (Markdown).")
    organisations: list[Slug] = Field(
        min_length=1,
        description="Organisaties om meteen te bellen (id's); minstens Veilig Thuis (een organisatie met kind: veilig-thuis).",
    )
    topics: list[Slug] = Field(
        min_length=1, description="Juridische onderwerpen bij de veiligheidsroute (id's), zoals beroepsgeheim-en-meldcode."
    )
    offers: list[Slug] = Field(default_factory=list, description="Aanbod bij de veiligheidsroute (id's).")
    meldcode: Slug = Field(
        description=(
            "Het juridische onderwerp (id uit data/legal.yaml) dat de route van de meldcode uitlegt; de waarschuwing "
            "bij een onveilig antwoord linkt ernaar."
        )
    )


class ScoringModel(m.Sourced):
    name: PlainText = Field(description="Naam van het model waarop de treden en de score steunen.")
    description: Markdown = Field(
        description="Open beschrijving van het model en van hoe de score werkt (Markdown); staat op de pagina."
    )
    literature: list[PlainText] = Field(
        default_factory=list, description="Literatuur zonder webadres, bijvoorbeeld het boek waarin het model staat."
    )


class TaxatieFile(m.Entry):
    model: ScoringModel = Field(description="Het model achter de score, met bronnen.")
    questions: list[Question] = Field(min_length=3, description="De vragen over signalen.")
    tiers: list[TierRule] = Field(min_length=2, description="Per trede de drempel, het advies en de contacten.")
    safety: SafetyRoute = Field(description="De veiligheidsroute die elke score opzij zet.")


@dataclass(frozen=True)
class Taxatie:
    model: ScoringModel
    questions: list[Question]
    rules: list[TierRule]  # light to heavy, one per tier
    safety: SafetyRoute

    @property
    def max_score(self) -> int:
        """The sum of the heaviest weights: no threshold may lie above it (validation)."""
        return sum(max(a.weight for a in q.answers) for q in self.questions)

    @property
    def reachable_score(self) -> int:
        """The highest score a visitor can get: an answer with safety sets the score aside, so its weight never counts."""
        return sum(max((a.weight for a in q.answers if not a.safety), default=0) for q in self.questions)


@dataclass(frozen=True)
class Outcome:
    safety: bool
    tier: str | None  # None when safety overrides
    score: int
    raised_by: tuple[str, ...]  # "question/answer" ids whose min_tier lifted the tier above the score's


def assess(tax: Taxatie, tiers: dict[str, m.Tier], chosen: dict[str, str]) -> Outcome:
    """The reference implementation of the scoring model; ``flow.js`` does the same."""
    answers = {q.id: {a.id: a for a in q.answers} for q in tax.questions}
    picked = [(qid, answers[qid][aid]) for qid, aid in chosen.items()]
    score = sum(a.weight for _, a in picked)
    if any(a.safety for _, a in picked):
        return Outcome(True, None, score, ())
    by_score = [r for r in tax.rules if score >= r.min_score][-1].tier
    lifts = [(qid, a) for qid, a in picked if a.min_tier and tiers[a.min_tier].level > tiers[by_score].level]
    tier = max((a.min_tier for _, a in lifts), key=lambda t: tiers[t].level, default=by_score)
    return Outcome(False, tier, score, tuple(f"{qid}/{a.id}" for qid, a in lifts))


def _check_rules(checker: Checker, catalogue: Catalogue, rules: list[tuple[int, TierRule]], src: Source, max_score: int | None) -> tuple[list[TierRule], list[Problem]]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    known: list[tuple[int, TierRule]] = []
    broken = not catalogue.tiers  # an unreadable tiers.yaml says nothing about thresholds
    for i, rule in rules:
        if rule.tier not in catalogue.tiers:
            checker.ref(src, ("tiers", i, "tier"), rule.tier, catalogue.tiers, "trede", problems)
            broken = True
            continue
        if rule.tier in seen:
            first = src.where(("tiers", seen[rule.tier]))[0]
            problems.append(src.problem(("tiers", i, "tier"), f"trede '{rule.tier}' heeft al een drempel (regel {first}); geef elke trede één drempel"))
            broken = True
            continue
        seen[rule.tier] = i
        known.append((i, rule))
        checker.refs(src, ("tiers", i, "contacts"), rule.contacts, catalogue.organisations, "organisatie", problems)
    if broken:
        return [r for _, r in known], problems
    missing = [t.id for t in catalogue.tier_order if t.id not in seen]
    if missing:
        problems.append(src.problem(("tiers",), f"geen drempel voor trede {', '.join(repr(t) for t in missing)}; elke trede uit data/tiers.yaml heeft er één nodig"))
        return [r for _, r in known], problems
    ordered = sorted(known, key=lambda item: catalogue.tiers[item[1].tier].level)
    first_i, first = ordered[0]
    if first.min_score != 0:
        problems.append(src.problem(("tiers", first_i, "min_score"), f"de lichtste trede ('{first.tier}') moet bij 0 beginnen, maar begint bij {first.min_score}"))
    for (_, lighter), (i, rule) in zip(ordered, ordered[1:], strict=False):
        if rule.min_score <= lighter.min_score:
            problems.append(
                src.problem(
                    ("tiers", i, "min_score"),
                    f"drempel {rule.min_score} moet hoger zijn dan die van de lichtere trede '{lighter.tier}' ({lighter.min_score})",
                )
            )
        elif max_score is not None and rule.min_score > max_score:
            problems.append(
                src.problem(("tiers", i, "min_score"), f"drempel {rule.min_score} is onbereikbaar: de hoogste mogelijke score is {max_score}")
            )
    return [r for _, r in ordered], problems


def attach(catalogue: Catalogue, valid: dict[str, Any], src: Source, checker: Checker) -> list[Problem]:
    problems: list[Problem] = []
    model = valid.get("model")
    if model is not None:
        checker.dates(src, ("model",), model, problems)

    questions: list[Question] = []
    complete = "questions" in valid and not valid.get("questions:rejected")  # else no checks over all questions
    entries = valid.get("questions", [])
    unique = first_of_each(src, ("questions",), entries, lambda q: q.id, "id", problems)
    complete = complete and len(unique) == len(entries)
    for i, question in unique.values():
        questions.append(question)
        first_of_each(src, ("questions", i, "answers"), enumerate(question.answers), lambda a: a.id, "id", problems, within=" in deze vraag")
        for j, answer in enumerate(question.answers):
            path = ("questions", i, "answers", j)
            if answer.min_tier:
                checker.ref(src, (*path, "min_tier"), answer.min_tier, catalogue.tiers, "trede", problems)
            if answer.safety and answer.min_tier:
                problems.append(src.problem((*path, "min_tier"), "een antwoord met safety: true heeft geen min_tier nodig: veiligheid gaat al voor elke trede"))

    if complete and not any(a.safety for q in questions for a in q.answers):
        problems.append(
            src.problem(("questions",), "geen enkel antwoord heeft safety: true; minstens één antwoord moet acute onveiligheid of geweld aangeven")
        )
    max_score = sum(max(a.weight for a in q.answers) for q in questions) if complete else None
    rules, found = _check_rules(checker, catalogue, valid.get("tiers", []), src, max_score)
    problems.extend(found)

    safety = valid.get("safety")
    if safety is not None:
        checker.refs(src, ("safety", "organisations"), safety.organisations, catalogue.organisations, "organisatie", problems)
        checker.refs(src, ("safety", "topics"), safety.topics, catalogue.topics, "onderwerp", problems)
        checker.refs(src, ("safety", "offers"), safety.offers, catalogue.offers, "aanbod-id", problems)
        checker.ref(src, ("safety", "meldcode"), safety.meldcode, catalogue.topics, "onderwerp", problems)
        kinds = {catalogue.organisations[o].kind for o in safety.organisations if o in catalogue.organisations}
        if catalogue.organisations and "veilig-thuis" not in kinds:
            problems.append(src.problem(("safety", "organisations"), "noem Veilig Thuis (een organisatie met kind: veilig-thuis) in de veiligheidsroute"))

    if model is not None and safety is not None and not any(p.severity == "error" for p in problems):
        catalogue.extras["taxatie"] = Taxatie(model, questions, rules, safety)
    return problems


EXTENSION = ("taxatie.yaml", TaxatieFile, attach)
