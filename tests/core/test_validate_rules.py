"""Rules that used to live only in pytest, and the checks issue 19 asked for, as `wijzer validate` says
them: file:line, the exact Dutch message, exit status. Each test runs the real command on the valid
fixture set with one defect, as an editor would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import wijzer_in_process

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = "2026-12-01"  # the fixtures were reviewed on 2026-11-01: fresh on this date
HARD = ("Overeenkomstig de toepasselijke wettelijke bepalingen dienen gezamenlijk gezagsdragende ouders "
        "voorafgaand aan ingrijpende beslissingen omtrent de verzorging en opvoeding onderling consultatie "
        "te plegen, hetgeen uitdrukkelijk voortvloeit uit de verplichtingen van het burgerlijk wetboek. ") * 3


def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "valid", tmp_path / "data")
    (tmp_path / "content").mkdir()
    return tmp_path


def validate(root: Path, *args: str, github: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return wijzer_in_process("validate", "--today", TODAY, *args, cwd=root, env=env)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


# ------------------------------------------------------------------ phone numbers in running text


def test_unknown_phone_number_in_a_page_is_an_error_with_its_position(tmp_path):
    root = project(tmp_path)
    (root / "content" / "hulp.md").write_text("# Hulp\n\nBel gerust.\nOf bel 030-1234567 voor advies.\n", encoding="utf-8")
    result = validate(root)
    assert result.returncode == 1
    assert ("content/hulp.md:4:8: telefoonnummer 030-1234567 staat bij geen enkele organisatie in data/organisations.yaml; "
            "zet het met een bron bij de organisatie (contact.phone, bijvoorbeeld 0800-2000) en verwijs daarnaar") in result.stderr.splitlines()



def test_a_card_link_or_tier_on_a_page_with_an_unknown_id_is_an_error_with_its_position(tmp_path):
    """The build stops on such a call; validate names each one first, where it stands."""
    root = project(tmp_path)
    (root / "content" / "hulp.md").write_text(
        '# Hulp\n\n{{ contact_card("veilig-thuiss") }}\n\n| 1. {{ trede("lich") }} |\n\n'
        '{{ offer_card("kiez") }} en {{ topic_link("gezag") }}\n\n{{ offer_list(tier="licht", audience="ouderz") }}\n', encoding="utf-8")
    result = validate(root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    for expected in (
        "content/hulp.md:3:1: {{ contact_card(\"veilig-thuiss\") }} noemt een onbekende organisatie 'veilig-thuiss'; "
        "gebruik een id uit data/organisations.yaml",
        "content/hulp.md:5:6: {{ trede(\"lich\") }} noemt een onbekende trede 'lich'; gebruik een id uit data/tiers.yaml",
        "content/hulp.md:7:1: {{ offer_card(\"kiez\") }} noemt een onbekend aanbod 'kiez'; gebruik een id uit data/offers.yaml",
        "content/hulp.md:7:29: {{ topic_link(\"gezag\") }} noemt een onbekend juridisch onderwerp 'gezag'; "
        "gebruik een id uit data/legal.yaml",
        # a misspelt filter would quietly show "Geen aanbod gevonden"
        "content/hulp.md:9:29: offer_list: audience=\"ouderz\" is geen bekende doelgroep; "
        "kies uit ouders, kinderen, jongeren, professionals",
    ):
        assert expected in lines, (expected, lines)
    (root / "content" / "hulp.md").write_text('# Hulp\n\n{{ trede("licht") }}\n', encoding="utf-8")  # a known id passes
    assert validate(root).returncode == 0

def test_a_known_organisations_number_typed_in_a_data_text_must_be_a_reference(tmp_path):
    root = project(tmp_path)
    offers = root / "data" / "offers.yaml"
    edit(offers, "      Je kunt anoniem bellen.\n", "      Je kunt anoniem bellen.\n      Bel 0800-2000.\n")
    result = validate(root)
    assert result.returncode == 1, result.stderr
    line = line_of(offers, "Bel 0800-2000")
    assert any(
        out.startswith(f"data/offers.yaml:{line}:")
        and out.endswith("offers[advieslijn].description: telefoonnummer 0800-2000 is overgetypt; het staat bij de organisatie "
                         "'veilig-thuis' in data/organisations.yaml: schrijf [[telefoon:veilig-thuis]], dan staat overal "
                         "hetzelfde nummer")
        for out in result.stderr.splitlines()
    ), result.stderr
    edit(offers, "      Bel 0800-2000.\n", "      Bel [[telefoon:veilig-thuis]].\n")
    assert validate(root).returncode == 0


def test_a_known_number_typed_on_a_page_names_the_macro(tmp_path):
    root = project(tmp_path)
    (root / "content" / "hulp.md").write_text("# Hulp\n\nBel Veilig Thuis: 0800-2000.\n", encoding="utf-8")
    assert validate(root).stderr.splitlines()[0] == (
        "content/hulp.md:3:19: telefoonnummer 0800-2000 is overgetypt; het staat bij de organisatie 'veilig-thuis' in "
        "data/organisations.yaml: schrijf {{ telefoon(\"veilig-thuis\") }}, dan staat overal hetzelfde nummer")


def test_the_contact_phone_field_and_links_are_not_running_text(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "      - https://www.zwolle.nl\n", "      - https://wetten.overheid.nl/BWBR0002656/2026-01-01\n")
    result = validate(root)
    assert result.returncode == 0 and "telefoonnummer" not in result.stderr, result.stderr


# ------------------------------------------------------------------ plain Dutch for parents and children


def test_hard_text_for_parents_fails_at_its_field(tmp_path):
    root = project(tmp_path)
    legal = root / "data" / "legal.yaml"
    text = legal.read_text(encoding="utf-8")
    start = text.index("    parents: |\n") + len("    parents: |\n")
    end = text.index("\n    professionals:")
    legal.write_text(text[:start] + "      " + HARD + text[end:], encoding="utf-8")
    result = validate(root)
    assert result.returncode == 1
    line = line_of(legal, "parents: |")
    assert (f"data/legal.yaml:{line}:14: topics[ouderlijk-gezag].parents: tekst voor ouders is te moeilijk: Flesch-Douma -27.5, "
            "minimaal 60 (B1); schrijf kortere zinnen en kortere woorden") in result.stderr.splitlines(), result.stderr


def test_hard_page_for_parents_fails_on_its_first_line_and_professional_pages_may_be_hard(tmp_path):
    root = project(tmp_path)
    (root / "content" / "ouders").mkdir()
    (root / "content" / "ouders" / "index.md").write_text(HARD, encoding="utf-8")
    (root / "content" / "professionals.md").write_text(HARD, encoding="utf-8")
    result = validate(root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:-1] == [
        "content/ouders/index.md:1:1: tekst voor ouders en kinderen is te moeilijk: Flesch-Douma -27.5, minimaal 60 (B1); "
        "schrijf kortere zinnen en kortere woorden"
    ]


# ------------------------------------------------------------------ stale reviews: a warning, not a blocker


def test_a_stale_review_is_a_warning_that_only_strict_refuses(tmp_path):
    root = project(tmp_path)
    later = validate(root, "--today", "2027-11-23")  # the last --today wins
    assert later.returncode == 0, later.stderr
    assert ("data/offers.yaml:24:15: offers[praatgroep].reviewed: waarschuwing: laatst gecontroleerd op 2026-11-01, 387 dagen geleden "
            "(meer dan 365); controleer het item opnieuw") in later.stderr.splitlines()
    assert validate(root, "--today", "2027-11-23", "--strict").returncode == 1


# ------------------------------------------------------------------ quoted dates, placeholders, repeats, curly quotes


def test_a_quoted_date_is_a_date(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "    reviewed: 2026-11-01\n", '    reviewed: "2026-11-01"\n')
    edit(root / "data" / "legal.yaml", "    reviewed: 2026-11-01\n", "    reviewed: '2026-11-01'\n")
    result = validate(root)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_a_quoted_impossible_date_is_still_named(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "    reviewed: 2026-11-01\n", '    reviewed: "2026-02-30"\n')
    result = validate(root)
    assert "data/offers.yaml:24:15: offers[praatgroep].reviewed: '2026-02-30' is geen bestaande datum" in result.stderr.splitlines()


def test_placeholders_warn_and_fail_under_strict(tmp_path):
    root = project(tmp_path)
    offers = root / "data" / "offers.yaml"
    edit(offers, "    name: Advieslijn\n", '    name: "TODO: naam van het aanbod"\n')
    edit(offers, "      - https://www.zwolle.nl\n", "      - https://www.example.nl/aanbod\n")
    result = validate(root)
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert (f"data/offers.yaml:{line_of(offers, 'TODO: naam')}:11: offers[advieslijn].name: waarschuwing: nog niet ingevuld: "
            "bevat de voorbeeldtekst 'TODO'; vul de echte gegevens in") in lines
    assert (f"data/offers.yaml:{line_of(offers, 'example.nl')}:9: offers[praatgroep].sources[item 1]: waarschuwing: nog niet ingevuld: "
            "bevat de voorbeeldtekst 'example.nl'; vul de echte gegevens in") in lines
    strict = validate(root, "--strict")
    assert strict.returncode == 1 and "--strict: waarschuwingen tellen als fouten." in strict.stderr


def test_lorem_ipsum_is_a_placeholder(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "      Je kunt anoniem bellen.\n", "      Lorem ipsum dolor sit amet.\n")
    assert "bevat de voorbeeldtekst 'Lorem ipsum'" in validate(root).stderr


def test_a_repeated_list_value_is_one_error(tmp_path):
    root = project(tmp_path)
    offers = root / "data" / "offers.yaml"
    edit(offers, "    audiences: [kinderen]\n", "    audiences: [kinderen, ouders, kinderen, kinderen]\n")
    result = validate(root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/offers.yaml:7:35: offers[praatgroep].audiences[item 3]: 'kinderen' staat 2 keer te veel in deze lijst (eerst op regel 7); "
        "haal de herhaling weg",
        "1 fout, 0 waarschuwingen.",
    ]


def test_300000_repeats_build_no_page_and_give_one_line(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "    audiences: [kinderen]\n", "    audiences:\n" + "      - ouders\n" * 300_000)
    result = validate(root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/offers.yaml:9:9: offers[praatgroep].audiences[item 2]: 'ouders' staat 299999 keer te veel in deze lijst (eerst op regel 8); "
        "haal de herhaling weg",
        "1 fout, 0 waarschuwingen.",
    ]


def test_curly_quotes_around_a_value_are_named(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "    name: Advieslijn\n", "    name: “Advieslijn”\n")
    result = validate(root)
    assert ("data/offers.yaml:26:11: offers[advieslijn].name: waarschuwing: staat tussen gekrulde aanhalingstekens (“…”); die komen "
            "zo op de site. Haal ze weg, of gebruik rechte aanhalingstekens (\")") in result.stderr.splitlines(), result.stderr


# ------------------------------------------------------------------ error floods


def test_an_empty_offers_list_is_one_problem(tmp_path):
    root = project(tmp_path)
    (root / "data" / "offers.yaml").write_text("offers:\n", encoding="utf-8")
    result = validate(root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/offers.yaml:1:8: offers: verwacht een lijst (regels die beginnen met '- '), maar vond niets (leeg)",
        "1 fout, 0 waarschuwingen.",
    ]


def test_200000_empty_items_give_a_capped_list_of_problems(tmp_path):
    """The time this takes is a figure for `make bench`, not a timed unit test."""
    root = project(tmp_path)
    (root / "data" / "offers.yaml").write_text("offers:\n" + "  -\n" * 200_000, encoding="utf-8")
    result = validate(root, github=True)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "data/offers.yaml:2:4: offers[item 1]: verwacht een blok met velden (sleutel: waarde), maar vond niets (leeg)"
    assert len(lines) == 52 and lines[-2] == "… en nog 199950 problemen" and lines[-1] == "200000 fouten, 0 waarschuwingen."
    assert len([line for line in result.stdout.splitlines() if line.startswith("::error ")]) == 10


def test_all_shows_every_problem(tmp_path):
    root = project(tmp_path)
    (root / "data" / "offers.yaml").write_text("offers:\n" + "  -\n" * 60, encoding="utf-8")
    assert len(validate(root, "--all").stderr.splitlines()) == 61


# ------------------------------------------------------------------ messages (issue 19, item 8)


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "    name: Advieslijn\n", '    name: "Advieslijn\n')
    assert validate(root).stderr.splitlines()[0] == ("data/offers.yaml:26:11: YAML-fout: dit aanhalingsteken wordt niet gesloten; "
                                                     "zet hetzelfde aanhalingsteken aan het eind van de tekst")


def test_a_non_breaking_space_in_the_indentation_is_named(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "    name: Advieslijn\n", "\u00a0   name: Advieslijn\n")
    assert validate(root).stderr.splitlines() == [
        "data/offers.yaml:26:1: de inspringing bevat een onzichtbaar teken, een harde spatie (U+00A0, vaak uit een tekstverwerker "
        "of webpagina geplakt); vervang die door gewone spaties",
        "1 fout, 0 waarschuwingen.",
    ]


def test_a_missing_dash_is_one_message_not_a_duplicate_per_field(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "  - id: advieslijn\n", "    id: advieslijn\n")
    assert validate(root).stderr.splitlines() == [
        "data/offers.yaml:25:5: offers[item 1].id: 'id' staat al op regel 2 in dit item; begint hier een nieuw item? "
        "Zet dan '- ' vóór 'id:'",
        "1 fout, 0 waarschuwingen.",
    ]


def _offers_file(offers: Path, count: int) -> str:
    """The valid offers file with copies of its last offer ('advieslijn') up to ``count`` offers
    (ids aanbod-3, aanbod-4, ...): an input as long as the real one."""
    text = offers.read_text(encoding="utf-8")
    start = text.index("  - id: advieslijn\n")
    block = text[start:]
    copies = [block.replace("id: advieslijn", f"id: aanbod-{n}") for n in range(3, count + 1)]
    return text + "".join(copies)


def test_a_message_names_the_offer_by_its_id_and_otherwise_by_its_position_counted_from_1(tmp_path):
    """Issue 19, item 8: 'offers[30]' was a position counted from 0 that no editor can find. Now the
    31st offer is named by its id; an offer without a usable id gets 'item N', counted from 1; and an
    error in the id itself says which item and quotes the wrong id. GitHub annotations say the same."""
    root = project(tmp_path)
    offers = root / "data" / "offers.yaml"
    text = _offers_file(offers, 31)
    text = text.replace("  - id: aanbod-29\n", "  - id: Kies Op School\n")  # an id that is not valid
    text = text.replace("  - id: aanbod-30\n    name: Advieslijn\n", "  - name: Advieslijn\n")  # no id at all
    text = text.replace("  - id: aanbod-31\n", "  - id: kies-op-school\n")
    # the 30th and 31st offer: a typo in their audiences
    head, tail = text.split("  - name: Advieslijn\n")
    tail = tail.replace("    audiences: [ouders, professionals]\n", "    audiences: [ouderz, professionals]\n")
    offers.write_text(head + "  - name: Advieslijn\n" + tail, encoding="utf-8")
    assert text.count("\n  - ") == 31

    result = validate(root, github=True)

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    written = offers.read_text(encoding="utf-8").splitlines()
    typo_30, typo_31 = [n for n, line in enumerate(written, 1) if "ouderz" in line]
    no_id = written.index("  - name: Advieslijn") + 1
    assert lines == [
        f"data/offers.yaml:{line_of(offers, 'Kies Op School')}:9: offers[item 29].id: 'Kies Op School' is geen geldige id: "
        "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'ouderschap-blijft'",
        f"data/offers.yaml:{no_id}:5: offers[item 30].id: verplicht veld ontbreekt",
        f"data/offers.yaml:{typo_30}:17: offers[item 30].audiences[item 1]: 'ouderz' is geen toegestane waarde; "
        "kies uit: ouders, kinderen, jongeren, professionals",
        f"data/offers.yaml:{typo_31}:17: offers[kies-op-school].audiences[item 1]: 'ouderz' is geen toegestane waarde; "
        "kies uit: ouders, kinderen, jongeren, professionals",
        "4 fouten, 0 waarschuwingen.",
    ]
    assert (f"::error file=data/offers.yaml,line={typo_31},col=17::offers[kies-op-school].audiences[item 1]: 'ouderz' is geen "
            "toegestane waarde; kies uit: ouders, kinderen, jongeren, professionals") in result.stdout.splitlines()


def test_a_repeated_id_names_neither_item_by_it(tmp_path):
    """Two offers with the same id: 'offers[praatgroep]' would be ambiguous, so both get their position."""
    root = project(tmp_path)
    offers = root / "data" / "offers.yaml"
    edit(offers, "  - id: advieslijn\n", "  - id: praatgroep\n")
    edit(offers, "    audiences: [ouders, professionals]\n", "    audiences: [ouders, ouderz]\n")
    lines = validate(root).stderr.splitlines()
    assert lines == [
        "data/offers.yaml:30:25: offers[item 2].audiences[item 2]: 'ouderz' is geen toegestane waarde; "
        "kies uit: ouders, kinderen, jongeren, professionals",
        "1 fout, 0 waarschuwingen.",
    ]


def test_pyyaml_texts_about_escapes_and_trailing_text_are_dutch(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "    name: Advieslijn\n", '    name: "Advies\\u12"\n')
    assert "ongeldige \\u- of \\x-code tussen dubbele aanhalingstekens" in validate(root).stderr


def test_the_two_untranslated_pyyaml_texts_are_dutch_with_their_position(tmp_path):
    """Issue 19, item 8: 'found invalid Unicode character escape code' and 'did not find expected
    comment or line break' reached editors in English."""
    root = project(tmp_path)
    offers = root / "data" / "offers.yaml"
    edit(offers, "    name: Advieslijn\n", '    name: "Advies\\uD800"\n')  # a \\u-code that is no character
    assert validate(root).stderr.splitlines() == [
        "data/offers.yaml:26:20: YAML-fout: ongeldige \\u-code tussen dubbele aanhalingstekens; gebruik enkele "
        "aanhalingstekens of typ het teken zelf",
        "1 fout, 0 waarschuwingen.",
    ]
    edit(offers, '    name: "Advies\\uD800"\n', "    name: Advieslijn\n")
    edit(offers, "    description: |\n      Je kunt", "    description: | Bel ons.\n      Je kunt")  # text after '|'
    assert validate(root).stderr.splitlines() == [
        "data/offers.yaml:28:20: YAML-fout: na de waarde staat nog iets op deze regel; zet de hele tekst tussen aanhalingstekens",
        "1 fout, 0 waarschuwingen.",
    ]


def test_a_gemeente_name_instead_of_its_code_gets_the_code_suggested(tmp_path):
    root = project(tmp_path)
    edit(root / "data" / "offers.yaml", "      national: true\n", "      gemeenten: [Zwolle]\n")
    lines = validate(root).stderr.splitlines()
    assert any(line.endswith("'Zwolle' is geen CBS-gemeentecode; schrijf 'GM' met vier cijfers, bijvoorbeeld GM0193; "
                             "bedoelde je GM0193 (Zwolle)?") for line in lines), lines


def test_an_unknown_tier_gets_a_suggestion_and_a_too_short_list_says_item(tmp_path):
    root = project(tmp_path)
    offers = root / "data" / "offers.yaml"
    edit(offers, "    tiers: [licht]\n", "    tiers: [lichtt]\n")
    assert "data/offers.yaml:10:13: offers[praatgroep].tiers[item 1]: onbekende trede 'lichtt'; bedoelde je 'licht'?" in validate(root).stderr.splitlines()
    edit(offers, "    tiers: [lichtt]\n", "    tiers: []\n")
    assert "data/offers.yaml:10:12: offers[praatgroep].tiers: moet minstens 1 item bevatten" in validate(root).stderr.splitlines()


def test_a_postcode_error_gives_an_example(tmp_path):
    root = project(tmp_path)
    orgs = root / "data" / "organisations.yaml"
    text = orgs.read_text(encoding="utf-8")
    assert "      phone: 0800-2000\n" in text
    orgs.write_text(text.replace("      phone: 0800-2000\n", "      phone: 0800-2000\n      address:\n        street: Markt 1\n"
                                 "        postcode: 8011PKK\n        city: Zwolle\n", 1), encoding="utf-8")
    assert any(line.endswith("contact.address.postcode: '8011PKK' is geen postcode; schrijf vier cijfers en twee hoofdletters, "
                             "bijvoorbeeld 8011 PK") for line in validate(root).stderr.splitlines())


# ------------------------------------------------------------------ former gemeenten and towns (place names)

WEESP = ("  - since: 2022-03-24\n    former: [Weesp]\n    into: [GM0363]\n"
         "    sources: [https://www.amsterdam.nl/weesp/]\n    consulted: 2026-11-01\n")


def regions_with(root: Path, extra: str) -> tuple[Path, list[str]]:
    """data/regions.yaml with ``extra`` added at the end, and what validate says of it (which must fail)."""
    regions = root / "data" / "regions.yaml"
    regions.write_text(regions.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = validate(root)
    assert result.returncode == 1
    return regions, result.stderr.splitlines()


def assert_said_on_lines(regions: Path, lines: list[str], expected: tuple[tuple[str, str], ...]) -> None:
    """Each message stands on the line of data/regions.yaml where its needle is."""
    for needle, message in expected:
        line = line_of(regions, needle)
        assert any(entry.startswith(f"data/regions.yaml:{line}:") and message in entry for entry in lines), (needle, message, lines)


def test_a_former_gemeente_must_be_gone_named_once_in_the_past_and_go_into_known_gemeenten(tmp_path):
    """What "Waar woon je?" says about a former gemeente ("Weesp hoort nu bij Amsterdam") comes from
    data/regions.yaml; each mistake there is named where it stands, all at once."""
    root = project(tmp_path)
    regions, lines = regions_with(root, "herindelingen:\n" + WEESP + (
        "  - since: 2019-01-01\n    former: [Diepenveen, Zwolle, weesp]\n    into: [GM0150, GM0194]\n"
        "    sources: [https://www.cbs.nl/]\n    consulted: 2026-11-01\n"
        "  - since: 2027-01-01\n    former: [Olst]\n    into: [GM0150]\n"
        "    sources: [https://www.cbs.nl/]\n    consulted: 2027-01-02\n"
    ))
    assert_said_on_lines(regions, lines, (
        ("former: [Diepenveen, Zwolle, weesp]", "'Zwolle' is de naam van een gemeente (Zwolle); die vindt 'Waar woon je?' al"),
        ("former: [Diepenveen, Zwolle, weesp]", "'weesp' staat al eerder bij herindelingen of woonplaatsen (regel "),
        ("into: [GM0150, GM0194]", "onbekende gemeente 'GM0194'; bedoelde je 'GM0193'?"),
        ("since: 2027-01-01", "datum 2027-01-01 ligt in de toekomst; zet een herindeling pas in de lijst als hij is ingegaan"),
        ("consulted: 2027-01-02", "datum van raadplegen 2027-01-02 ligt in de toekomst"),
    ))

    # the mistakes put right: the list is valid
    text = regions.read_text(encoding="utf-8")
    regions.write_text(text.replace("Diepenveen, Zwolle, weesp", "Diepenveen").replace("GM0150, GM0194", "GM0150")
                       .replace("2027-01-01", "2005-01-01").replace("2027-01-02", "2026-11-01"), encoding="utf-8")
    assert validate(root).returncode == 0, validate(root).stderr


def test_a_town_lies_in_a_known_gemeente_and_is_not_a_gemeente_or_a_former_one(tmp_path):
    root = project(tmp_path)
    regions, lines = regions_with(root, "herindelingen:\n" + WEESP + "woonplaatsen:\n" + (
        "  - name: Bathmen\n    gemeente: GM0150\n    sources: [https://www.deventer.nl/]\n    consulted: 2026-11-01\n"
        "  - name: Deventer\n    gemeente: GM0150\n    sources: [https://www.deventer.nl/]\n    consulted: 2026-11-01\n"
        "  - name: Weesp\n    gemeente: GM0363\n    sources: [https://www.amsterdam.nl/]\n    consulted: 2026-11-01\n"
        "  - name: Schalkhaar\n    gemeente: GM0151\n    sources: [https://www.deventer.nl/]\n    consulted: 2027-01-02\n"
    ))
    assert_said_on_lines(regions, lines, (
        ("  - name: Deventer", "'Deventer' is de naam van een gemeente (Deventer); die vindt 'Waar woon je?' al"),
        ("  - name: Weesp", "'Weesp' staat al eerder bij herindelingen of woonplaatsen (regel "),
        ("gemeente: GM0151", "onbekende gemeente 'GM0151'; bedoelde je 'GM0150'?"),
        ("consulted: 2027-01-02", "datum van raadplegen 2027-01-02 ligt in de toekomst"),
    ))
    assert not any(":" + str(line_of(regions, "name: Bathmen")) + ":" in entry for entry in lines)  # a right one passes


def test_a_village_of_a_divided_gemeente_lies_in_one_of_the_gemeenten_it_went_into(tmp_path):
    """A village names the former gemeente it belonged to only when that one was divided (Esch, once
    Haaren, now Boxtel); the village that shares that gemeente's name is allowed (the village Haaren)."""
    root = project(tmp_path)
    divided = ("  - since: 2021-01-01\n    former: [Diepenveen]\n    into: [GM0150, GM0193]\n"
               "    sources: [https://www.cbs.nl/]\n    consulted: 2026-11-01\n")

    def village(name: str, gemeente: str, former: str) -> str:
        return f"  - name: {name}\n    gemeente: {gemeente}\n    former: {former}\n    sources: [https://www.cbs.nl/]\n    consulted: 2026-11-01\n"

    regions, lines = regions_with(root, "herindelingen:\n" + WEESP + divided + "woonplaatsen:\n" + (
        village("Tjoene", "GM0150", "Diepenveen") + village("Diepenveen", "GM0193", "Diepenveen")
        + village("Driemond", "GM0150", "Weesp") + village("Lettele", "GM0150", "Atlantis")
        + village("Oxe", "GM0363", "Diepenveen")
    ))
    assert_said_on_lines(regions, lines, (
        ("former: Weesp", "'Weesp' is niet over meer gemeenten verdeeld; laat former weg"),
        ("former: Atlantis", "'Atlantis' staat niet als opgeheven gemeente bij herindelingen"),
        ("gemeente: GM0363", "GM0363 staat niet bij de gemeenten waarover 'Diepenveen' is verdeeld"),
    ))
    right = {line_of(regions, "name: Tjoene"), line_of(regions, "  - name: Diepenveen")}
    assert not any(entry.startswith(f"data/regions.yaml:{line + 1}:") for line in right for entry in lines), lines


def test_a_gemeente_website_has_the_date_it_was_checked(tmp_path):
    """The gemeente page sends parents to the gemeente's own website when Wijzer knows no team there:
    that address needs the date an editor checked it, and that date has passed."""
    root = project(tmp_path)
    regions = root / "data" / "regions.yaml"
    edit(regions, "    name: Deventer\n    province: Overijssel\n",
         "    name: Deventer\n    province: Overijssel\n    website: https://www.deventer.nl/\n")
    edit(regions, "    name: Amsterdam\n    province: Noord-Holland\n",
         "    name: Amsterdam\n    province: Noord-Holland\n    website: https://www.amsterdam.nl/\n    website_consulted: 2027-01-02\n")
    result = validate(root)
    assert result.returncode == 1
    assert_said_on_lines(regions, result.stderr.splitlines(), (
        ("website: https://www.deventer.nl/", "website staat er zonder website_consulted: zet erbij op welke datum je het adres hebt gecontroleerd"),
        ("website_consulted: 2027-01-02", "datum van raadplegen 2027-01-02 ligt in de toekomst"),
    ))
    edit(regions, "website: https://www.deventer.nl/\n", "website: https://www.deventer.nl/\n    website_consulted: 2026-11-01\n")
    edit(regions, "website_consulted: 2027-01-02", "website_consulted: 2026-11-01")
    assert validate(root).returncode == 0


def test_an_offers_audiences_match_its_ages(tmp_path):
    """A card must not say "Voor: Kinderen (tot 12 jaar)" next to "Leeftijd kind: 0 tot 18 jaar"."""
    root = project(tmp_path)
    offers = root / "data" / "offers.yaml"
    assert "audiences: [kinderen]\n    ages: {min: 8, max: 12}" in offers.read_text(encoding="utf-8"), "the fixture's praatgroep"
    edit(offers, "ages: {min: 8, max: 12}", "ages: {min: 8, max: 16}")
    result = validate(root)
    assert result.returncode == 0  # a warning: the editor decides
    line = line_of(offers, "audiences: [kinderen]")
    assert f"data/offers.yaml:{line}:" in result.stderr
    assert "leeftijd tot 16 jaar, maar 'jongeren' (12 jaar en ouder) staat niet bij audiences" in result.stderr
