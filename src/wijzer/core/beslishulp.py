"""The beslishulp "Mag ik …?" (``data/beslishulp.yaml``): questions, outcome blocks and their conditions.

The decision model, in one place (``beslishulp.js`` does the same in the browser):

1. Every question is answered. An answer with ``safety: true`` puts the safety route (meldcode,
   Veilig Thuis) at the top of the outcome, before anything else.
2. An outcome block applies when, for every question named in its ``when``, the chosen answer
   is in the list, and no question named in its ``unless`` has a listed answer.
3. The outcome is every block that applies, grouped by section. A ``required`` section has
   exactly one block for every combination of answers: validation walks all combinations.
4. Who must consent comes from the one applying block that says so (``consent``): ``kind`` is
   the child, ``gezaghebbers`` is what the chosen gezag answer calls its holders (``holders``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from wijzer.core import models as m
from wijzer.core.checks import _dates, _refs
from wijzer.core.fields import LawRef, Markdown, PlainText, Slug
from wijzer.core.problems import Problem
from wijzer.core.yamlsource import Source

if TYPE_CHECKING:
    from wijzer.core.catalogue import Catalogue

Role = Literal["kind", "gezaghebbers"]
ROLE_CHILD = "het kind"
SHOWN_COMBINATIONS = 3  # how many missing or double combinations a message names


class Answer(m.Entry):
    id: Slug = Field(description="Vaste korte naam van het antwoord, uniek binnen de vraag.")
    label: PlainText = Field(description="Het antwoord zoals de professional het ziet.")
    safety: bool = Field(
        default=False,
        description="true als dit antwoord een signaal van onveiligheid is: de uitkomst begint dan met de meldcode en Veilig Thuis.",
    )
    holders: PlainText | None = Field(
        default=None,
        description=(
            "Alleen bij de vraag over gezag: wie in deze situatie toestemming geeft namens het kind, zoals de uitkomst "
            "het noemt (bijvoorbeeld 'beide ouders met gezag')."
        ),
    )


class Question(m.Entry):
    id: Slug = Field(description="Vaste korte naam van de vraag, uniek in het bestand; staat in de voorwaarden (when, unless).")
    text: PlainText = Field(description="De vraag zelf.")
    help: PlainText | None = Field(default=None, description="Korte toelichting onder de vraag (mag weg).")
    answers: list[Answer] = Field(min_length=2, max_length=6, description="De antwoorden (2 tot 6).")


class Section(m.Entry):
    id: Slug = Field(description="Vaste korte naam van het deel van de uitkomst.")
    title: PlainText = Field(description="Kop van dit deel in de uitkomst.")
    required: bool = Field(
        default=False,
        description="true: bij elke combinatie van antwoorden geldt precies één blok uit dit deel (de controle loopt alle combinaties na).",
    )


class Outcome(m.Entry):
    id: Slug = Field(description="Vaste korte naam van het blok, uniek in het bestand.")
    section: Slug = Field(description="Het deel van de uitkomst (id uit sections) waar dit blok in staat.")
    when: dict[Slug, list[Slug]] = Field(
        default_factory=dict,
        description="Voorwaarden: per vraag (id) de antwoorden (id's) waarbij dit blok geldt. Een vraag die er niet staat, maakt niet uit.",
    )
    unless: dict[Slug, list[Slug]] = Field(
        default_factory=dict, description="Uitzonderingen: per vraag de antwoorden waarbij dit blok juist niet geldt."
    )
    consent: list[Role] | None = Field(
        default=None,
        description=(
            "Wie toestemming geeft, als dit blok dat zegt: 'kind' en/of 'gezaghebbers' (wie dat zijn, zegt het gekozen "
            "antwoord over gezag). Een lege lijst betekent: geen toestemming nodig."
        ),
    )
    title: PlainText = Field(description="Kop van het blok: het antwoord in één zin.")
    text: Markdown = Field(description="De uitleg, met de voorwaarden (Markdown, voor professionals).")
    law: list[LawRef] = Field(
        default_factory=list,
        description=(
            "Wetsartikelen, zoals 'BW 7:450 lid 2' of 'Jeugdwet art. 7.3.4'. Het artikel (zonder lid) moet als law-verwijzing "
            "in data/legal.yaml staan; de link komt daarvandaan."
        ),
    )
    topics: list[Slug] = Field(default_factory=list, description="Juridische onderwerpen (id's uit data/legal.yaml) om verder te lezen.")


class SafetyRoute(m.Entry):
    title: PlainText = Field(description="Kop van de veiligheidsroute.")
    text: Markdown = Field(description="Wat je eerst doet bij een signaal van onveiligheid (Markdown). Geen telefoonnummers: die komen uit organisations.")
    organisations: list[Slug] = Field(min_length=1, description="Organisaties om te bellen (id's); minstens Veilig Thuis.")
    law: list[LawRef] = Field(default_factory=list, description="Wetsartikelen bij de veiligheidsroute, zoals bij een blok.")
    topics: list[Slug] = Field(min_length=1, description="Juridische onderwerpen bij de veiligheidsroute (id's).")


class About(m.Sourced):
    purpose: PlainText = Field(description="Waar de beslishulp voor is, in één zin (staat bovenaan de pagina).")
    limits: PlainText = Field(description="Waar de grenzen liggen, in één zin (staat bovenaan de pagina en op de afdruk).")


class BeslishulpFile(m.Entry):
    about: About = Field(description="Doel, grenzen en bronnen van de beslishulp.")
    questions: list[Question] = Field(min_length=2, description="De vragen, in de volgorde van de pagina.")
    sections: list[Section] = Field(min_length=1, description="De delen van de uitkomst, in de volgorde van de pagina.")
    outcomes: list[Outcome] = Field(min_length=1, description="De blokken van de uitkomst, elk met de voorwaarden waaronder het geldt.")
    safety: SafetyRoute = Field(description="De veiligheidsroute: staat boven alles bij een signaal van onveiligheid.")


@dataclass(frozen=True)
class Citation:
    text: str  # as written, e.g. "BW 7:450 lid 2"
    ref: str  # the article in data/legal.yaml, e.g. "BW 7:450"
    url: str


@dataclass(frozen=True)
class Beslishulp:
    about: About
    questions: list[Question]
    sections: list[Section]
    outcomes: list[Outcome]
    safety: SafetyRoute
    citations: dict[str, Citation]  # every law text used, resolved

    @property
    def topics_used(self) -> set[str]:
        """The legal topics the outcomes draw on: their pages link to the beslishulp."""
        return {t for o in self.outcomes for t in o.topics} | set(self.safety.topics)

    def answer(self, question_id: str, answer_id: str) -> Answer:
        question = next(q for q in self.questions if q.id == question_id)
        return next(a for a in question.answers if a.id == answer_id)


@dataclass(frozen=True)
class Decision:
    safety: bool
    blocks: dict[str, list[str]]  # section id -> outcome ids, in file order
    consent: str | None  # "het kind en beide ouders met gezag", "geen toestemming nodig", or None


def applies(outcome: Outcome, chosen: dict[str, str]) -> bool:
    return all(chosen.get(q) in ids for q, ids in outcome.when.items()) and not any(chosen.get(q) in ids for q, ids in outcome.unless.items())


def consent_text(roles: list[str], holders: str | None) -> str:
    names = [ROLE_CHILD if r == "kind" else (holders or "de ouders met gezag") for r in roles]
    return " en ".join(names) if names else "geen toestemming nodig"


def decide(bh: Beslishulp, chosen: dict[str, str]) -> Decision:
    """The reference implementation of the decision model; ``beslishulp.js`` does the same."""
    safety = any(bh.answer(q, a).safety for q, a in chosen.items())
    blocks: dict[str, list[str]] = {s.id: [] for s in bh.sections}
    consent = None
    holders = next((bh.answer(q, a).holders for q, a in chosen.items() if bh.answer(q, a).holders), None)
    for outcome in bh.outcomes:
        if applies(outcome, chosen):
            blocks[outcome.section].append(outcome.id)
            if outcome.consent is not None:
                consent = consent_text(outcome.consent, holders)
    return Decision(safety, blocks, consent)


def combinations(questions: list[Question]) -> list[dict[str, str]]:
    return [dict(zip([q.id for q in questions], ids, strict=True)) for ids in itertools.product(*[[a.id for a in q.answers] for q in questions])]


# --------------------------------------------------------------------------- validation

_LID = re.compile(r"^(?:lid|leden) \S+")


def law_index(catalogue: Catalogue) -> dict[str, str]:
    """Every ``law:`` reference in data/legal.yaml -> its official URL."""
    return {law.ref: str(law.url) for topic in catalogue.topics.values() for law in topic.law}


def resolve(text: str, laws: dict[str, str]) -> Citation | None:
    """``'BW 7:450 lid 2'`` -> the article ``'BW 7:450'``; only a ``lid``/``leden`` suffix may follow the article."""
    if text in laws:
        return Citation(text, text, laws[text])
    for ref in sorted(laws, key=len, reverse=True):
        if text.startswith(ref + " ") and _LID.match(text[len(ref) + 1 :]):
            return Citation(text, ref, laws[ref])
    return None


def _describe(chosen: dict[str, str]) -> str:
    return ", ".join(f"{q}={a}" for q, a in chosen.items())


def _check_conditions(src: Source, path: tuple, condition: dict[str, list[str]], answers: dict[str, set[str]], problems: list[Problem]) -> bool:
    ok = True
    for qid, ids in condition.items():
        if qid not in answers:
            problems.append(src.problem((*path, qid), f"onbekende vraag '{qid}'; kies uit: {', '.join(answers)}", key=True))
            ok = False
            continue
        for j, aid in enumerate(ids):
            if aid not in answers[qid]:
                problems.append(src.problem((*path, qid, j), f"onbekend antwoord '{aid}' bij vraag '{qid}'; kies uit: {', '.join(sorted(answers[qid]))}"))
                ok = False
    return ok


def _check_laws(src: Source, path: tuple, texts: list[str], laws: dict[str, str], found: dict[str, Citation], problems: list[Problem]) -> None:
    for j, text in enumerate(texts):
        citation = resolve(text, laws)
        if citation is None:
            problems.append(src.problem((*path, j), f"wetsartikel '{text}' staat niet als law-verwijzing in data/legal.yaml; voeg het daar eerst toe, met de link naar de wettekst"))
        else:
            found[text] = citation


def _check_questions(src: Source, valid: dict[str, Any], problems: list[Problem]) -> list[Question]:
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for i, question in valid.get("questions", []):
        if question.id in seen:
            first = src.where(("questions", seen[question.id]))[0]
            problems.append(src.problem(("questions", i, "id"), f"'{question.id}' komt twee keer voor (ook op regel {first}); een id moet uniek zijn"))
            continue
        seen[question.id] = i
        questions.append(question)
        answer_ids: dict[str, int] = {}
        for j, answer in enumerate(question.answers):
            if answer.id in answer_ids:
                first = src.where(("questions", i, "answers", answer_ids[answer.id]))[0]
                problems.append(src.problem(("questions", i, "answers", j, "id"), f"'{answer.id}' komt twee keer voor in deze vraag (ook op regel {first})"))
            answer_ids.setdefault(answer.id, j)
        with_holders = [a for a in question.answers if a.holders]
        if with_holders and len(with_holders) != len(question.answers):
            problems.append(src.problem(("questions", i, "answers"), "geef elk antwoord van deze vraag 'holders' (wie toestemming geeft), of geen enkel"))
    complete = not valid.get("questions:rejected") and len(questions) == len(valid.get("questions", []))
    if complete and questions:
        if not any(a.safety for q in questions for a in q.answers):
            problems.append(src.problem(("questions",), "geen enkel antwoord heeft safety: true; minstens één antwoord moet een signaal van onveiligheid zijn"))
        if sum(1 for q in questions if any(a.holders for a in q.answers)) != 1:
            problems.append(src.problem(("questions",), "precies één vraag (die over gezag) geeft bij elk antwoord 'holders'"))
    return questions if complete else []


def _check_coverage(src: Source, questions: list[Question], sections: dict[str, Section], outcomes: list[tuple[int, Outcome]], problems: list[Problem]) -> None:
    """Every combination of answers: one block in each required section, at most one that says who consents; every block used."""
    combos = combinations(questions)
    used: dict[int, int] = {i: 0 for i, _ in outcomes}
    missing: dict[str, list[dict[str, str]]] = {s: [] for s, sec in sections.items() if sec.required}
    double: dict[str, list[tuple[dict[str, str], list[str]]]] = {s: [] for s in missing}
    consents: list[tuple[dict[str, str], list[str]]] = []
    for chosen in combos:
        hits: dict[str, list[str]] = {s: [] for s in sections}
        saying = []
        for i, outcome in outcomes:
            if applies(outcome, chosen):
                used[i] += 1
                hits[outcome.section].append(outcome.id)
                if outcome.consent is not None:
                    saying.append(outcome.id)
        for s in missing:
            if not hits[s]:
                missing[s].append(chosen)
            elif len(hits[s]) > 1:
                double[s].append((chosen, hits[s]))
        if len(saying) > 1:
            consents.append((chosen, saying))
    for s, combos_missing in missing.items():
        if combos_missing:
            i = next(i for i, sec in enumerate(sections.values()) if sec.id == s)
            examples = "; ".join(_describe(c) for c in combos_missing[:SHOWN_COMBINATIONS])
            problems.append(
                src.problem(("sections", i), f"deel '{s}' heeft geen blok voor {len(combos_missing)} van de {len(combos)} combinaties van antwoorden, bijvoorbeeld: {examples}")
            )
    for s, doubles in double.items():
        if doubles:
            i = next(i for i, sec in enumerate(sections.values()) if sec.id == s)
            chosen, ids = doubles[0]
            problems.append(
                src.problem(("sections", i), f"deel '{s}' heeft meer dan één blok ({', '.join(ids)}) voor {len(doubles)} combinaties, bijvoorbeeld: {_describe(chosen)}; maak de voorwaarden uitsluitend")
            )
    if consents:
        chosen, ids = consents[0]
        problems.append(
            src.problem(("outcomes",), f"meer dan één blok ({', '.join(ids)}) zegt wie toestemming geeft, bij {len(consents)} combinaties, bijvoorbeeld: {_describe(chosen)}")
        )
    for i, count in used.items():
        if count == 0:
            problems.append(src.problem(("outcomes", i), "dit blok is onbereikbaar: het geldt bij geen enkele combinatie van antwoorden (when en unless sluiten elkaar uit)"))


def attach(catalogue: Catalogue, valid: dict[str, Any], src: Source) -> list[Problem]:
    problems: list[Problem] = []
    about = valid.get("about")
    if about is not None:
        _dates(src, ("about",), about, catalogue, dt.date.today(), problems)
    questions = _check_questions(src, valid, problems)
    answers = {q.id: {a.id for a in q.answers} for q in questions}
    laws = law_index(catalogue)
    citations: dict[str, Citation] = {}

    sections: dict[str, Section] = {}
    for i, section in valid.get("sections", []):
        if section.id in sections:
            problems.append(src.problem(("sections", i, "id"), f"'{section.id}' komt twee keer voor; een id moet uniek zijn"))
            continue
        sections[section.id] = section
    sections_complete = not valid.get("sections:rejected") and len(sections) == len(valid.get("sections", []))

    outcomes: list[tuple[int, Outcome]] = []
    seen: dict[str, int] = {}
    conditions_ok = bool(questions)
    for i, outcome in valid.get("outcomes", []):
        path = ("outcomes", i)
        if outcome.id in seen:
            first = src.where(("outcomes", seen[outcome.id]))[0]
            problems.append(src.problem((*path, "id"), f"'{outcome.id}' komt twee keer voor (ook op regel {first}); een id moet uniek zijn"))
        seen.setdefault(outcome.id, i)
        if sections_complete and outcome.section not in sections:
            problems.append(src.problem((*path, "section"), f"onbekend deel '{outcome.section}'; kies uit: {', '.join(sections)}"))
            conditions_ok = False
        if questions:
            ok_when = _check_conditions(src, (*path, "when"), outcome.when, answers, problems)
            ok_unless = _check_conditions(src, (*path, "unless"), outcome.unless, answers, problems)
            conditions_ok = conditions_ok and ok_when and ok_unless
        if catalogue.topics:
            _check_laws(src, (*path, "law"), outcome.law, laws, citations, problems)
        _refs(src, (*path, "topics"), outcome.topics, catalogue.topics, "onderwerp", problems)
        outcomes.append((i, outcome))
    outcomes_complete = not valid.get("outcomes:rejected") and len(outcomes) == len(valid.get("outcomes", []))
    if conditions_ok and sections_complete and outcomes_complete:
        _check_coverage(src, questions, sections, outcomes, problems)

    safety = valid.get("safety")
    if safety is not None:
        _refs(src, ("safety", "organisations"), safety.organisations, catalogue.organisations, "organisatie", problems)
        _refs(src, ("safety", "topics"), safety.topics, catalogue.topics, "onderwerp", problems)
        if catalogue.topics:
            _check_laws(src, ("safety", "law"), safety.law, laws, citations, problems)
        kinds = {catalogue.organisations[o].kind for o in safety.organisations if o in catalogue.organisations}
        if catalogue.organisations and "veilig-thuis" not in kinds:
            problems.append(src.problem(("safety", "organisations"), "noem Veilig Thuis (een organisatie met kind: veilig-thuis) in de veiligheidsroute"))

    if about is not None and safety is not None and not any(p.severity == "error" for p in problems):
        catalogue.extras["beslishulp"] = Beslishulp(about, questions, list(sections.values()), [o for _, o in outcomes], safety, citations)
    return problems


EXTENSION = ("beslishulp.yaml", BeslishulpFile, attach)
