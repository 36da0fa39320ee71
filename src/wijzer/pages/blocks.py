"""Blocks of HTML from macros skip Markdown.

A macro in a hand-written page that returns a block of HTML (a list of cards, the finder, the
taxatie) puts a placeholder word into the page's Markdown instead; after Markdown,
``hooks.on_page_content`` puts the HTML back (``put_back``). Python-Markdown then never parses
those blocks (at national scale several megabytes per page), and nothing in them can be read as
Markdown. Inline output (a link inside a sentence) stays in the text (``render.for_markdown``).
"""

from __future__ import annotations

import re
import secrets

_NONCE = secrets.token_hex(4)  # a page cannot guess it, so cannot fake a placeholder
_PLACEHOLDER = re.compile(rf"<p>(wzblok{_NONCE}n\d+)</p>|(wzblok{_NONCE}n\d+)")
_BLOCK = re.compile(
    r"<(?:div|section|ul|ol|dl|table|article|aside|nav|details|form|figure|fieldset|p|h[1-6]|template|script)\b",
    re.IGNORECASE,
)
_ID = re.compile(r'\bid="([^"]+)"')
_held: dict[str, str] = {}


def is_block(html: str) -> bool:
    return _BLOCK.match(html.lstrip()) is not None


def start_page() -> None:
    """Forget what an earlier page held (placeholders count from 0 on every page)."""
    _held.clear()


def hold(html: str) -> str:
    """The placeholder for ``html``: one word, which Markdown leaves alone."""
    word = f"wzblok{_NONCE}n{len(_held)}"
    _held[word] = html
    return word


def put_back(content: str) -> tuple[str, set[str], list[str]]:
    """``content`` with every placeholder replaced (a placeholder alone in a paragraph loses the
    paragraph), the ids in the blocks put back, and placeholders that had no block."""
    ids: set[str] = set()
    unknown: list[str] = []

    def swap(match: re.Match[str]) -> str:
        word = match.group(1) or match.group(2)
        html = _held.get(word)
        if html is None:
            unknown.append(word)
            return match.group(0)
        ids.update(_ID.findall(html))
        return html

    return _PLACEHOLDER.sub(swap, content), ids, unknown
