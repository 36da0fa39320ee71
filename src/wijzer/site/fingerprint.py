"""Our own style sheets and scripts under names that change with their content.

The theme's files already carry a hash in their name; ours (``extra_css`` and ``extra_javascript``
in mkdocs.yml, from the theme's ``custom_dir``, the per-page bundles of ``wijzer.site.page_assets``
the search engine that ``search.js`` loads on demand and the style sheet for browsers without JavaScript) get one too: ``assets/wijzer.css`` is
published as ``assets/v/wijzer.<hash>.css``. A server may then keep everything under ``assets/v/``
for a year (deploy/ and docs/hosting.md), and a visitor's second page costs only its HTML. The
originals are still written, for links from elsewhere.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel

FOLDER = "assets/v"
HASH_LENGTH = 10
# Not in extra_css/extra_javascript: loaded by a script (the template tells the loader its published
# name) or only without JavaScript (a <noscript> link in overrides/main.html).
ON_DEMAND = ("assets/search-engine.js", "assets/nojs.css")


def fingerprinted(path: str, content: bytes) -> str:
    """``assets/wijzer.css`` with its content -> ``assets/v/wijzer.<hash>.css`` (sub-folders kept:
    ``assets/tokens/wijzer.css`` -> ``assets/v/tokens/wijzer.<hash>.css``)."""
    folder, name = posixpath.split(path.removeprefix("assets/"))
    stem, suffix = posixpath.splitext(name)
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    return posixpath.join(FOLDER, folder, f"{stem}.{digest}{suffix}")


@dataclass
class Published:
    """What one build publishes under fingerprinted names."""

    files: dict[str, bytes] = field(default_factory=dict)
    """Published path -> its content (added to the build in on_files)."""
    names: dict[str, str] = field(default_factory=dict)
    """Unfingerprinted path (``assets/search-engine.js``, a feature's ``assets/flow.css``) -> published path."""

    def publish(self, path: str, content: bytes) -> str:
        """``content`` under the fingerprinted form of ``path``; returns the published path."""
        new = fingerprinted(path, content)
        self.files[new] = content
        self.names[path] = new
        return new

    def name(self, path: str) -> str:
        """The published path of one of our files (the path itself when it was not published)."""
        return self.names.get(path, path)


def custom_dir(config: Any) -> Path | None:
    custom = config.theme.custom_dir
    return Path(custom) if custom else None


def rename_assets(config: Any) -> Published:
    """Point ``extra_css`` and ``extra_javascript`` at fingerprinted names and publish the
    on-demand scripts (on_config); returns what was published, for ``add_files``."""
    custom = custom_dir(config)
    published = Published()
    if custom is None:
        return published

    def rename(path: str) -> str:
        source = custom / path
        if "://" in path or not source.is_file():
            return path
        return published.publish(path, source.read_bytes())

    config.extra_css = [rename(path) for path in config.extra_css]
    for i, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            config.extra_javascript[i] = rename(script)
        else:  # mkdocs' ExtraScriptValue (path, type, async, defer)
            script.path = rename(script.path)
    for path in ON_DEMAND:
        rename(path)
    return published


def add_files(files: Files, config: Any, published: Published) -> None:
    """The fingerprinted copies, as files of the build (on_files)."""
    for path, content in published.files.items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
