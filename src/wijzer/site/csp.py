"""Content-Security-Policy: one strict policy, the same in every page's ``<meta>`` and in the host's header.

The site runs only scripts from its own origin (``script-src 'self'``, no ``'unsafe-inline'``,
no hashes). Two things make that possible:

- ``check_content`` fails the build when the content of a page (hand-written Markdown, macro
  output or a generated page) contains anything executable: a ``<script>`` that is not a JSON
  data block, an ``on…=`` event handler, a ``javascript:`` URL, an ``<iframe>``/``<object>``/
  ``<embed>``/``<base>``, a ``<meta http-equiv>``, or an inline ``style`` (blocked by the policy).
- ``secure_page`` moves the theme's own inline scripts (Material's ``__md_scope``/``__md_get``
  helpers and similar) into files under ``assets/wijzer-inline/`` named by their SHA-256, and
  puts the policy in a ``<meta>`` as the first thing after ``<meta charset>``. Only a script that
  one of the theme's templates wrote is moved: its text must match a ``<script>`` in a template
  file (``{{ ... }}`` may stand for text that cannot leave a JavaScript string). Any other inline
  script, or an event handler, ``javascript:`` URL or frame anywhere in the page (title, header,
  navigation included), fails the build. JSON data blocks (``<script type="application/json">``,
  such as Material's ``__config``) are not executed and stay inline.

Because nothing inline runs, the policy does not vary per page or per theme version, so hosts
can send exactly ``header_policy()`` as an HTTP header (docs/security.md has the text).
"""

from __future__ import annotations

import hashlib
import html
import re
from functools import lru_cache
from pathlib import Path

# What the site needs, and nothing more. default-src 'none' denies everything not listed.
POLICY: dict[str, str] = {
    "default-src": "'none'",
    "script-src": "'self'",  # our own files only; lunr search runs in a worker from our origin
    "style-src": "'self'",  # no inline styles either
    "img-src": "'self' data:",  # Material's icons are data: SVGs in its CSS
    "font-src": "'self'",
    "connect-src": "'self'",  # the search worker fetches search/search_index.json
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "form-action": "'self'",  # the finder's form falls back to a GET on its own page
    "base-uri": "'none'",
    "object-src": "'none'",
}
# Directives a browser ignores (and warns about) in a <meta>: only in the HTTP header.
HEADER_ONLY: dict[str, str] = {"frame-ancestors": "'none'"}

INLINE_DIR = "assets/wijzer-inline"

_JS_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
    "application/x-javascript", "application/x-ecmascript", "text/jscript", "text/livescript",
    "text/x-javascript", "text/x-ecmascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5",
}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping"}
_FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "style", "link"}
_SCRIPT_URL = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_SCRIPT_BLOCK = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)


class UnsafePage(Exception):
    """The page holds something that could run code; the message says what."""


# What a template expression inside an inline script may expand to: nothing that ends a string.
_EXPRESSION_VALUE = r"""[^"'`\\<>\n]*"""


@lru_cache(maxsize=8)
def template_scripts(theme_dirs: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Patterns for the inline scripts the theme's templates can write (from their source files)."""
    patterns: set[str] = set()
    for folder in theme_dirs:
        for template in sorted(Path(folder).rglob("*.html")):
            for match in _SCRIPT_BLOCK.finditer(template.read_text(encoding="utf-8", errors="replace")):
                attrs = _attributes(match.group(1))
                if "src" in attrs or not is_executable(attrs.get("type")) or "{%" in match.group(2):
                    continue
                parts = re.split(r"\{\{.*?\}\}", match.group(2), flags=re.DOTALL)
                patterns.add(_EXPRESSION_VALUE.join(re.escape(part) for part in parts))
    return tuple(re.compile(p, re.DOTALL) for p in sorted(patterns))


def meta_policy() -> str:
    return "; ".join(f"{name} {value}" for name, value in POLICY.items())


def header_policy() -> str:
    return "; ".join(f"{name} {value}" for name, value in {**POLICY, **HEADER_ONLY}.items())


def is_executable(script_type: str | None) -> bool:
    """Whether a browser would run a ``<script>`` with this ``type`` (per the HTML standard)."""
    return script_type is None or script_type.strip().lower() in _JS_TYPES


# Tokens, left to right as an HTML parser reads them: a comment, or a start tag (attribute
# grammar of the HTML tokenizer: quotes delimit only values, quoted values may contain '>'). After <script>/<style> everything up to the end tag is
# raw text (no tags in it); an unclosed comment or raw-text element runs to the end.
_TOKEN = re.compile(r"""<!--.*?(?:-->|\Z)|<([a-zA-Z][^\s/>]*+)((?:\s++|/|[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?)*+)>""", re.DOTALL)
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
_ATTR_PARSE = re.compile(r"""([^\s/>][^\s/>=]*+)(?:\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s>]*+)))?""")


def _tags(text: str, keep=None):
    """(tag, [(attribute, value)]) for every start tag, names lower-cased, values unescaped.

    ``keep(tag, raw_attributes)``, if given, picks the tags worth parsing: the others are skipped
    (still tokenized, so raw text and comments are read the same way).

    A regular-expression tokenizer: several times faster than ``html.parser`` on whole pages,
    which matters when every page of a national build is checked (tests/unit/test_csp_scan.py
    compares it with ``html.parser`` on every real page and the hostile corpus)."""
    pos = 0
    while True:
        match = _TOKEN.search(text, pos)
        if match is None:
            return
        pos = match.end()
        if match.group(1) is None:  # a comment
            continue
        tag = match.group(1).lower()
        if keep is not None and not keep(tag, match.group(2)):
            if tag in _RAW_END:
                end = _RAW_END[tag].search(text, pos)
                pos = end.end() if end else len(text)
            continue
        attrs = []
        for a in _ATTR_PARSE.finditer(match.group(2)):
            value = next((g for g in a.groups()[1:] if g is not None), None)
            if value is not None and "&" in value:
                value = html.unescape(value)
            attrs.append((a.group(1).lower(), value))
        yield tag, attrs
        if tag in _RAW_END:
            end = _RAW_END[tag].search(text, pos)
            pos = end.end() if end else len(text)


def _content_findings(tag: str, attrs: list[tuple[str, str | None]]) -> list[str]:
    found = []
    names = dict(attrs)
    if tag == "script" and is_executable(names.get("type")):
        found.append("een <script> (zet JavaScript in overrides/assets/ en noem het in extra_javascript)")
    if tag in _FORBIDDEN_TAGS:
        found.append(f"een <{tag}>-element")
    if tag == "meta" and "http-equiv" in names:
        found.append("een <meta http-equiv>")
    for name, value in attrs:
        # browsers drop tabs, line ends and control characters inside URLs: "java\tscript:" runs
        url = re.sub(r"[\x00-\x20]", "", value or "")
        scheme = _SCRIPT_URL.match(url)
        if name.startswith("on"):
            found.append(f"een event-handler {name}= op <{tag}>")
        elif name == "style":
            found.append(f"een style-attribuut op <{tag}> (gebruik een class in overrides/assets/*.css)")
        elif scheme and scheme.group(1).lower() != "data":
            # any attribute: SVG's <set to=...> and <animate values=...> can turn into a link
            found.append(f"een {scheme.group(1).lower()}:-link in {name}= op <{tag}>")
        elif scheme and name in _URL_ATTRS and not (tag == "img" and url.lower().startswith("data:image/")):
            found.append(f"een data:-link in {name}= op <{tag}>")
    return found


def _page_findings(tag: str, attrs: list[tuple[str, str | None]]) -> list[str]:
    found = []
    names = dict(attrs)
    if tag == "script" and "src" not in names and is_executable(names.get("type")):
        found.append("een inline <script> die geen sjabloon van het thema schreef")
    if tag in ("iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"):
        found.append(f"een <{tag}>-element")
    for name, value in attrs:
        if name.startswith("on"):
            found.append(f"een event-handler {name}= op <{tag}>")
        elif value and ":" in value and _PAGE_SCRIPT_URL.match(_URL_IGNORED.sub("", value)):
            found.append(f"een script-link in {name}= op <{tag}>")
    return found


_URL_IGNORED = re.compile(r"[\x00-\x20]")
_PAGE_SCRIPT_URL = re.compile(r"(javascript|vbscript):", re.IGNORECASE)


def check_content(content: str) -> list[str]:
    """What in a page's content would run code or break the policy; empty when the content is inert."""
    return list(dict.fromkeys(f for tag, attrs in _tags(content, _content_suspect) for f in _content_findings(tag, attrs)))


def _content_suspect(tag: str, raw: str) -> bool:
    """Whether a start tag could give a content finding (see ``_page_suspect``; also styles)."""
    return (tag in _FORBIDDEN_TAGS or tag in ("script", "meta") or ":" in raw or "&" in raw
            or _MAYBE_HANDLER.search(raw) is not None or "style" in raw.lower())


def _attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "") for m in _ATTR.finditer(text)}


_PAGE_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})
_MAYBE_HANDLER = re.compile(r"(?:^|[\s/\"'])on", re.IGNORECASE)


def _page_suspect(tag: str, raw: str) -> bool:
    """Whether a start tag could give a page finding: a listed element, an attribute that may be
    an event handler, or a value that may be a script link (a ':' or, after unescaping, '&#58;')."""
    return tag in _PAGE_TAGS or ":" in raw or "&" in raw or _MAYBE_HANDLER.search(raw) is not None


def check_page(output: str) -> list[str]:
    """Anything in a whole page (after the theme's scripts moved out) that could run code."""
    return list(dict.fromkeys(f for tag, attrs in _tags(output, _page_suspect) for f in _page_findings(tag, attrs)))


def secure_page(
    output: str, site_dir: str | Path, fallback_prefix: str, theme_dirs: tuple[str, ...], *, meta: bool = True, check: bool = True
) -> str:
    """Move the theme's inline scripts into files, check the whole page, add the policy as a ``<meta>``.

    ``fallback_prefix`` is the relative path from this page to the site root; normally the prefix
    is taken from the theme's own script links, so it matches however the theme links assets.
    Raises ``UnsafePage`` when anything else in the page could run code (unless ``check`` is
    false: `wijzer serve` checks only the content, the one part that comes from editors)."""
    known = template_scripts(theme_dirs)
    bundle = re.search(r'<script\s+src="([^"]*?)assets/javascripts/bundle\.', output)
    prefix = bundle.group(1) if bundle else fallback_prefix

    def externalise(match: re.Match[str]) -> str:
        attrs = _attributes(match.group(1))
        body = match.group(2)
        if "src" in attrs or not is_executable(attrs.get("type")):
            return match.group(0)
        if not any(pattern.fullmatch(body) for pattern in known):
            return match.group(0)  # not the theme's: check_page below refuses it
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:20]
        target = Path(site_dir, INLINE_DIR, f"{digest}.js")
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
        keep = "".join(f' {name}="{value}"' for name, value in attrs.items() if name in ("type", "id"))
        return f'<script src="{prefix}{INLINE_DIR}/{digest}.js"{keep}></script>'

    output = _SCRIPT_BLOCK.sub(externalise, output)
    found = check_page(output) if check else []
    if found:
        raise UnsafePage("; ".join(found))
    if not meta:
        return output
    tag = f'<meta http-equiv="Content-Security-Policy" content="{meta_policy()}">'
    charset = _CHARSET.search(output)
    if charset:
        return output[: charset.end()] + "\n    " + tag + output[charset.end() :]
    return re.sub(r"<head(\s[^>]*)?>", lambda m: m.group(0) + tag, output, count=1)
