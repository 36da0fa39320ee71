"""``wijzer serve`` with broken data: say what is wrong, in the terminal and in the browser, and start
the live site as soon as the data is fixed.

MkDocs cannot build a site from data with errors, so without this ``make serve`` would stop before it
prints the address, and a browser pointed at it would wait. Instead a small server answers on the same
address with the list of problems (escaped text, no scripts; the page reloads itself every two
seconds), and the data folder is checked again on every change.
"""

from __future__ import annotations

import html
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from wijzer.core.problems import MAX_SHOWN, Problem, report

POLL_S = 0.3
_CSP = "default-src 'none'; style-src 'unsafe-inline'"  # a page with only text: nothing can load or run


def problems_page(problems: list[Problem]) -> bytes:
    items = "\n".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in problems[:MAX_SHOWN])
    more = f"<p>… en nog {len(problems) - MAX_SHOWN} problemen</p>" if len(problems) > MAX_SHOWN else ""
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wijzer: de gegevens bevatten fouten</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}}code{{white-space:pre-wrap}}li{{margin:.5rem 0}}</style>
</head><body>
<h1>De gegevens bevatten fouten</h1>
<p>Herstel ze en sla het bestand op. Deze pagina ververst zichzelf; zodra alles klopt, start de site hier.</p>
<ul>
{items}
</ul>
{more}
</body></html>
""".encode()


def _stamp(folders: list[Path]) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()))


def wait_until_valid(check: Callable[[], list[Problem]], watch: list[Path], host: str, port: int,
                     out: object = sys.stderr) -> None:
    """Return at once if ``check()`` finds no errors; else serve the problems on host:port until it does."""
    problems = check()
    if not any(p.severity == "error" for p in problems):
        return
    state = {"page": problems_page(problems)}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            body = state["page"]
            self.send_response(503)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", _CSP)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet terminal
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    say = lambda text: print(text, file=out, flush=True)  # type: ignore[call-overload]  # noqa: E731
    say(report(problems, MAX_SHOWN))
    say(f"De site start nog niet: herstel de fouten hierboven. De lijst staat ook op http://{host}:{port}/")
    stamp = _stamp(watch)
    try:
        while True:
            time.sleep(POLL_S)
            now = _stamp(watch)
            if now == stamp:
                continue
            stamp = now
            problems = check()
            if not any(p.severity == "error" for p in problems):
                say("De gegevens zijn in orde; de site start.")
                return
            state["page"] = problems_page(problems)
            say(report(problems, MAX_SHOWN))
            say(f"Nog niet in orde; zie ook http://{host}:{port}/")
    finally:
        server.shutdown()
        server.server_close()
