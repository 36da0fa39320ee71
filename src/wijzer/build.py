"""Atomic build: MkDocs writes into a temporary folder next to ``site/``; only a complete,
successful build replaces ``site/``. A failed or interrupted build leaves the previous site as it was."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

LEFTOVER_PREFIXES = (".site-build-", ".site-old-")


def _clean_leftovers(parent: Path) -> None:
    for path in parent.glob(".site-*"):
        if path.name.startswith(LEFTOVER_PREFIXES) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def _setup_logging(verbose: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_wijzer", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._wijzer = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def swap_in(new: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new`` with two renames (no half-written state is ever visible)."""
    old = site_dir.parent / f".site-old-{os.getpid()}"
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def build_site(config_file: str = "mkdocs.yml", site_dir: Path = Path("site"), strict: bool = False) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.resolve()
    parent = site_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(parent)
    verbose = sys.stderr.isatty() and not os.environ.get("CI")
    _setup_logging(verbose)
    tmp = parent / f".site-build-{os.getpid()}"
    try:
        config = load_config(config_file, site_dir=str(tmp), strict=strict)
        build(config)
    except MkDocsException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"Bouwen mislukt; {site_dir.name}/ is niet veranderd.\n{exc}", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    swap_in(tmp, site_dir)
    print(f"Site gebouwd in {os.path.relpath(site_dir)}/ — open {os.path.relpath(site_dir)}/index.html of start 'make serve'.")
    return 0
