"""Wijzer: from curated YAML to a static knowledge platform on children and (complex) divorce.

Layers, each importing only the ones below it (tests/unit/test_layers.py checks this):

- ``core``: the data — models, the loader with positions, validation and checks, the catalogue. No Jinja, no MkDocs.
- ``pages``: HTML of generated pages, the finder, the flow pages and search documents, from the catalogue.
- ``editors``: tools for editors — the report, CMS configuration, JSON Schemas, field reference, scaffolding.
- ``site``: the MkDocs adapter — hooks, macros, CSP, search index, open data, atomic and offline builds.
- ``cli``: the ``wijzer`` command.
"""
