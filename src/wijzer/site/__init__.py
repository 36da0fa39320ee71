"""The MkDocs adapter: hooks, macros, CSP, search index, open data, atomic and offline builds."""
