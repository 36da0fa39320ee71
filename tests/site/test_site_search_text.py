"""How text becomes search terms (wijzer.core.search_text) and the best bets editors set."""

from __future__ import annotations

import shutil
from pathlib import Path

from wijzer.core.catalogue import load_catalogue
from wijzer.core.search_text import compound_parts, query_key, query_words, terms, words

ROOT = Path(__file__).resolve().parent.parent.parent


def test_law_articles_are_tokens_with_and_without_the_book():
    assert words("art. 1:377c BW") == ["art", "1_377c", "377c", "bw"]
    assert words("1-377c") == words("1 : 377c") == ["1_377c", "377c"]
    assert "7_3_4" in words("art. 7.3.4 Jeugdwet") and "7_450" in words("7:450 BW")


def test_questions_keep_their_key_words():
    assert terms("Wie heeft het gezag na een scheiding?") == ["gezag", "scheiding"]
    assert terms("Súdwest-Fryslân") == ["sudwest", "fryslan", "sudwestfryslan"]  # also written together
    assert query_words("co-ouderschap?") == ["coouderschap"]  # as the browser looks it up
    assert query_key("Kind wil NIET naar vader!") == "kind vader"


def test_compound_words_split_into_words_of_the_site():
    vocabulary = {"omgang", "regeling", "kinder", "alimentatie", "ouderschap", "plan"}
    assert compound_parts("omgangsregeling", vocabulary) == ["omgang", "regeling"]
    assert compound_parts("ouderschapsplan", vocabulary) == ["ouderschap", "plan"]
    assert compound_parts("ouderplan", vocabulary | {"ouder"}) == ["ouder", "plan"]
    assert compound_parts("opplan", vocabulary | {"op"}) == []  # parts of fewer than four letters do not count
    assert compound_parts("kinderalimentatie", vocabulary) == ["kinder", "alimentatie"]
    assert compound_parts("scheiding", vocabulary) == []


def test_best_bet_for_an_unknown_page_is_an_error_with_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    synonyms = data / "synonyms.yaml"
    text = synonyms.read_text(encoding="utf-8")
    text += '  - query: "hulp bij ruzie"\n    pages: [aanbod/bestaat-niet/]\n'
    synonyms.write_text(text, encoding="utf-8")
    line = text.count("\n")  # the pages line is the last one
    result = load_catalogue(data)
    found = [p for p in result.problems if "bestaat-niet" in p.message]
    assert found and found[0].line == line and found[0].file.endswith("synonyms.yaml")
    assert "bestaat niet" in found[0].message and result.catalogue is None


def test_best_bets_of_the_shipped_data_are_valid():
    result = load_catalogue(ROOT / "data")
    assert result.catalogue is not None
    bets = result.catalogue.extras["synonyms"].best_bets
    assert bets and all(pages for pages in bets.values())


def test_best_bet_pages_known_to_the_core_are_the_pages_made():
    """The core checks best bets without the pages layer; its list must match what is built."""
    from wijzer.core.synonyms import known_pages
    from wijzer.pages.generated import generated_pages
    from wijzer.pages.render import page_url

    cat = load_catalogue(ROOT / "data").catalogue
    made = {page_url(p.src_uri) for p in generated_pages(cat)}
    made |= {page_url(p.relative_to(ROOT / "content").as_posix()) for p in (ROOT / "content").rglob("*.md")}
    assert known_pages(cat, ROOT / "content") == made
