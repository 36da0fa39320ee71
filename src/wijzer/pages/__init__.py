"""Generated HTML from the catalogue: page kinds, the finder, the flow pages, search documents and templates."""
