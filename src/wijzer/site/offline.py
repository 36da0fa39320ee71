"""The downloadable offline site: ``python -m wijzer.site.offline build/wijzer-offline.zip`` (``make offline``).

Builds with ``mkdocs.offline.yml`` (Material's offline plugin, file names instead of folders),
adds the iframe-worker shim that lets the search run from ``file://`` (from ``node_modules``,
so nothing is fetched from a CDN) and zips the result under one folder, ``wijzer/``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from wijzer.site.build import build_site

ROOT = Path(__file__).resolve().parents[3]
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_TARGET = Path("assets") / "javascripts" / "iframe-worker-shim.js"  # named in mkdocs.offline.yml


def build_offline(zip_path: Path, config_file: Path = ROOT / "mkdocs.offline.yml") -> int:
    if not SHIM.exists():
        print(f"{SHIM} ontbreekt: draai eerst 'npm ci' (make offline doet dat)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "wijzer"
        status = build_site(config_file=str(config_file), site_dir=site, strict=True)
        if status:
            return status
        shutil.copyfile(SHIM, site / SHIM_TARGET)
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        archive = shutil.make_archive(str(zip_path.with_suffix("")), "zip", tmp, "wijzer")
    print(f"Offline versie: {archive} ({Path(archive).stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(build_offline(Path(sys.argv[1] if len(sys.argv) > 1 else "build/wijzer-offline.zip").resolve()))
