"""Tools for editors: the content report, the CMS configuration, JSON Schemas, the field reference, scaffolding."""
