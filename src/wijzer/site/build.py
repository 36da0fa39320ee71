"""Atomic build: MkDocs writes into a temporary folder next to ``site/``; only a complete,
successful build replaces ``site/``. A failed or interrupted build leaves the previous site as it was."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path


def _temp_name(site_dir: Path, kind: str, pid: int | None = None) -> Path:
    """``.site-build-<pid>`` next to ``site/`` (``.<name>-build-<pid>`` for another folder name)."""
    return site_dir.parent / f".{site_dir.name}-{kind}-{os.getpid() if pid is None else pid}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process
        return True
    return True


def _clean_leftovers(site_dir: Path) -> None:
    """Remove what an interrupted build of this site left behind; never a build that is still running."""
    for kind in ("build", "old"):
        for path in site_dir.parent.glob(f".{site_dir.name}-{kind}-*"):
            pid = path.name.rsplit("-", 1)[-1]
            if pid.isdigit() and path.is_dir() and not _alive(int(pid)):
                if kind == "old" and not site_dir.exists():
                    path.rename(site_dir)  # killed between the two renames of swap_in: the old site comes back
                else:
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
    # mkdocs-macros lists its modules, functions and variables at INFO: noise for editors
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


def _default_source_date(project: Path) -> None:
    """Reproducible output: without SOURCE_DATE_EPOCH, the sitemap's dates come from the last commit, not the clock."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    try:
        found = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return
    if found.returncode == 0 and found.stdout.strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = found.stdout.strip()


def swap_in(new: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new`` with two renames (no half-written state is ever visible)."""
    old = _temp_name(site_dir, "old")
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def build_site(config_file: str = "mkdocs.yml", site_dir: Path = Path("site"), strict: bool = False) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _default_source_date(Path(config_file).resolve().parent)
    site_dir = site_dir.resolve()
    parent = site_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(site_dir)
    verbose = sys.stderr.isatty() and not os.environ.get("CI")
    _setup_logging(verbose)
    tmp = _temp_name(site_dir, "build")
    try:
        config = load_config(config_file, site_dir=str(tmp), strict=strict)
        build(config)
        if not (tmp / "index.html").is_file() or not (tmp / "sitemap.xml").is_file():
            raise MkDocsException(f"de bouwmap {tmp} is onvolledig (door een ander proces weggehaald?)")
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
