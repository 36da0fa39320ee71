"""One place per phone number, a date per source, a marked age per evidence rating.

- A phone number is written once, in the contact fields of data/organisations.yaml; texts in
  content/ and data/ refer to it (``{{ telefoon("id") }}``, ``[[telefoon:id]]``), and the built
  pages show the number from the data.
- Every source says when it was consulted (its own date, or the entry's review date), and the
  pages show that date.
- An evidence rating shows its year; one older than five years on the day of the build is marked.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from wijzer.core.catalogue import load_catalogue
from wijzer.pages.render import page_url

ROOT = Path(__file__).resolve().parent.parent.parent

# Dutch phone numbers as people type them: 0800-2000, 0900 8020, 088-1234567, 06 12345678,
# +31 88 ..., and the short service numbers 113 and 116 xxx ("113 Zelfmoordpreventie" is a name).
# 112 is the emergency number and may stand anywhere.
PHONE = re.compile(
    r"(?<![\w/=.:-])(?:\+31[\s-]?\d|0\d)[\d\s-]{6,11}\d(?![\w/])|(?<![\w/=.:-])(?:113|116\s?\d{3})(?![\w/.-])(?!\s*Zelfmoordpreventie)"
)


@pytest.fixture(scope="module")
def cat():
    result = load_catalogue(ROOT / "data")
    assert result.catalogue is not None, "\n".join(map(str, result.errors))
    return result.catalogue


def _strings(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


# Fields that hold a number on purpose: the contact details of an organisation.
CONTACT_FIELDS = re.compile(r"^organisations\[\d+\]\.contact\.(phone|short_number)$")
URL_LIKE = re.compile(r"https?://\S+|\b[\w.-]+@[\w.-]+\b")


def _texts_with_numbers():
    for path in sorted((ROOT / "data").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in _strings(data):
            if CONTACT_FIELDS.match(where) or where.endswith((".code", "gemeenten", ".url")) or "sources" in where:
                continue
            yield f"data/{path.name}: {where}", text
    for path in sorted((ROOT / "content").rglob("*.md")):
        yield f"content/{path.relative_to(ROOT / 'content')}", path.read_text(encoding="utf-8")
    yield "overrides/main.html", (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")


def test_the_phone_pattern_finds_numbers_as_people_type_them():
    found = [PHONE.search(t) for t in ("Bel 0800-2000.", "bel 0900 8020", "Bel 113 of chat", "tel 06 12345678", "+31 88 123 45 67")]
    assert all(found)
    for harmless in ("Bel 112.", "Chat met 113 Zelfmoordpreventie.", "GM0193", "art. 1:253a BW", "Stb. 2022, 242", "ECLI:NL:HR:2019:575", "2026-12-06", "1 januari 2023"):
        assert not PHONE.search(harmless), harmless


def test_no_phone_number_is_typed_outside_the_contact_fields():
    typed = []
    for where, text in _texts_with_numbers():
        for match in PHONE.finditer(URL_LIKE.sub(" ", text)):
            typed.append(f"{where}: {match.group(0).strip()}")
    assert not typed, "Telefoonnummer in lopende tekst; verwijs naar de organisatie ([[telefoon:id]] of {{ telefoon(\"id\") }}):\n" + "\n".join(typed)


def test_every_phone_reference_names_an_organisation_with_a_number(cat):
    texts = [(w, t) for w, t in _texts_with_numbers()]
    refs = [(w, r) for w, t in texts for r in re.findall(r"\[\[telefoon:([^\]]*)\]\]|telefoon\(\"([^\"]*)\"\)", t)]
    assert refs, "the texts refer to phone numbers by reference"
    for where, groups in refs:
        org_id = next(g for g in groups if g)
        org = cat.organisations.get(org_id)
        assert org is not None and (org.contact.phone or org.contact.short_number), f"{where}: {org_id}"


def test_every_source_has_a_date_consulted_not_after_review_or_today(cat):
    today = dt.date.today()
    entries = [*cat.offers.values(), *cat.organisations.values(), *cat.topics.values()]
    for entry in entries:
        dated = entry.consulted_sources
        assert [url for url, _ in dated] == entry.source_urls and dated, entry
        own = {ref.url: ref.consulted for ref in entry.sources_consulted}
        assert set(own) <= set(entry.sources), entry
        for url, consulted in dated:
            assert consulted <= today, (url, consulted)
            assert consulted == own.get(url, entry.reviewed), url


def _html(site: Path, src_uri: str) -> str:
    return (site / page_url(src_uri) / "index.html").read_text(encoding="utf-8")


def test_pages_show_each_source_with_its_date_consulted(built_site, cat):
    for kind, entries in (("aanbod", cat.offers), ("organisaties", cat.organisations), ("juridisch", cat.topics)):
        for key, entry in entries.items():
            html = _html(built_site, f"{kind}/{key}.md")
            sources = html.split('<ul class="wz-sources">', 1)[1].split("</ul>", 1)[0]
            for url, consulted in entry.consulted_sources:
                item = next((li for li in sources.split("<li>") if f'href="{url.replace("&", "&amp;")}"' in li), None)
                assert item is not None, (key, url)
                assert f'geraadpleegd op <time datetime="{consulted.isoformat()}">' in item, (key, url)


def test_an_old_rating_is_marked_on_its_page_and_a_recent_one_is_not(built_site, cat):
    today = dt.date.today()
    rated = [o for o in cat.offers.values() if o.evidence.level != "niet-beoordeeld"]
    old = [o for o in rated if o.evidence.date.replace(year=o.evidence.date.year + 5) < today]
    assert any(o.id == "kies" for o in old), "KIES (beoordeeld 11 december 2020) is ouder dan vijf jaar"
    for offer in rated:
        html = _html(built_site, f"aanbod/{offer.id}.md")
        assert f"(beoordeeld in {offer.evidence.date.year}" in html, offer.id
        marked = "ouder dan vijf jaar" in html and "data-evidence-old" in html
        assert marked == (offer in old), offer.id


def test_the_crisis_banner_and_texts_show_the_numbers_from_the_data(built_site, cat):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    banner = home.split('class="wz-emergency"', 1)[1].split("</p>", 1)[0]
    for org_id in ("veilig-thuis", "de-kindertelefoon", "113-zelfmoordpreventie"):
        contact = cat.organisations[org_id].contact
        for number in filter(None, (contact.short_number, contact.phone)):
            assert f">{number}</a>" in banner, (org_id, number)
    kinderen = _html(built_site, "kinderen/index.md")
    assert '<a href="tel:+318000432" class="nl-link">0800-0432</a>' in kinderen.split('class="wz-emergency"', 1)[1].split("</p>", 1)[1]
    assert '<a href="tel:113" class="nl-link">113</a> of <a href="tel:+318000113" class="nl-link">0800-0113</a>' in kinderen
    for path in built_site.rglob("*.html"):
        assert "[[telefoon:" not in path.read_text(encoding="utf-8"), path


def test_validate_reports_an_unknown_organisation_on_a_page_with_file_and_line(tmp_path):
    import os
    import shutil

    from conftest import wijzer_in_process

    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", tmp_path / "data")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text(
        '# Hulp\n\nBel Veilig Thuis: {{ telefoon("veilig-thuis") }}.\nOf bel {{ telefoon("veilig-thuiss") }}.\n', encoding="utf-8"
    )
    result = wijzer_in_process("validate", cwd=tmp_path, env={**os.environ, "CI": "1"})
    assert result.returncode == 1
    assert ("content/index.md:4:8: {{ telefoon(\"veilig-thuiss\") }} verwijst naar een onbekende organisatie "
            "'veilig-thuiss'; gebruik een id uit data/organisations.yaml") in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_reports_a_typed_112_on_a_page_and_in_data_with_the_reference_to_use(tmp_path):
    import os
    import shutil

    from conftest import wijzer_in_process

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "content", tmp_path / "content")  # the pages that data/synonyms.yaml's best bets name
    (tmp_path / "content" / "index.md").write_text(
        "---\ndescription: Bel 112 bij gevaar.\n---\n# Hulp\n\nIs er gevaar? Bel 112.\n"
        'Of bel {{ telefoon("alarmnummer-112") }}, zie ook https://example.nl/112.\n',
        encoding="utf-8",
    )
    legal = tmp_path / "data" / "legal.yaml"
    legal.write_text(legal.read_text(encoding="utf-8").replace("[[telefoon:alarmnummer-112]]", "112", 1), encoding="utf-8")
    result = wijzer_in_process("validate", cwd=tmp_path, env={**os.environ, "CI": "1"})
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if "alarmnummer 112" in line]
    assert len(problems) == 2, problems  # not the front matter, the reference or the web address
    assert problems[0].startswith("content/index.md:6:19: het alarmnummer 112 is overgetypt; schrijf "
                                  '{{ telefoon("alarmnummer-112") }}')
    assert problems[1].startswith("data/legal.yaml:") and "[[telefoon:alarmnummer-112]]" in problems[1]
