"""Flesch-Douma: the Dutch adaptation of the Flesch reading ease (Douma, 1960).

    score = 206.84 - 0.77 * (syllables per 100 words) - 0.93 * (words per sentence)

Higher is easier. Roughly: 60-70 is plain text most adults read well (B1 aims here), 70+ is
easy, below 50 is hard. Syllables are counted as groups of vowels, which is close enough for
Dutch to compare texts (it slightly undercounts words like 'ideeën').
"""

from __future__ import annotations

import re

_VOWELS = re.compile(r"[aeiouyáéíóúàèëïöüâêîôû]+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’-][A-Za-zÀ-ÿ]+)*")
_SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)|\n\s*\n|\n\s*[-*+]\s|\n\s*\d+\.\s|\n#+\s")


def strip_markdown(text: str) -> str:
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)  # front matter
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)  # macros
    text = re.sub(r"<[^>]+>", " ", text)  # html tags
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links -> text
    text = re.sub(r"^\s*(!!!|\?\?\?)\s.*$", "", text, flags=re.M)  # admonition headers
    text = re.sub(r"^\s*[#>|]+", "\n", text, flags=re.M)
    text = re.sub(r"[*_`{}\[\]|]", " ", text)
    return text


def syllables(word: str) -> int:
    return max(1, len(_VOWELS.findall(word)))


def flesch_douma(markdown: str) -> float | None:
    """Score of a Markdown text; ``None`` for texts too short to judge (< 30 words)."""
    text = strip_markdown(markdown)
    sentences = [s for s in _SENTENCE_END.split(text) if _WORD.search(s)]
    words = _WORD.findall(text)
    if len(words) < 30 or not sentences:
        return None
    per_100 = 100 * sum(syllables(w) for w in words) / len(words)
    per_sentence = len(words) / len(sentences)
    return round(206.84 - 0.77 * per_100 - 0.93 * per_sentence, 1)
