"""`wijzer build` says what it is doing in a terminal (steps and pages made) and stays quiet in CI.

Two real builds of the real data: the run's second shared site, built with a pseudo-terminal as its
output (conftest.region_site), and the shared site, built as CI builds it (conftest.built_site).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_build_in_a_terminal_shows_its_steps_and_the_pages_it_made(region_site):
    _, status, out = region_site
    assert status == 0, out[-3000:]
    assert re.search(r"Gegevens ingelezen: \d+ aanbod, \d+ organisaties, 342 gemeenten", out)
    total = int(re.search(r"(\d+) pagina's te maken", out).group(1))
    counts = [(int(a), int(b)) for a, b in re.findall(r"Pagina's gemaakt: (\d+) van (\d+)", out)]
    assert len(counts) >= 10 and all(b == total for _, b in counts)
    assert [a for a, _ in counts] == sorted(a for a, _ in counts) and counts[-1][0] == total
    assert "Zoekindex:" in out and "Site gebouwd in" in out
    # no noise: the pages outside the navigation by design are not listed, nor the macros' internals
    assert "not included in the \"nav\"" not in out and "[macros]" not in out


def test_a_build_in_ci_prints_only_its_result(tmp_path, built_site_output):
    printed = built_site_output
    if printed is None:  # the shared site was built elsewhere (WIJZER_TEST_SITE): build here
        result = subprocess.run([sys.executable, "-m", "wijzer.cli", "build", "--site-dir", str(tmp_path / "site")], cwd=ROOT,
                                capture_output=True, text=True, timeout=600, env={**os.environ, "CI": "1", "WIJZER_SITE_URL": "https://wijzer.test/"})
        assert result.returncode == 0, result.stderr[-3000:]
        printed = {"stdout": result.stdout, "stderr": result.stderr}
    assert printed["stderr"] == ""
    assert printed["stdout"].strip().startswith("Site gebouwd in")
