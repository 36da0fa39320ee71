"""Small repairs to the HTML Material writes, so every page passes the Nu Html Checker (pure).

- ``autocomplete="off"`` on Material's hidden checkbox toggles (``__drawer``, ``__search``): the
  attribute is not allowed on checkboxes. (Material uses it against Firefox restoring an open
  drawer after Back; the drawer may then show open, nothing else changes.)
- ``tabindex=""`` on section labels of the navigation: an empty tabindex is invalid and means
  the same as none.
- ``<label for="__toc">`` on pages that are not in the navigation: the control it points at
  only exists for pages in the menu; without it the label does nothing, so it loses ``for``.
- ``action=""`` on a form: invalid; leaving it out means the same (submit to this page).
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_EMPTY_ACTION = re.compile(r'(<form\b[^>]*?)\s+action=""')


def fix_theme_html(page: str) -> str:
    page = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", page)
    page = _without_empty_tabindex(page)
    page = _EMPTY_ACTION.sub(r"\1", page)
    if 'for="__toc"' in page and 'id="__toc"' not in page:
        page = page.replace(' for="__toc"', "")
    return page


def _without_empty_tabindex(page: str) -> str:
    """Drop every ``tabindex=""`` with the white space before it. (The same as the regex
    ``\\s+tabindex=""``, which is slow: a pattern that starts with ``\\s+`` is tried at every space
    of a page.)"""
    parts = page.split('tabindex=""')
    return "".join(part.rstrip() for part in parts[:-1]) + parts[-1] if len(parts) > 1 else page
