"""The floor: the build's own work without MkDocs and Material.

It does what our build does for every page, with the same code, and nothing that MkDocs or
Material add (theme, navigation, search, sitemap, link checks):

- the same loading (``load_catalogue``, as the plugin's ``on_config``);
- the generated pages: the same rendering by their kind (``wijzer.pages.kinds``): HTML from our
  templates with its title id, table of contents and search document, and no Markdown (as
  ``GeneratedDocPage`` and the plugin's ``on_page_content``);
- the hand-written pages: the same macros (``wijzer.site.macros``, rendered by Jinja as
  mkdocs-macros does), the same Python-Markdown with mkdocs.yml's extensions, and the macro
  blocks put back (``wijzer.pages.blocks``);
- each page wrapped in a one-line template, made safe as the build does (links to other sites get
  ``rel``, the content and the whole page are checked for anything that could run: ``wijzer.site.csp``)
  and written to its own file;
- after the pages, our own outputs, as the plugin's ``on_post_build``: the site search index
  (``wijzer.site.search``, from the same search documents), the open data, the finder's summaries
  and the files the macros made next to their pages (the cards of Hulp zoeken and signaleren).
  Since issue 17 the search is ours, not Material's, so it is part of the floor.

With ``--hugo DIR`` it also writes the same page bodies as a Hugo site (one menu, one layout), for
the benchmark's reference: how long a compiled generator takes to write these pages.

    python benchmarks/floor.py --data data --content content --out build/floor-site [--hugo build/hugo-site]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import yaml
from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup
from mkdocs.structure.toc import get_toc

from wijzer.core.catalogue import load_catalogue
from wijzer.pages import blocks
from wijzer.pages.kinds import generated_pages, render
from wijzer.pages.page_text import plain_text, without_excluded
from wijzer.pages.render import external_rel, page_url
from wijzer.site import csp, outputs
from wijzer.site.macros import register
from wijzer.site.plugin import WijzerConfig, WijzerPlugin
from wijzer.site.search.documents import Document, headings_of
from wijzer.site.search.index import write_index

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Template("<!doctype html><html lang=nl><title>{{ title }}</title><body>{{ body }}</body></html>", autoescape=True)
HUGO_LAYOUT = """<!doctype html><html lang="nl"><title>{{ .Title }}</title><body>
<nav><ul>{{ range .Site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ul></nav>
<main>{{ .Content }}</main></body></html>
"""


class _EnvTag(yaml.SafeLoader):
    """mkdocs.yml without MkDocs: ``!ENV [NAME, default]`` is its default."""


_EnvTag.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None)


def markdown_settings(config_file: Path) -> tuple[list[str], dict[str, Any]]:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_EnvTag)  # noqa: S506 - our own file, safe loader
    names, configs = [], {}
    for item in config.get("markdown_extensions", []):
        if isinstance(item, dict):
            (name, settings), = item.items()
            names.append(name)
            configs[name] = settings or {}
        else:
            names.append(item)
    return names, configs


class _MacroEnv:
    """What ``wijzer.site.macros.register`` asks of mkdocs-macros: ``conf``, ``page`` and ``macro``."""

    def __init__(self, conf: Any) -> None:
        self.conf = conf
        self.page: Any = None
        self.macros: dict[str, Any] = {}

    def macro(self, function: Any) -> Any:
        self.macros[function.__name__] = function
        return function


def _front_matter(text: str) -> tuple[dict, str]:
    if text.startswith("---\n"):
        head, _, body = text[4:].partition("\n---\n")
        return yaml.safe_load(head) or {}, body
    return {}, text


def floor_build(data: Path, content: Path, out: Path, hugo: Path | None = None, config_file: Path = ROOT / "mkdocs.yml") -> int:
    result = load_catalogue(data)
    if result.catalogue is None:
        raise SystemExit("\n".join(map(str, result.errors)))
    cat = result.catalogue
    if out.exists():
        shutil.rmtree(out)
    plugin = WijzerPlugin()
    plugin.load_config({})
    assert isinstance(plugin.config, WijzerConfig)
    plugin.state.catalogue, plugin.overrides = cat, str(ROOT / "overrides")
    env = _MacroEnv(SimpleNamespace(plugins={"wijzer": plugin}, use_directory_urls=True))
    register(env)
    jinja = Environment(undefined=StrictUndefined)
    jinja.globals.update(env.macros)
    names, configs = markdown_settings(config_file)
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    bodies: list[tuple[str, str, str]] = []  # (src_uri, title, body HTML)
    docs: list[Document] = []  # the search documents, as wijzer.site.search.documents collects them

    for path in sorted(content.rglob("*.md")):
        src_uri = path.relative_to(content).as_posix()
        meta, source = _front_matter(path.read_text(encoding="utf-8"))
        env.page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta=meta)
        blocks.start_page()
        text = jinja.from_string(source).render(page=env.page)
        html, _, _ = blocks.put_back(md.reset().convert(text))
        title = str(meta.get("title") or path.stem)
        bodies.append((src_uri, title, html))
        if not (meta.get("search") or {}).get("exclude"):
            headings = tuple(h for h in headings_of(get_toc(md.toc_tokens)) if h != title)  # as the build reads page.toc
            docs.append(Document(page_url(src_uri), title, "page", headings, plain_text(without_excluded(html))))
    for page in generated_pages(cat):  # HTML, table of contents and search document, as the build
        rendered = render(cat, page, overrides=plugin.overrides)
        bodies.append((page.src_uri, page.title, rendered.html))
        entry = rendered.search
        docs.append(Document(page_url(page.src_uri), entry.title, entry.kind, entry.headings, entry.text, entry.phone))

    for src_uri, title, html in bodies:
        target = out / page_url(src_uri) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        output = external_rel(TEMPLATE.render(title=title, body=Markup(html)))
        found = csp.check_content(html) + csp.check_page(output)
        if found:
            raise SystemExit(f"{src_uri}: {'; '.join(found)}")
        target.write_text(output, encoding="utf-8")
    outputs.write_open_data(cat, out / "data")
    outputs.write_finder_summaries(cat, out)
    outputs.write_companions(out, plugin.state.companions)
    thesaurus = cat.extras.get("synonyms")
    bets = {q: list(pages) for q, pages in (thesaurus.best_bets.items() if thesaurus else ())}
    write_index(out, docs, thesaurus, bets)
    if hugo is not None:
        write_hugo_site(hugo, bodies)
    return len(bodies)


def write_hugo_site(site: Path, bodies: list[tuple[str, str, str]]) -> None:
    """The same page bodies as a Hugo site (HTML content files, one layout with one menu)."""
    if site.exists():
        shutil.rmtree(site)
    (site / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (site / "layouts" / "_default" / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    menu = [{"name": n, "url": u} for n, u in (("Home", "/"), ("Hulp zoeken", "/hulp-zoeken/"), ("Gemeenten", "/gemeenten/"))]
    (site / "hugo.json").write_text(json.dumps({"baseURL": "https://example.nl/", "locale": "nl", "title": "Wijzer", "security": {"allowContent": ["text/html"]},
                                                "disableKinds": ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"],
                                                "menus": {"main": menu}}), encoding="utf-8")
    for src_uri, title, html in bodies:
        stem = src_uri.removesuffix(".md")
        name = f"{stem.removesuffix('index')}_index.html" if stem == "index" or stem.endswith("/index") else f"{stem}.html"
        target = site / "content" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"title": title}, ensure_ascii=False) + "\n" + html, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data")
    parser.add_argument("--content", default="content")
    parser.add_argument("--out", required=True)
    parser.add_argument("--hugo", default=None, help="write the same page bodies as a Hugo site here")
    args = parser.parse_args()
    pages = floor_build(Path(args.data), Path(args.content), Path(args.out), Path(args.hugo) if args.hugo else None)
    print(f"{pages} pagina's")


if __name__ == "__main__":
    main()
