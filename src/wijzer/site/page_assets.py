"""Style sheets and scripts that only some pages need, loaded only on those pages.

mkdocs.yml's ``extra_css`` and ``extra_javascript`` are for what every page needs (the look, the
header's search field). A tool (the finder, the gemeente picker, the routekaart and
signaleringshulp, the beslishulp) or the quick exit brings its own files, and only a page that
has it loads them: a parent's first page is not weighed down by code for a professional's tool.

Which page has which feature is read from the page itself: a ``class`` of the feature's root
element in the page's HTML (wherever it came from: a macro, a generated page, hand-written
Markdown), or a page setting (``quick_exit``). Each feature is published as one style sheet and
one script, fingerprinted (wijzer.site.fingerprint); a feature made of several source files (the
questions shared by two tools) is joined into that one file, so sharing code adds no request.
``overrides/main.html`` links them after the site-wide files; since every file comes from the
site itself, the Content-Security-Policy (``'self'``) needs nothing per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijzer.site.fingerprint import Published


@dataclass(frozen=True)
class Feature:
    """One feature and its files (paths under the theme's ``custom_dir``, joined in this order)."""

    name: str
    """Also the published name: ``assets/v/<name>.<hash>.css`` and ``.js``."""
    css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    """The page has the feature when an element's ``class`` starts with one of these."""
    meta: str | None = None
    """… or when this page setting (front matter, or set by the plugin) is true."""

    def marker(self) -> re.Pattern[str] | None:
        if not self.classes:
            return None
        names = "|".join(re.escape(c) for c in self.classes)
        return re.compile(rf"""class=["']?(?:[^"'>]*\s)?(?:{names})""")


# Dependencies between source files are written into the lists: questions.* come first.
FEATURES: tuple[Feature, ...] = (
    # The finder's gemeente field matches names with the picker's matcher (window.WijzerGemeenten).
    Feature("picker", css=("assets/picker.css",), js=("assets/picker.js",), classes=("wz-picker", "wz-finder")),
    Feature("finder", css=("assets/finder.css",), js=("assets/finder.js",), classes=("wz-finder",)),
    Feature("flow", css=("assets/questions.css", "assets/flow.css"), js=("assets/questions.js", "assets/flow.js"),
            classes=("wz-routekaart", "wz-taxatie")),
    Feature("beslishulp", css=("assets/questions.css", "assets/beslishulp.css"),
            js=("assets/questions.js", "assets/beslishulp.js"), classes=("wz-beslishulp",)),
    Feature("safety", css=("assets/safety.css",), js=("assets/safety.js",), meta="quick_exit"),
)

def listed_site_wide(extra_css: list[str], extra_javascript: list[Any]) -> list[str]:
    """The files of a feature that mkdocs.yml also lists for every page: they would load twice
    (and a tool's script would run twice, or without the part it shares with another tool)."""
    listed = set(extra_css) | {getattr(script, "path", script) for script in extra_javascript}
    return sorted({path for feature in FEATURES for path in (*feature.css, *feature.js) if path in listed})


_SEPARATOR = {".css": b"\n", ".js": b"\n;\n"}  # a stray ';' between scripts is harmless, a missing one is not


def joined(custom: Path, sources: tuple[str, ...], suffix: str) -> bytes:
    """The content of one published file: its source files, in order."""
    return _SEPARATOR[suffix].join((custom / path).read_bytes().rstrip(b"\n") for path in sources) + b"\n"


@dataclass
class PageFiles:
    """What one page links besides the site-wide files: site-relative paths (for the ``url`` filter)."""

    css: list[str] = field(default_factory=list)
    js: list[str] = field(default_factory=list)


class PageAssets:
    """The features of one build, published; ``for_page`` says what a page links."""

    def __init__(self, features: tuple[Feature, ...], published: dict[str, tuple[str | None, str | None]]) -> None:
        self.features = features
        self.published = published  # feature name -> (css path, js path)
        self._markers = {f.name: f.marker() for f in features}

    @classmethod
    def publish(cls, custom: Path | None, into: Published, features: tuple[Feature, ...] = FEATURES) -> PageAssets:
        """Every feature's files under fingerprinted names (on_config); nothing without a ``custom_dir``."""
        published: dict[str, tuple[str | None, str | None]] = {}
        if custom is not None:
            for feature in features:
                paths: list[str | None] = []
                for suffix, sources in ((".css", feature.css), (".js", feature.js)):
                    if sources and all((custom / s).is_file() for s in sources):
                        paths.append(into.publish(f"assets/{feature.name}{suffix}", joined(custom, sources, suffix)))
                    else:
                        paths.append(None)
                published[feature.name] = (paths[0], paths[1])
        return cls(features, published)

    def features_of(self, page: Any) -> list[Feature]:
        content = getattr(page, "content", None) or ""
        meta = getattr(page, "meta", None) or {}
        found = []
        for feature in self.features:
            marker = self._markers[feature.name]
            if (feature.meta and meta.get(feature.meta)) or (marker is not None and marker.search(content)):
                found.append(feature)
        return found

    def for_page(self, page: Any) -> PageFiles:
        files = PageFiles()
        for feature in self.features_of(page):
            css, js = self.published.get(feature.name, (None, None))
            if css:
                files.css.append(css)
            if js:
                files.js.append(js)
        return files
