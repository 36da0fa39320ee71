"""Lighthouse (mobile) on every page type of a built site, served with gzip as nginx would.

Used by `make bench` (benchmarks/bench.py) for the shipped data and the national synthetic set, and
on its own:

    .venv/bin/python benchmarks/lighthouse.py site/            # prints one JSON line per page type

Each page type is measured with Lighthouse's default mobile settings (simulated slow 4G and a 4x
slower CPU), performance only, in Debian's Chromium. The figures per page: the performance score,
the cumulative layout shift and the bytes transferred (gzip) until the page has loaded, which is
what a visitor spends before the first interaction.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import json
import mimetypes
import os
import socketserver
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
COMPRESSIBLE = {"text/html", "text/css", "application/javascript", "text/javascript", "application/json",
                "image/svg+xml", "application/xml", "text/xml", "text/plain", "text/csv"}

# Budgets of issue 22: performance >= 95, CLS <= 0.05 on every page type; first view <= 100 KB gzip
# on the pages parents land on, <= 150 KB before the first interaction on the two tools.
MIN_SCORE = 95
MAX_CLS = 0.05
MAX_KB = {"home": 100, "ouders": 100, "kinderen": 100, "gemeente": 100, "aanbod": 100,
          "hulp zoeken": 150, "signaleren": 150}


@dataclass
class PageResult:
    kind: str
    path: str
    score: int
    cls: float
    kb: float  # transferred, gzip, until load
    requests: int

    @property
    def ok(self) -> bool:
        limit = MAX_KB.get(self.kind)
        return self.score >= MIN_SCORE and self.cls <= MAX_CLS and (limit is None or self.kb <= limit)


def _first(site: Path, folder: str) -> str | None:
    """The first generated page in ``folder`` (sorted), as a site-relative path ending in '/'."""
    base = site / folder
    if not base.is_dir():
        return None
    for child in sorted(base.iterdir()):
        if child.is_dir() and (child / "index.html").is_file():
            return f"{folder}/{child.name}/"
    return None


def page_types(site: Path) -> list[tuple[str, str]]:
    """(kind, path) of one page of every type the site has."""
    wanted = [
        ("home", ""), ("ouders", "ouders/"), ("kinderen", "kinderen/"), ("professionals", "professionals/"),
        ("gemeente", _first(site, "gemeenten")), ("aanbod", _first(site, "aanbod")),
        ("organisatie", _first(site, "organisaties")), ("wet en regels", _first(site, "juridisch")),
        ("hulp zoeken", "hulp-zoeken/"), ("routekaart", "routekaart/"), ("signaleren", "signaleren/"),
        ("beslishulp", next((p.parent.relative_to(site).as_posix() + "/" for p in sorted(site.glob("**/beslishulp/index.html"))), None)),
    ]
    return [(kind, path) for kind, path in wanted if path is not None and (site / path / "index.html").is_file()]


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text (nginx: gzip on, gzip_comp_level 6) and a 404 page."""

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        if ctype in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "") and len(body) >= 1024:
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Bytes(body)


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def gzip_server(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free loopback port; yields the base URL."""

    def handler(*args, **kwargs):
        return _GzipHandler(*args, directory=str(site), **kwargs)

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url: str, out: Path) -> dict:
    cmd = [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={out}", "--quiet",
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
           "--disable-background-networking --disable-component-update --disable-sync"]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, timeout=240)
    return json.loads(out.read_text(encoding="utf-8"))


def measure(site: Path, runs: int = 1) -> list[PageResult]:
    """Every page type of ``site``; with ``runs`` > 1 the median score and the worst CLS and size."""
    results = []
    with gzip_server(site) as base, tempfile.TemporaryDirectory(prefix="wijzer-lh-") as tmp:
        for kind, path in page_types(site):
            seen = []
            for i in range(runs):
                report = lighthouse(base + path, Path(tmp) / f"{i}.json")
                audits = report["audits"]
                items = audits["network-requests"]["details"]["items"]
                seen.append(PageResult(
                    kind=kind, path=path,
                    score=round(report["categories"]["performance"]["score"] * 100),
                    cls=round(audits["cumulative-layout-shift"]["numericValue"], 3),
                    kb=round(audits["total-byte-weight"]["numericValue"] / 1000, 1),
                    requests=len(items),
                ))
            seen.sort(key=lambda r: r.score)
            middle = seen[len(seen) // 2]
            results.append(PageResult(kind, path, middle.score, max(r.cls for r in seen), max(r.kb for r in seen),
                                       middle.requests))
    return results


def table(results: list[PageResult]) -> str:
    rows = ["| Pagina | Adres | Prestatie (≥ 95) | CLS (≤ 0,05) | Overgedragen (gzip) | Budget | Verzoeken | |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        limit = MAX_KB.get(r.kind)
        rows.append(f"| {r.kind} | `/{r.path}` | {r.score} | {r.cls:.3f} | {r.kb:.0f} KB | "
                    f"{f'≤ {limit} KB' if limit else '—'} | {r.requests} | {'✅' if r.ok else '❌'} |")
    return "\n".join(rows)


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    for result in measure(site):
        print(json.dumps({**asdict(result), "ok": result.ok}, ensure_ascii=False))


if __name__ == "__main__":
    main()
