"""`wijzer build` says what it is doing in a terminal (steps and pages made) and stays quiet in CI.

Runs the real build twice: once with a pseudo-terminal as its output, once as CI runs it.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_in_terminal(site: Path) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "wijzer.cli", "build", "--site-dir", str(site)], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closes when the build has ended
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=600), b"".join(chunks).decode("utf-8", "replace")


def test_a_build_in_a_terminal_shows_its_steps_and_the_pages_it_made(tmp_path):
    status, out = build_in_terminal(tmp_path / "site")
    assert status == 0, out[-3000:]
    assert re.search(r"Gegevens ingelezen: \d+ aanbod, \d+ organisaties, 342 gemeenten", out)
    total = int(re.search(r"(\d+) pagina's te maken", out).group(1))
    counts = [(int(a), int(b)) for a, b in re.findall(r"Pagina's gemaakt: (\d+) van (\d+)", out)]
    assert len(counts) >= 10 and all(b == total for _, b in counts)
    assert [a for a, _ in counts] == sorted(a for a, _ in counts) and counts[-1][0] == total
    assert "Zoekindex:" in out and "Site gebouwd in" in out
    # no noise: the pages outside the navigation by design are not listed, nor the macros' internals
    assert "not included in the \"nav\"" not in out and "[macros]" not in out


def test_a_build_in_ci_prints_only_its_result(tmp_path):
    result = subprocess.run([sys.executable, "-m", "wijzer.cli", "build", "--site-dir", str(tmp_path / "site")], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, env={**os.environ, "CI": "1", "WIJZER_SITE_URL": "https://wijzer.test/"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stderr == ""
    assert result.stdout.strip().startswith("Site gebouwd in")
