"""Table of contents for generated pages (pure): their HTML comes from our templates, not from
Markdown, so MkDocs finds no headings. Without a TOC Material shows no 'Naar inhoud' skip link
(WCAG 2.4.1) and no 'Inhoudsopgave'. We give the title an id and list the headings with an id."""

from __future__ import annotations

import html
import re

from wijzer.core.catalogue import slugify

_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1>", re.DOTALL)
_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_TAG = re.compile(r"<[^>]+>")


def with_title_id(content: str) -> str:
    """Give the first ``<h1>`` an id (from its text) if it has none, so it can be a skip target."""
    match = re.search(r"<h1>(.*?)</h1>", content, re.DOTALL)
    if not match:
        return content
    ids = set(_ID.findall(content))
    slug = slugify(html.unescape(_TAG.sub("", match.group(1)))) or "inhoud"
    while slug in ids:
        slug += "-titel"
    return content[: match.start()] + f'<h1 id="{slug}">' + content[match.start() + 4 :]


def toc_tokens(content: str, max_level: int = 2) -> list[dict]:
    """MkDocs' toc tokens (level, id, name, children) for the headings with an id, nested by level.

    Only the title and the h2 sections by default: Material makes a named menu of every entry
    with children, and a topic's 'Voor professionals' menu would share its name with the site's
    'Voor professionals' menu (axe landmark-unique)."""
    root: list[dict] = []
    stack: list[dict] = []
    for level, attrs, inner in _HEADING.findall(content):
        found = _ID.search(attrs or "")
        if not found or int(level) > max_level:
            continue  # card titles have no id: not part of the outline
        token = {"level": int(level), "id": found.group(1), "name": _TAG.sub("", inner).strip(), "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
