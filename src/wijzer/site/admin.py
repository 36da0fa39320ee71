"""The editors' CMS at ``admin/``: Sveltia CMS from npm, served from the site itself.

``write_admin`` copies the CMS script from ``node_modules`` (installed by ``npm ci``) into the
built site, next to a generated ``config.yml`` (see cmsconfig.py) and a small HTML page.

Sveltia CMS would fetch fonts from a CDN, check unpkg for a newer version and ask
githubstatus.com how GitHub is doing. The site makes no requests to other hosts, so the copy
points those addresses at files next to it: the fonts come from the @fontsource npm packages,
a version file says "this version", the interface texts come from the package's locales/ and a
status file says "unknown". Each replacement is
checked; an upgrade of the CMS that changes them fails the build with a message, never silently.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

CMS_PACKAGE = Path("node_modules/@sveltia/cms")
CMS_SCRIPT = "sveltia-cms.js"
FONT_URL = re.compile(r"https://cdn\.jsdelivr\.net/fontsource/fonts/([a-z0-9-]+)(:vf)?@([0-9.]+)/([a-z0-9-]+)\.woff2")
CDN = "https://unpkg.com/"
LOCAL_CDN = "./vendor/"  # what the CMS would load from unpkg: only the version file exists here
STATUS_URL = "https://www.githubstatus.com/api/v2/status.json"
LOCAL_STATUS = "github-status.json"
FOREIGN = ("https://cdn.jsdelivr.net", CDN, "githubstatus.com/api")  # links a person clicks may stay

INDEX_HTML = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>Redactie · Wijzer</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
</head>
<body>
<noscript>De redactieomgeving werkt alleen met JavaScript. Je kunt een wijziging ook op GitHub voorstellen:
lees CONTRIBUTING.md in de repository.</noscript>
<script src="sveltia-cms.js"></script>
</body>
</html>
"""


class CmsMissing(Exception):
    """The CMS package (or a font it needs) is not installed, or it changed in a way we don't know."""


@dataclass(frozen=True)
class Font:
    url: str
    local: str  # file name in admin/fonts/
    source: Path


def _font(root: Path, match: re.Match[str]) -> Font:
    family, variable, version, variant = match.groups()
    package = root / "node_modules" / ("@fontsource-variable" if variable else "@fontsource") / family
    name = f"{family}-{variant}.woff2"
    meta = package / "package.json"
    if not meta.exists():
        raise CmsMissing(f"lettertype {package.relative_to(root)} ontbreekt: voeg het toe aan package.json ({version}) en draai 'npm ci'")
    found = json.loads(meta.read_text(encoding="utf-8"))["version"]
    if found != version:
        raise CmsMissing(f"{package.relative_to(root)} is versie {found}, de CMS vraagt {version}: pas package.json aan")
    return Font(match.group(0), name, package / "files" / name)


def localise(script: str, root: Path) -> tuple[str, list[Font]]:
    """Point every address on another host at a file next to the script."""
    fonts = [_font(root, match) for match in FONT_URL.finditer(script)]
    if not fonts:
        raise CmsMissing("geen lettertypen gevonden in de CMS; is de CMS veranderd? Controleer src/wijzer/site/admin.py")
    for font in fonts:
        script = script.replace(font.url, f"fonts/{font.local}")
    if script.count(STATUS_URL) != 1 or CDN not in script:
        raise CmsMissing("de CMS gebruikt andere adressen dan verwacht; controleer src/wijzer/site/admin.py")
    script = script.replace(STATUS_URL, LOCAL_STATUS).replace(CDN, LOCAL_CDN)
    left = [host for host in FOREIGN if host in script]
    if left:
        raise CmsMissing(f"de CMS verwijst nog naar {', '.join(left)}")
    return script, fonts


def write_admin(root: Path, target: Path, config_yaml: str) -> Path:
    """Write ``target`` (the site's ``admin/``): page, patched CMS script, fonts, config."""
    package = root / CMS_PACKAGE
    script_file = package / "dist" / CMS_SCRIPT
    if not script_file.exists():
        raise CmsMissing(f"{script_file.relative_to(root)} ontbreekt: draai 'npm ci' (of 'make site')")
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    script, fonts = localise(script_file.read_text(encoding="utf-8"), root)
    (target / "fonts").mkdir(parents=True, exist_ok=True)
    (target / CMS_SCRIPT).write_text(script, encoding="utf-8")
    shutil.copyfile(package / "LICENSE.txt", target / "sveltia-cms.LICENSE.txt")
    for font in fonts:
        shutil.copyfile(font.source, target / "fonts" / font.local)
        licence = font.source.parent.parent / "LICENSE"
        if licence.exists():
            shutil.copyfile(licence, target / "fonts" / f"{font.local.split('-latin')[0]}.LICENSE.txt")
    version_file = target / "vendor" / "@sveltia" / "cms" / "package.json"
    version_file.parent.mkdir(parents=True, exist_ok=True)
    version_file.write_text(json.dumps({"name": "@sveltia/cms", "version": version}) + "\n", encoding="utf-8")
    # the interface text in the editor's language (Dutch for most), which it would fetch from unpkg
    shutil.copytree(package / "locales", target / "vendor" / "@sveltia" / f"cms@{version}" / "locales", dirs_exist_ok=True)
    (target / LOCAL_STATUS).write_text(json.dumps({"status": {"indicator": "unknown"}}) + "\n", encoding="utf-8")
    (target / "config.yml").write_text(config_yaml, encoding="utf-8")
    (target / "index.html").write_text(INDEX_HTML, encoding="utf-8")
    return target


def cms_settings(extra: dict, environ: dict[str, str]) -> dict | None:
    """Where the CMS saves, from ``extra.wijzer.cms`` in mkdocs.yml or the environment;
    None when it is switched off (``enabled: false`` or ``WIJZER_CMS=off``)."""
    from wijzer.editors.cmsconfig import parse_repo

    cms = extra.get("cms") or {}
    if environ.get("WIJZER_CMS", "").lower() in ("off", "0", "false", "uit") or cms.get("enabled") is False:
        return None
    parsed = parse_repo(extra.get("edit_data_base")) or ("", "main")
    repo = environ.get("WIJZER_CMS_REPO") or cms.get("repo") or parsed[0]
    if not repo:
        raise CmsMissing("geen repository voor de CMS: zet extra.wijzer.cms.repo of WIJZER_CMS_REPO (eigenaar/naam)")
    return {
        "repo": repo,
        "branch": environ.get("WIJZER_CMS_BRANCH") or cms.get("branch") or parsed[1],
        "base_url": environ.get("WIJZER_CMS_AUTH_URL") or cms.get("auth_url") or None,
        "data_dir": str(extra.get("data_dir", "data")),
    }


def build_admin(root: Path, site_dir: Path, extra: dict, environ: dict[str, str], site_url: str | None) -> Path | None:
    """The whole ``admin/`` folder for one build, or None when the CMS is switched off."""
    from wijzer.editors.cmsconfig import cms_config, render_config

    settings = cms_settings(extra, environ)
    if settings is None:
        return None
    config = cms_config(settings["repo"], settings["branch"], data_dir=settings["data_dir"], base_url=settings["base_url"], site_url=site_url)
    return write_admin(root, site_dir / "admin", render_config(config))
