"""The search index gets the synonyms and spelling variants of the words on each page, in hidden
fields that Material's worker indexes; section titles lose the card titles Material glues on."""

from __future__ import annotations

import json
from types import SimpleNamespace

from wijzer.core.catalogue import load_catalogue
from wijzer.core.synonyms import Thesaurus
from wijzer.site.search_index import (
    TEXT_FIELD,
    TITLE_FIELD,
    expand_index,
    expansions,
    fix_titles,
    section_titles,
    tokens,
)

THESAURUS = Thesaurus(
    groups=(
        ("zorgregeling", "omgangsregeling", "co-ouderschap"),
        ("complexe scheiding", "vechtscheiding"),
        ("kinderalimentatie", "alimentatie"),
    ),
    spelling={"alimentatie": ("allimentatie",), "ouderschapsplan": ("ouderschapplan",)},
)


def index(*docs: dict) -> dict:
    return {"config": {"lang": ["nl"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}, "docs": list(docs)}


def test_tokens_strip_markup_entities_and_punctuation():
    assert tokens("<p>Dappere Dino&#x27;s (OTS), <b>Zorg</b>-regeling</p>") == ["dappere", "dino", "s", "ots", "zorg", "regeling"]


def test_a_synonym_on_the_page_brings_the_other_words_of_its_group():
    assert expansions("<p>Maak een omgangsregeling.</p>", THESAURUS) == ["zorgregeling", "co-ouderschap"]


def test_inflected_forms_count_and_word_groups_must_be_in_a_row():
    assert "zorgregeling" in expansions("Twee omgangsregelingen", THESAURUS)
    assert expansions("Een complexe echtscheiding", THESAURUS) == []
    assert expansions("Bij een complexe scheiding", THESAURUS) == ["vechtscheiding"]


def test_spelling_variants_follow_the_word_also_when_it_came_from_a_synonym():
    # 'kinderalimentatie' on the page -> 'alimentatie' added -> its typo 'allimentatie' too
    assert expansions("Kinderalimentatie berekenen", THESAURUS) == ["alimentatie", "allimentatie"]
    assert expansions("Het ouderschapsplan", THESAURUS) == ["ouderschapplan"]
    assert expansions("Een pagina over iets anders", THESAURUS) == []


def test_expand_index_adds_hidden_fields_with_the_weight_of_their_source():
    before = index(
        {"location": "juridisch/kinderalimentatie/", "title": "Kinderalimentatie", "text": "<p>Wie betaalt wat.</p>"},
        {"location": "over/", "title": "Over", "text": "<p>Niets hiervan.</p>"},
    )
    after = expand_index(before, THESAURUS)
    assert after["config"]["fields"][TITLE_FIELD] == {"boost": 1000.0}
    assert after["config"]["fields"][TEXT_FIELD] == {"boost": 1.0}
    first, second = after["docs"]
    assert first[TITLE_FIELD] == "alimentatie allimentatie"
    assert TEXT_FIELD not in first and TITLE_FIELD not in second
    assert first["title"] == "Kinderalimentatie" and first["text"] == "<p>Wie betaalt wat.</p>"  # what users see is unchanged
    assert "title_synonyms" not in json.dumps(before)  # pure: the input is not changed


def test_glued_card_titles_are_removed_from_section_titles():
    toc = [SimpleNamespace(url="#met-wie", title="Met wie kun je praten?", children=[])]
    titles = section_titles("kinderen/", toc)
    assert titles == {"kinderen/#met-wie": "Met wie kun je praten?"}
    fixed = fix_titles(index({"location": "kinderen/#met-wie", "title": "Met wie kun je praten?De Kindertelefoon", "text": ""}), titles)
    assert fixed["docs"][0]["title"] == "Met wie kun je praten?"


def test_the_shipped_synonym_list_is_valid_and_loaded():
    result = load_catalogue("data")
    assert not result.errors, result.errors
    thesaurus = result.catalogue.extras["synonyms"]
    assert thesaurus.groups[0][:2] == ("zorgregeling", "omgangsregeling")
    assert any("vechtscheiding" in group and "complexe scheiding" in group for group in thesaurus.groups)


def test_repeated_sections_stay_out_of_the_index():
    from wijzer.site.search_index import leave_out

    docs = [
        {"location": "aanbod/kies/", "title": "KIES", "text": ""},
        {"location": "aanbod/kies/#bronnen", "title": "Bronnen", "text": "https://..."},
        {"location": "aanbod/#bronnen", "title": "Bronnen", "text": "overview keeps it"},
        {"location": "gemeenten/zwolle/#hier-begin-je", "title": "Hier begin je", "text": "..."},
        {"location": "organisaties/cjg-kampen/#werkgebied", "title": "Werkgebied", "text": "Kampen"},
    ]
    kept = [d["location"] for d in leave_out(index(*docs))["docs"]]
    assert kept == ["aanbod/kies/", "aanbod/#bronnen"]
