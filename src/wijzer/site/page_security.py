"""Content-Security-Policy and HTML repair for every page MkDocs writes: refuse executable
content, move the theme's inline scripts out, add the ``<meta>``, mend Material's few invalid
attributes (wijzer.site.csp, wijzer.site.html_fixes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from wijzer.pages.render import external_rel
from wijzer.site import csp
from wijzer.site.html_fixes import fix_theme_html

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_WHY = "Dat mag niet: de site voert alleen eigen scripts uit (Content-Security-Policy, zie docs/security.md)."


def check_page_content(content: str, name: str) -> None:
    """A page's own content (from Markdown and macros) may not carry scripts, handlers or styles."""
    found = csp.check_content(content)
    if found:
        raise PluginError(f"{name}: de inhoud bevat {'; '.join(found)}. {_WHY}")


def secure_page(output: str, config: MkDocsConfig, dest_uri: str, name: str, *, serving: bool, offline: bool) -> str:
    """A whole page as MkDocs wrote it, made safe; ``dest_uri`` gives the way back to the site's root."""
    prefix = "../" * dest_uri.count("/")
    return secure(external_rel(output), config, prefix, name, serving=serving, offline=offline)


def secure(output: str, config: MkDocsConfig, prefix: str, name: str, *, serving: bool, offline: bool) -> str:
    """The offline build (mkdocs.offline.yml): its search runs in Material's iframe shim, which
    writes an inline script, so that build has no CSP <meta>; it is opened from disk, no network.
    The preview (``serving``) checks the content only."""
    output = fix_theme_html(output)  # Nu Html Checker: Material's few invalid attributes
    try:
        return csp.secure_page(
            output,
            config.site_dir,
            prefix,
            tuple(config.theme.dirs),
            meta=not serving and not offline,
            check=not serving,
        )
    except csp.UnsafePage as exc:
        raise PluginError(f"{name}: de pagina bevat {exc}. {_WHY}") from exc


def not_for_robots(output: str) -> str:
    """The editors' report: not for search engines."""
    return output.replace("<head>", '<head>\n<meta name="robots" content="noindex, nofollow">', 1)
