"""`wijzer serve` (make serve), as an editor uses it: the real command on a copy of the project.

- With broken data it shows the problems in the terminal and on the served page; once the data is
  fixed it serves the real site (issue 19, item 9).
- An edit in data/ reaches the served page: the plugin watches the data folder, and serve rebuilds
  only what the edit changed (wijzer.site.rebuilds: skipped pages, remembered templates and search
  expansions, one sidebar per folder). The site it then serves must be exactly the site a clean
  build of the edited data gives, search files included.
- Stopped as a process manager stops it (SIGTERM), it leaves nothing behind.

One session of the command for all of it: each start builds the whole site."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from test_build import make_project


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


# A clean build as serve builds (MkDocs' build with serve's address, plugins started for serve), in a
# separate process: argv is the site folder and the address.
CLEAN_BUILD = r"""
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config

site, url = sys.argv[1:3]
config = load_config(config_file="mkdocs.yml", site_dir=site, strict=False)
config.site_url = url
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url=url, dirty=False)
"""


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def settled_site(temp: Path) -> dict[str, bytes]:
    """The site serve built in ``temp``, once it has stopped changing (the rebuild has ended)."""
    [site] = list(temp.iterdir())
    previous = None
    while True:
        current = files(site)
        digest = hashlib.sha256(b"".join(name.encode() + hashlib.sha256(raw).digest() for name, raw in current.items())).digest()
        if digest == previous:
            return current
        previous = digest
        time.sleep(0.5)


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serve_shows_problems_recovers_follows_edits_and_cleans_up(tmp_path):
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

        # A national offer renamed (it stands on every gemeente page) and its description changed:
        # the edit reaches the served page.
        kies = url + "aanbod/kies/"
        assert "Hernoemd KIES" not in fetch(kies)[1]
        edited = good
        for before, after in (("name: KIES", "name: Hernoemd KIES"), ("In een KIES-groep praten", "In een KIES-groep spelen en praten")):
            assert before in edited, f"the test edits KIES: {before!r} is not where the test looks"
            edited = edited.replace(before, after, 1)
        offers.write_text(edited, encoding="utf-8")
        assert wait_for(lambda: "Hernoemd KIES" in fetch(kies)[1], 300), Path(log.name).read_text(encoding="utf-8")
        served = settled_site(temp)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    # stopped as a process manager stops it (SIGTERM), serve leaves no temporary site behind
    assert proc.returncode == 0, Path(log.name).read_text(encoding="utf-8")[-2000:]
    assert list(temp.iterdir()) == []

    # what serve rebuilt is what a clean build of the edited data gives
    clean = tmp_path / "clean"
    result = subprocess.run([sys.executable, "-c", CLEAN_BUILD, str(clean), url], cwd=project,
                            capture_output=True, text=True, timeout=900, env={**os.environ, "CI": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    want = files(clean)
    assert sorted(served) == sorted(want)
    differ = [name for name in want if served[name] != want[name]]
    assert differ == [], f"na de wijziging anders dan een schone build: {differ[:10]}"
    assert "spelen en praten" in served["aanbod/kies/index.html"].decode()
    assert "Hernoemd KIES" in served["gemeenten/utrecht/index.html"].decode()
