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
_EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
_EMPTY_ACTION = re.compile(r'(<form\b[^>]*?)\s+action=""')


def fix_theme_html(page: str) -> str:
    page = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", page)
    page = _EMPTY_TABINDEX.sub("", page)
    page = _EMPTY_ACTION.sub(r"\1", page)
    if 'for="__toc"' in page and 'id="__toc"' not in page:
        page = page.replace(' for="__toc"', "")
    return page
