"""Our own style sheets and scripts under names that change with their content.

The theme's files already carry a hash in their name; ours (``extra_css`` and ``extra_javascript``
in mkdocs.yml, from the theme's ``custom_dir``) get one too: ``assets/wijzer.css`` is published as
``assets/v/wijzer.<hash>.css``. A server may then keep everything under ``assets/v/`` for a year
(deploy/ and docs/hosting.md), and a visitor's second page costs only its HTML. The originals are
still written, for links from elsewhere.
"""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel

FOLDER = "assets/v"
HASH_LENGTH = 10


def fingerprinted(path: str, content: bytes) -> str:
    """``assets/wijzer.css`` with its content -> ``assets/v/wijzer.<hash>.css`` (sub-folders kept:
    ``assets/tokens/wijzer.css`` -> ``assets/v/tokens/wijzer.<hash>.css``)."""
    folder, name = posixpath.split(path.removeprefix("assets/"))
    stem, suffix = posixpath.splitext(name)
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    return posixpath.join(FOLDER, folder, f"{stem}.{digest}{suffix}")


def _custom_dir(config: Any) -> Path | None:
    custom = config.theme.custom_dir
    return Path(custom) if custom else None


def rename_assets(config: Any) -> dict[str, Path]:
    """Point ``extra_css`` and ``extra_javascript`` at fingerprinted names (on_config); returns
    the new site paths with the source file of each, for ``add_files``."""
    custom = _custom_dir(config)
    made: dict[str, Path] = {}
    if custom is None:
        return made

    def rename(path: str) -> str:
        source = custom / path
        if "://" in path or not source.is_file():
            return path
        new = fingerprinted(path, source.read_bytes())
        made[new] = source
        return new

    config.extra_css = [rename(path) for path in config.extra_css]
    for i, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            config.extra_javascript[i] = rename(script)
        else:  # mkdocs' ExtraScriptValue (path, type, async, defer)
            script.path = rename(script.path)
    return made


def add_files(files: Files, config: Any, made: dict[str, Path]) -> None:
    """The fingerprinted copies, as files of the build (on_files)."""
    for path, source in made.items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=source.read_bytes(), inclusion=InclusionLevel.NOT_IN_NAV))
