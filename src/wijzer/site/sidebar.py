"""Material's navigation sidebar, rendered once per folder for pages outside the navigation.

Material renders the whole navigation into every page. For a page that is not in it (the
generated offer, organisation and gemeente pages) nothing in it is marked active, and its links
are relative to the page's folder: every page in one folder gets the same HTML. ``main.html``
asks this memo before it renders the sidebar (the same idea as ``pages.kinds.gemeente_lists.Cards``).
"""

from __future__ import annotations

import posixpath
from typing import Any


class SidebarMemo:
    def __init__(self) -> None:
        self._nav: Any = None
        self._in_nav: set[int] = set()
        self._html: dict[str, Any] = {}

    def key(self, page: Any, nav: Any) -> str:
        """Where the sidebar of ``page`` may be shared, or "" for a page in the navigation."""
        if nav is not self._nav:  # a new build (`wijzer serve`): start again
            self._nav, self._in_nav, self._html = nav, {id(p) for p in nav.pages}, {}
        if page is None or id(page) in self._in_nav or not getattr(page, "url", None):
            return ""
        url = page.url.rstrip("/")
        return f"{posixpath.dirname(url)}|{url.count('/')}"

    def has(self, key: str) -> bool:
        return key in self._html

    def get(self, key: str) -> Any:
        return self._html[key]

    def remember(self, key: str, html: Any) -> Any:
        self._html[key] = html
        return html
