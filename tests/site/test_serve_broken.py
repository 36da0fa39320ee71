"""`wijzer serve` (make serve) with broken data: the problems in the terminal and on the served page,
and the real site once the data is fixed (issue 19, item 9). Runs the real command on a copy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from test_atomic_build import make_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")
    except OSError:
        return 0, ""


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serve_shows_problems_and_recovers_when_the_data_is_fixed(tmp_path):
    project = make_project(tmp_path / "p")
    offers = project / "data" / "offers.yaml"
    good = offers.read_text(encoding="utf-8")
    offers.write_text(good.replace("    audiences:\n      - ", "    audiences:\n      - ouderz\n      - ", 1), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    temp = tmp_path / "tmp"  # where serve builds the site while it runs
    temp.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "wijzer.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "CI": "1", "TMPDIR": str(temp)})
    try:
        assert wait_for(lambda: fetch(url)[0] == 503, 60), Path(log.name).read_text(encoding="utf-8")
        status, page = fetch(url)
        assert "De gegevens bevatten fouten" in page
        assert "data/offers.yaml:" in page and "&#x27;ouderz&#x27; is geen toegestane waarde" in page
        terminal = Path(log.name).read_text(encoding="utf-8")
        assert "'ouderz' is geen toegestane waarde" in terminal
        assert f"De lijst staat ook op {url}" in terminal

        offers.write_text(good, encoding="utf-8")
        assert wait_for(lambda: fetch(url)[0] == 200, 300), Path(log.name).read_text(encoding="utf-8")
        assert "Wijzer" in fetch(url)[1]
        assert "De gegevens zijn in orde; de site start." in Path(log.name).read_text(encoding="utf-8")
        assert list(temp.iterdir()), "serve bouwde de site niet in TMPDIR"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    # stopped as a process manager stops it (SIGTERM), serve leaves no temporary site behind
    assert proc.returncode == 0, Path(log.name).read_text(encoding="utf-8")[-2000:]
    assert list(temp.iterdir()) == []
