"""The floor: the same pages rendered by plain Python-Markdown with a trivial Jinja template.

It does the work any generator must do for these pages — read and check the data (the same
loader), produce each page's content (the hand-written Markdown, and the generated pages'
HTML from our templates), run it through Python-Markdown, wrap it in a one-line template and
write one file per page — and nothing else: no theme, no navigation, no search, no plugins.
The benchmark reports our real build as a multiple of this floor.

    python benchmarks/floor.py --data data --content content --out build/floor-site
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import markdown
from jinja2 import Template

from wijzer.core.catalogue import load_catalogue
from wijzer.pages.generated import generated_pages, render_page
from wijzer.pages.render import page_url

TEMPLATE = Template("<!doctype html><html lang=nl><title>{{ title }}</title><body>{{ body }}</body></html>", autoescape=True)


def floor_build(data: Path, content: Path, out: Path) -> int:
    result = load_catalogue(data)
    if result.catalogue is None:
        raise SystemExit("\n".join(map(str, result.errors)))
    cat = result.catalogue
    if out.exists():
        shutil.rmtree(out)
    md = markdown.Markdown()
    count = 0

    def write(src_uri: str, title: str, body_source: str) -> None:
        nonlocal count
        target = out / page_url(src_uri) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        from markupsafe import Markup

        body = Markup(md.reset().convert(body_source))
        target.write_text(TEMPLATE.render(title=title, body=body), encoding="utf-8")
        count += 1

    for path in sorted(content.rglob("*.md")):
        write(path.relative_to(content).as_posix(), path.stem, path.read_text(encoding="utf-8"))
    for page in generated_pages(cat):
        write(page.src_uri, page.title, render_page(cat, page))
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data")
    parser.add_argument("--content", default="content")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    pages = floor_build(Path(args.data), Path(args.content), Path(args.out))
    print(f"{pages} pagina's")


if __name__ == "__main__":
    main()
