"""The site's own search: an index written at build time, a search field in the header, and a
results panel (``overrides/assets/search.js`` and ``overrides/assets/search-engine.js``).

- ``text``: how text becomes index terms (lower case without accents, law articles as tokens,
  Dutch stop words, compound words split into their parts, Snowball's Dutch stemmer). The browser
  does the same to a query, with the same stemmer from ``vendor/`` (lunr-languages' lunr.nl.js).
- ``documents``: one document per page (title, headings, text, type, phone), collected while
  MkDocs renders the pages.
- ``index``: the files in ``search/``: term shards (loaded for the words typed), one small file
  per page (title, type, phone and text for the snippet) and a meta file (stop words, spelling
  variants, best bets). All are scripts (``wzSearch.add(...)``), so they load from ``file://``
  (the offline zip) and under the Content-Security-Policy (``script-src 'self'``) alike.

Nothing depends on Material's search: the theme only gives a place in its header
(``overrides/partials/header.html``, guarded by tests/unit/test_search_theme_guard.py).
Why our own index and not Pagefind: docs/audits.md (search).
"""
