"""Text to search terms, the same way the browser treats a query (``search-engine.js``)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

# Book:article (1:377c, 7:450) and dotted articles (7.3.4, 5.2.6): one token each, with the
# separators as "_"; a book:article also gives the bare article (377c), as people type it.
_BOOK_ARTICLE = re.compile(r"\b(\d{1,2})\s*[:\-]\s*(\d{1,4}[a-z]{0,2})\b")
_DOTTED = re.compile(r"\b(\d{1,3}(?:\.\d{1,3}){1,3}[a-z]{0,2})\b")
_WORD = re.compile(r"[a-z0-9_]+")
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")
_COMBINING = re.compile("[\u0300-\u036f]")  # as search-engine.js: fold()

# Dutch function words and question words: they say nothing about which page answers.
# "art", "artikel" and "lid" go too: the number after them is the term.
STOP_WORDS: frozenset[str] = frozenset(
    """
    aan al alle alles als altijd ander andere anders ben bij bijvoorbeeld dan dat de der deze die dit
    doch doen door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je jij jou jouw jullie kan kon kun kunnen dat maar me meer men met mij mijn
    moet moeten na naar niet niets nog nu of om omdat ons onze ook op over reeds te tegen toch toen tot u
    uit uw van veel voor want waren was wat we wel werd wezen wie wil wij wordt worden zal ze zei zelf
    zich zij zijn zo zonder zou zullen waar wanneer welke waarom hoeveel mag mogen krijg krijgen gaat
    gaan ga word we wij zit zitten graag hoe moet doe dingen iets art artikel lid
    """.split()
)

# Linking sounds between the parts of a compound: omgang-s-regeling, kind-er-en-...
_LINKS = ("", "s", "e", "en", "er")
MIN_PART = 4


# Snowball's Dutch stemmer (Porter's algorithm). The browser stems a query with the same
# algorithm from lunr-languages (src/wijzer/site/search/vendor/lunr.nl.js); Snowball 3's new
# "dutch" differs from that port, "dutch_porter" is the same algorithm (tests/e2e/test_search_stemmer.py).
STEMMER = "dutch_porter"
_STEMMER = snowballstemmer.stemmer(STEMMER)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of a folded word (kinderen -> kinder, omgangsregelingen -> omgangsregel); a word
    with a digit or "_" (a law article, a number) stays as it is. search-engine.js: stem()."""
    return _STEMMER.stemWord(word) if word.isalpha() else word


def fold(text: str) -> str:
    """Lower case without accents (Fryslân = fryslan), as the browser folds a query."""
    lower = text.lower()
    return lower if lower.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", lower))


def law_tokens(text: str) -> str:
    """``text`` (folded) with every law article written as one token, plus the bare article."""

    def book(match: re.Match[str]) -> str:
        return f" {match.group(1)}_{match.group(2)} {match.group(2)} "

    text = _BOOK_ARTICLE.sub(book, text)
    return _DOTTED.sub(lambda m: " " + m.group(1).replace(".", "_") + " ", text)


def words(text: str) -> list[str]:
    """Every term of a text, stop words included (they still count for the length of a field).
    A hyphenated word also counts written together, after the other words (co-ouderschap gives
    co, ouderschap and, at the end, coouderschap): people type it either way."""
    folded = law_tokens(fold(text))
    return _WORD.findall(folded) + [w.replace("-", "") for w in _HYPHENATED.findall(folded)]


def query_words(text: str) -> list[str]:
    """The words of a query as search-engine.js splits it: a hyphenated word written together."""
    return [w.replace("-", "") for w in re.findall(r"[a-z0-9_]+(?:-[a-z]+)*", law_tokens(fold(text)))]


def terms(text: str) -> list[str]:
    """The terms of a text without stop words."""
    return [w for w in words(text) if w not in STOP_WORDS]


def compound_parts(word: str, vocabulary: set[str] | frozenset[str]) -> list[str]:
    """The parts of a compound word that are words of the site themselves:
    ``omgangsregeling`` -> ``omgang``, ``regeling``. Empty when the word is no such compound."""
    if len(word) < 2 * MIN_PART or not word.isalpha():
        return []
    best: list[str] = []
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, rest = word[:cut], word[cut:]
        if head not in vocabulary:
            continue
        for link in _LINKS:
            if not rest.startswith(link):
                continue
            tail = rest[len(link):]
            if len(tail) >= MIN_PART and tail in vocabulary and len(head) + len(tail) > sum(map(len, best)):
                best = [head, tail]
    return best


def query_key(query: str) -> str:
    """How a best bet's query is compared with what someone types (search-engine.js: betKey)."""
    return " ".join(w for w in query_words(query) if w not in STOP_WORDS)


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
