"""Synthetic data at national scale, for the benchmark: deterministic, valid, realistic lengths.

The shipped data is copied as it is (so every hand-written page and every reference keeps
working) and synthetic organisations, offers and regions are added until the requested totals
are reached. Text is Dutch-like: sentences drawn from a fixed vocabulary, with the lengths of
the real content (summary ~15 words, description 80-250 words in 2-4 sections).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

import yaml

from wijzer.core import models as m

WORDS = (
    "ouders kinderen kind scheiding gesprek hulp samen afspraken school wijkteam jeugdhulp gezin groep "
    "praten luisteren zorgen ruzie conflict omgang zorgregeling ouderschapsplan mediator advocaat rechter "
    "jongeren veilig thuis week bijeenkomst begeleider vragen antwoorden verhaal gevoel boosheid verdriet "
    "steun contact afspraak plan rust ruimte toekomst regels huis vader moeder broer zus opa oma "
    "informatie advies cursus training oefeningen spel tekenen werkboek spreekuur telefoon chat online"
).split()
VERBS = "helpt leert praat vertelt oefent zoekt maakt kiest geeft krijgt begrijpt merkt".split()
# The vocabularies are the models' (one list of allowed values); synthetic organisations are of
# the common local kinds only, each on the island it usually belongs to.
AUDIENCES = list(m.AUDIENCE_LABELS)
PHASES = list(m.PHASE_LABELS)
FORMS = list(m.FORM_LABELS)
ACCESS = list(m.ACCESS_LABELS)
COSTS = list(m.COSTS_LABELS)
ISLAND_OF = {"wijkteam": "voorveld", "jeugdhulp": "hulpverlening", "advocatuur-mediation": "recht",
             "huisarts-jgz": "voorveld", "onderwijs": "voorveld", "overig": "hulpverlening"}
KINDS = [kind for kind in ISLAND_OF if kind in m.KIND_LABELS]


def _sentence(rng: random.Random, words: int) -> str:
    body = [rng.choice(WORDS) for _ in range(words - 1)]
    body.insert(1, rng.choice(VERBS))
    return " ".join(body).capitalize() + "."


def _paragraph(rng: random.Random, words: int) -> str:
    out, count = [], 0
    while count < words:
        n = rng.randint(6, 13)
        out.append(_sentence(rng, n))
        count += n
    return " ".join(out)


def _description(rng: random.Random) -> str:
    sections = rng.randint(2, 4)
    parts = []
    for title in ("Wat is het?", "Voor wie?", "Hoe gaat het?", "Hoe kom je erbij?")[:sections]:
        parts.append(f"### {title}\n{_paragraph(rng, rng.randint(30, 60))}")
    return "\n\n".join(parts)


def _block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def synthesize(out: Path, *, offers: int, organisations: int, gemeenten: int = 342, seed: int = 1,
               source: Path = Path("data"), today: dt.date | None = None) -> dict[str, int]:
    """Write a data folder to ``out`` with at least the requested totals. Returns the counts."""
    rng = random.Random(seed)
    today = today or dt.date(2026, 11, 1)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out)
    real_offers = yaml.safe_load((out / "offers.yaml").read_text(encoding="utf-8"))["offers"]
    real_orgs = yaml.safe_load((out / "organisations.yaml").read_text(encoding="utf-8"))["organisations"]
    regions_doc = yaml.safe_load((out / "regions.yaml").read_text(encoding="utf-8"))
    tiers_doc = yaml.safe_load((out / "tiers.yaml").read_text(encoding="utf-8"))["tiers"]
    tier_ids = [t["id"] for t in sorted(tiers_doc, key=lambda t: t["level"])]  # the data's own ladder
    codes = [g["code"] for g in regions_doc["gemeenten"]][:gemeenten]

    # synthetic regions: groups of about ten gemeenten, like jeugdregio's
    region_ids = []
    lines = []
    shuffled = codes[:]
    rng.shuffle(shuffled)
    for i in range(0, len(shuffled), 10):
        rid = f"synth-regio-{i // 10 + 1:02d}"
        region_ids.append(rid)
        lines += [f"  - id: {rid}", f"    name: \"Regio {i // 10 + 1}\"", "    kind: jeugdregio",
                  f"    gemeenten: [{', '.join(sorted(shuffled[i:i + 10]))}]",
                  "    sources:", "      - https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar"]
    # at the end of the regions list, which need not be the last list of the file (herindelingen may follow)
    regions_file = out / "regions.yaml"
    text = regions_file.read_text(encoding="utf-8")
    after = re.search(r"\n(?=[a-z_]+:)", text[text.index("\nregions:") + 1:])
    at = text.index("\nregions:") + 1 + after.start() if after else len(text.rstrip("\n"))
    regions_file.write_text(text[:at].rstrip("\n") + "\n" + "\n".join(lines) + "\n" + text[at:].lstrip("\n"), encoding="utf-8")

    def area() -> list[str]:
        roll = rng.random()
        if roll < 0.03:
            return ["    area:", "      national: true"]
        if roll < 0.55:
            return ["    area:", f"      regions: [{rng.choice(region_ids)}]"]
        picked = sorted(rng.sample(codes, rng.randint(1, 4)))
        return ["    area:", f"      gemeenten: [{', '.join(picked)}]"]

    org_ids = []
    lines = []
    for i in range(max(0, organisations - len(real_orgs))):
        oid = f"synth-org-{i + 1:05d}"
        org_ids.append(oid)
        kind = rng.choice(KINDS)
        name = " ".join(w.capitalize() for w in rng.sample(WORDS, 2)) + f" {i + 1}"
        lines += [f"  - id: {oid}", f"    name: {_q(name)}", f"    kind: {kind}", f"    island: {ISLAND_OF[kind]}",
                  f"    description: {_block(_paragraph(rng, rng.randint(20, 50)), 6)}",
                  "    contact:", f"      website: https://www.{oid}.example.nl",
                  *area(), "    sources:", f"      - https://www.{oid}.example.nl/over-ons",
                  f"    reviewed: {(today - dt.timedelta(days=rng.randint(0, 300))).isoformat()}"]
    with (out / "organisations.yaml").open("a", encoding="utf-8") as f:
        f.write("\n" + "\n".join(lines) + "\n")

    lines = []
    for i in range(max(0, offers - len(real_offers))):
        tiers = sorted(rng.sample(tier_ids, rng.randint(1, 2)), key=tier_ids.index)
        low = rng.randint(0, 14)
        lines += [f"  - id: synth-aanbod-{i + 1:05d}",
                  f"    name: {_q(' '.join(w.capitalize() for w in rng.sample(WORDS, 3)))}",
                  f"    summary: {_q(_sentence(rng, rng.randint(10, 18)))}",
                  f"    description: {_block(_description(rng), 6)}",
                  f"    audiences: [{', '.join(rng.sample(AUDIENCES, rng.randint(1, 3)))}]",
                  f"    ages: {{min: {low}, max: {rng.randint(low, 18)}}}",
                  f"    phases: [{', '.join(rng.sample(PHASES, rng.randint(1, 3)))}]",
                  f"    tiers: [{', '.join(tiers)}]",
                  f"    forms: [{', '.join(rng.sample(FORMS, rng.randint(1, 2)))}]",
                  f"    sessions: \"{rng.randint(1, 12)} bijeenkomsten van {rng.choice(['1', '1,5', '2'])} uur\"",
                  f"    access: {rng.choice(ACCESS)}", f"    costs: {rng.choice(COSTS)}",
                  "    evidence:", "      level: niet-beoordeeld",
                  f"    providers: [{', '.join(rng.sample(org_ids, min(len(org_ids), rng.randint(1, 2))))}]",
                  *area(), "    sources:", f"      - https://www.synth-aanbod-{i + 1:05d}.example.nl",
                  f"    reviewed: {(today - dt.timedelta(days=rng.randint(0, 300))).isoformat()}"]
    with (out / "offers.yaml").open("a", encoding="utf-8") as f:
        f.write("\n" + "\n".join(lines) + "\n")
    return {"offers": max(offers, len(real_offers)), "organisations": max(organisations, len(real_orgs)), "gemeenten": len(codes)}
