"""The ``wijzer`` command: a thin adapter over the core. Exit status 1 on any problem."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
from pathlib import Path

from wijzer.core import clock
from wijzer.core.catalogue import load_catalogue
from wijzer.core.problems import MAX_SHOWN, annotations, report


def _print_problems(problems: list, *, github: bool, limit: int | None = MAX_SHOWN) -> None:
    if problems:
        print(report(problems, limit), file=sys.stderr)
    if github:
        for line in annotations(problems):
            print(line)


def cmd_validate(args: argparse.Namespace) -> int:
    from wijzer.core.prose import check_content, check_data_phones, check_data_readability

    today = dt.date.fromisoformat(args.today) if args.today else None
    result = load_catalogue(args.data, today=today)
    if not result.errors:  # text checks read valid data only; a broken file gives its own message first
        result.problems.extend(check_data_phones(result.sources) + check_data_readability(result.sources))
        result.problems.extend(check_content(Path(args.content), result.sources, display=args.content.rstrip("/")))
    github = args.github or os.environ.get("GITHUB_ACTIONS") == "true"
    pages = _content_problems(Path(args.content), result.catalogue)
    _print_problems(sorted([*result.problems, *pages]), github=github, limit=None if args.all else MAX_SHOWN)
    failed = bool(result.errors) or bool(pages) or (args.strict and bool(result.warnings))
    if not failed:
        cat = result.catalogue
        assert cat is not None
        print(
            f"Gegevens in orde: {len(cat.offers)} aanbod, {len(cat.organisations)} organisaties, "
            f"{len(cat.gemeenten)} gemeenten, {len(cat.topics)} juridische onderwerpen."
        )
    elif args.strict and not result.errors:
        print("--strict: waarschuwingen tellen als fouten.", file=sys.stderr)
    return 1 if failed else 0


def _content_problems(content: Path, cat: object) -> list:
    """Phone references and references to entries (cards, links, tiers) on the hand-written pages
    in ``content`` (if that folder exists)."""
    from wijzer.core.contactrefs import page_problems
    from wijzer.core.pagerefs import page_ref_problems

    if cat is None or not content.is_dir():
        return []
    found = []
    for path in sorted(content.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        found += page_problems(text, path.as_posix(), cat.organisations)  # type: ignore[attr-defined]
        found += page_ref_problems(text, path.as_posix(), cat)
    return found


def cmd_build(args: argparse.Namespace) -> int:
    from wijzer.site.build import build_site

    return build_site(config_file=args.config, site_dir=Path(args.site_dir), strict=args.strict)


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands import serve as mkdocs_serve
    from mkdocs.config import load_config

    from wijzer.site.serve_guard import wait_until_valid

    config = load_config(args.config)
    plugin = config.plugins.get("wijzer")
    data = Path(config.config_file_path).parent / (os.environ.get("WIJZER_DATA") or (plugin.config.data_dir if plugin else "data"))
    host, _, port = args.dev_addr.rpartition(":")
    # Stopped by a process manager, a container or an editor's task runner (SIGTERM), serve stops
    # as on Ctrl-C: MkDocs then removes the temporary folder it builds the site in.
    signal.signal(signal.SIGTERM, _stop)
    try:
        # broken data: the problems in the terminal and on the address itself, until they are fixed
        wait_until_valid(lambda: load_catalogue(data).problems, [data, Path(config.docs_dir)], host, int(port))
    except KeyboardInterrupt:
        return 0
    # dirty: after the first build only changed pages are rebuilt (wijzer.site.rebuilds); the plugin
    # watches the data folder too (WijzerPlugin.on_serve)
    mkdocs_serve.serve(config_file=args.config, dev_addr=args.dev_addr, livereload=True, build_type="dirty", strict=False)
    return 0


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cmd_new(args: argparse.Namespace) -> int:
    from wijzer.editors.scaffold import scaffold

    return scaffold(args.kind, args.id, data_dir=Path(args.data), append=args.append)


def cmd_init(args: argparse.Namespace) -> int:
    from wijzer.editors.platform_init import InitError, init_platform

    target = Path(args.map)
    try:
        written = init_platform(target, site_name=args.name)
    except InitError as exc:
        print(f"wijzer init: {exc}", file=sys.stderr)
        return 1
    print(f"Nieuw platform in {target}/ ({len(written)} bestanden). Daarna:\n  cd {target}\n  wijzer validate\n  wijzer build --strict")
    return 0


def cmd_fmt(args: argparse.Namespace) -> int:
    from wijzer.editors.fmt import format_files

    paths = [Path(f) for f in args.files] or sorted(Path(args.data).glob("*.yaml"))
    changed, failed = format_files(paths, check=args.check)
    for path, reason in failed:
        print(f"{path}: {reason}", file=sys.stderr)
    for path in changed:
        if args.check:
            print(f"{path}: niet in de vaste opmaak; draai 'wijzer fmt' en commit het resultaat", file=sys.stderr)
        else:
            print(f"opgemaakt: {path}")
    if not changed and not failed:
        print(f"{len(paths)} bestand{'en' if len(paths) != 1 else ''} in de vaste opmaak.")
    return 1 if failed or (args.check and changed) else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from wijzer.editors.schema import write_schemas

    for path in write_schemas(Path(args.out)):
        print(f"geschreven: {path}")
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from wijzer.editors.synth import synthesize

    counts = synthesize(Path(args.out), offers=args.offers, organisations=args.organisations,
                        gemeenten=args.gemeenten, seed=args.seed, source=Path(args.data))
    print(f"Synthetische gegevens in {args.out}/: {counts['offers']} aanbod, {counts['organisations']} organisaties, {counts['gemeenten']} gemeenten.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import datetime as dt

    from wijzer.editors.report import load_report, to_markdown

    today = dt.date.fromisoformat(args.today) if args.today else None
    findings = load_report(Path(args.data), Path(args.content), today)
    print(to_markdown(findings), end="")
    return 1 if findings.errors else 0


def cmd_docs(args: argparse.Namespace) -> int:
    from wijzer.editors.fieldref import update

    path = Path(args.file)
    if update(path, check=args.check):
        print(f"{path}: het veldenoverzicht is actueel.")
        return 0
    if args.check:
        print(f"{path}: het veldenoverzicht is verouderd; draai 'wijzer docs' en commit het resultaat.", file=sys.stderr)
        return 1
    print(f"{path}: veldenoverzicht bijgewerkt.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wijzer", description="Kennisplatform kind en scheiding: controleren en bouwen.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="controleer alle gegevens in data/ en meld elk probleem met bestand en regel")
    p.add_argument("--data", default="data", help="map met de YAML-bestanden (standaard: data)")
    p.add_argument("--strict", action="store_true", help="waarschuwingen (bijvoorbeeld verlopen controles) tellen als fout")
    p.add_argument("--github", action="store_true", help="print ook GitHub-annotaties (automatisch in GitHub Actions)")
    p.add_argument("--content", default="content", help="map met de handgeschreven pagina's (telefoonnummers, gewone taal; standaard: content)")
    p.add_argument("--all", action="store_true", help=f"toon alle problemen (standaard de eerste {MAX_SHOWN})")
    p.add_argument("--today", default=None, help="controleer alsof het deze datum is (JJJJ-MM-DD)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("build", help="bouw de site naar site/; bij een fout blijft de vorige site staan")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--strict", action="store_true", help="waarschuwingen laten de bouw mislukken")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="live voorbeeld op http://127.0.0.1:8000/")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--dev-addr", default="127.0.0.1:8000")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("new", help="maak een geldig nieuw item (met de datum van vandaag)")
    p.add_argument("kind", choices=["offer", "organisation", "topic"])
    p.add_argument("id", nargs="?", default=None, help="id (kleine letters en streepjes)")
    p.add_argument("--data", default="data")
    p.add_argument("--append", action="store_true", help="voeg het toe aan het databestand in plaats van het te tonen")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("synth", help="maak synthetische gegevens op landelijke schaal (voor de benchmark)")
    p.add_argument("--out", required=True, help="doelmap (wordt overschreven)")
    p.add_argument("--offers", type=int, default=5000)
    p.add_argument("--organisations", type=int, default=3000)
    p.add_argument("--gemeenten", type=int, default=342)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--data", default="data", help="de echte gegevens die als basis dienen")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("report", help="inhoudsrapport in Markdown: verlopen controles, bronnen, toegang per gemeente, verwijzingen")
    p.add_argument("--data", default="data")
    p.add_argument("--content", default="content", help="map met de handgeschreven pagina's")
    p.add_argument("--today", default=None, help="rapporteer alsof het deze datum is (JJJJ-MM-DD)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("docs", help="werk het veldenoverzicht in CONTRIBUTING.md bij vanuit het datamodel")
    p.add_argument("--file", default="CONTRIBUTING.md")
    p.add_argument("--check", action="store_true", help="niets schrijven; exit 1 als het overzicht verouderd is")
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("init", help="maak een nieuw platform in een lege map: mkdocs.yml, voorbeeldgegevens, content/ en thema")
    p.add_argument("map", help="de nieuwe map")
    p.add_argument("--name", default="Hulp bij scheiding", help="de naam van de site")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("fmt", help="zet de databestanden in de vaste opmaak (dezelfde als de redactieomgeving); opmerkingen blijven staan")
    p.add_argument("files", nargs="*", help="bestanden (standaard: alle .yaml in --data)")
    p.add_argument("--data", default="data")
    p.add_argument("--check", action="store_true", help="niets schrijven; exit 1 als een bestand niet in de vaste opmaak staat")
    p.set_defaults(func=cmd_fmt)

    p = sub.add_parser("schema", help="schrijf de JSON Schema's voor editors naar schema/")
    p.add_argument("--out", default="schema")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        clock.today()  # a WIJZER_TODAY that is not a date stops every command before it starts
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
