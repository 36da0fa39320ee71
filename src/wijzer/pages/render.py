"""Turning data into safe HTML: Markdown through an allow-list, every other value escaped.

Data text is never a template. It reaches HTML in exactly two ways:
- as a value in one of our Jinja templates, which escapes it; in a hand-written page, a block
  of such HTML skips Markdown altogether (wijzer.pages.blocks) and inline HTML has Markdown's special
  characters escaped, so data is never read as Markdown;
- as a Markdown field, rendered by Python-Markdown and then cleaned by nh3 (Ammonia) with an
  allow-list of tags, attributes and URL schemes.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown as md
import nh3
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from wijzer.core.fields import paid_note

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h3", "h4", "h5",
    "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"https", "http", "mailto", "tel"}

# Characters that Markdown (or mkdocs-macros' Jinja) could act on once our HTML sits in a page.
_MD_SPECIAL = {
    "[": "&#91;", "]": "&#93;", "(": "&#40;", ")": "&#41;", "*": "&#42;", "_": "&#95;",
    "`": "&#96;", "!": "&#33;", "#": "&#35;", "{": "&#123;", "}": "&#125;", "|": "&#124;",
    "\\": "&#92;", "~": "&#126;", "^": "&#94;", "=": "&#61;", ":": "&#58;", "+": "&#43;",
}
_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")


@lru_cache(maxsize=16384)
def markdown_html(source: str) -> Markup:
    """Render an editor's Markdown field to HTML that can only contain allowed, inert markup
    (remembered per text: `wijzer serve` renders every page again to see what changed)."""
    rendered = md.markdown(source, extensions=["sane_lists"], output_format="html")
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)


def escape_text_nodes(fragment: str) -> str:
    """Entity-encode Markdown's special characters outside tags.

    For HTML that will sit inside a hand-written Markdown page (macro output): whatever the
    data says, Markdown cannot turn it into a link, emphasis or anything else."""
    # tags and character references stay as they are ('&#39;' must not become '&&#35;39;')
    parts = _TAG_OR_ENTITY.split(fragment)
    return "".join(
        part if i % 2 else "".join(_MD_SPECIAL.get(ch, ch) for ch in part) for i, part in enumerate(parts)
    )


_EXTERNAL_LINK = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*["']?https?://[^>]*>""", re.IGNORECASE)
_REL = re.compile(r"""\brel\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def external_rel(html: str) -> str:
    """Every link to another site gets rel="noopener noreferrer", also in hand-written Markdown.

    The other site cannot reach back into this page, and does not learn which page (about
    divorce, violence, ...) the visitor came from."""

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        rel = _REL.search(tag)
        if rel is None:
            end = -2 if tag.endswith("/>") else -1
            return f'{tag[:end].rstrip()} rel="noopener noreferrer"{tag[end:]}'
        words = (rel.group(1) if rel.group(1) is not None else rel.group(2)).split()
        words += [w for w in ("noopener", "noreferrer") if w not in words]
        return f'{tag[: rel.start()]}rel="{" ".join(words)}"{tag[rel.end() :]}'

    return _EXTERNAL_LINK.sub(fix, html)


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL (relative to the site root) MkDocs gives the page written as ``src_uri``."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


class Linker:
    """Relative links from one page to another, so the site works under any sub-path."""

    def __init__(self, current_src_uri: str, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls
        self.current = current_src_uri
        url = page_url(current_src_uri, directory_urls)
        self.base = url.rstrip("/") if directory_urls else posixpath.dirname(url)

    def __call__(self, src_uri: str, anchor: str = "") -> str:
        target = page_url(src_uri, self.directory_urls)
        rel = _relative(target.rstrip("/") or ".", self.base or ".")
        if self.directory_urls:
            rel = "./" if rel == "." else rel + "/"
        return rel + (f"#{anchor}" if anchor else "")

    def asset(self, path: str) -> str:
        return _relative(path, self.base or ".")


@lru_cache(maxsize=65536)
def _relative(target: str, base: str) -> str:
    """``posixpath.relpath`` (pure, and slow enough to matter: a gemeente page links ~50 times)."""
    return posixpath.relpath(target, base)


def _finalize(value: Any) -> Any:
    return "" if value is None else value


@lru_cache(maxsize=4)
def environment(overrides_dir: str | None = None) -> Environment:
    """Jinja environment for the package templates; ``overrides/wijzer/`` may replace any of them."""
    loaders = []
    if overrides_dir and Path(overrides_dir, "wijzer").is_dir():
        loaders.append(FileSystemLoader(str(Path(overrides_dir, "wijzer"))))
    loaders.append(PackageLoader("wijzer.pages", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["md"] = markdown_html
    env.filters["nl_date"] = nl_date
    env.filters["display_url"] = display_url
    env.filters["paid_note"] = paid_note
    env.filters["labelled"] = lambda values, table: ", ".join(table[v] for v in values)
    env.filters["reassessment_due"] = reassessment_due
    return env


def reassessment_due(evidence: Any) -> bool:
    """An evidence rating older than five years on the day of the build (see models.Evidence)."""
    from wijzer.core import clock

    return evidence.level != "niet-beoordeeld" and evidence.reassessment_due(clock.today())


def display_url(url: str) -> str:
    """``https://www.example.nl/pad/`` -> ``example.nl/pad``: short and readable in print."""
    parts = urlsplit(url)
    rest = parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")
    return (parts.hostname or "").removeprefix("www.") + rest


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]


def nl_date(value: Any) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def compact(fragment: str) -> Markup:
    """Drop blank lines, so the HTML stays one raw block when it lands in a Markdown page."""
    return Markup("\n".join(line for line in str(fragment).splitlines() if line.strip()))
