"""The data: models, the loader with positions, validation, checks and the catalogue (no Jinja, no MkDocs)."""
