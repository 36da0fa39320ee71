"""``wijzer init <map>``: a new platform any region can start from.

It writes ``mkdocs.yml`` with the Wijzer plugin, valid data with one real example of each kind
(from Wijzer's own data, with sources), a ``content/`` skeleton with the overview pages, the theme
(``overrides/``), the JSON Schemas for editors and a README with the two commands. Everything
comes from the installed package (``starter/``; the theme is copied into the wheel from the
repository's ``overrides/`` by setup.py), so it works after ``pip install``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

STARTER = Path(__file__).parent / "starter"


class InitError(Exception):
    pass


def theme_dir() -> Path:
    """The theme: in the wheel next to the starter; in a source checkout the repository's overrides/."""
    for candidate in (STARTER / "overrides", Path(__file__).resolve().parents[3] / "overrides"):
        if (candidate / "main.html").is_file():
            return candidate
    raise InitError("het thema (overrides/) ontbreekt in deze installatie van wijzer")


def init_platform(target: Path, site_name: str = "Hulp bij scheiding") -> list[Path]:
    """Write a new platform into ``target`` (which must not exist or be empty). Returns the files written."""
    from wijzer.editors.schema import write_schemas

    if target.exists() and any(target.iterdir()):
        raise InitError(f"{target} bestaat al en is niet leeg; kies een nieuwe map")
    target.mkdir(parents=True, exist_ok=True)
    for name in ("data", "content"):
        shutil.copytree(STARTER / name, target / name)
    shutil.copytree(theme_dir(), target / "overrides")
    for name in ("mkdocs.yml", "README.md"):
        text = (STARTER / name).read_text(encoding="utf-8").replace("{site_name}", site_name)
        (target / name).write_text(text, encoding="utf-8")
    (target / ".gitignore").write_text("site/\n.site-*\n", encoding="utf-8")
    write_schemas(target / "schema")
    return sorted(p for p in target.rglob("*") if p.is_file())
