"""What the Wijzer plugin knows during one build (``BuildState``) and what it keeps between the
rebuilds of ``wijzer serve`` (``ServeMemory``). Both live on the plugin instance: MkDocs keeps a
plugin with ``on_startup`` across the rebuilds of one ``serve``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wijzer.core.catalogue import Catalogue
from wijzer.pages.kinds import GeneratedPage, RenderedPage
from wijzer.site.template_cache import MemoryBytecode


@dataclass
class Progress:
    """Pages written so far, of how many (a line per tenth in a terminal)."""

    done: int = 0
    total: int = 0


@dataclass
class BuildState:
    """One build: the checked data, the generated pages by source path, and what the search glue collects."""

    catalogue: Catalogue | None = None
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    titles: dict[str, Any] = field(default_factory=dict)  # section titles per URL, for search
    built: set[str] = field(default_factory=set)  # URLs of the pages written in this build
    urls: set[str] = field(default_factory=set)  # URLs of every page of the site (as page.url)
    progress: Progress = field(default_factory=Progress)
    bodies: dict[str, RenderedPage] = field(default_factory=dict)  # serve: generated pages, rendered once for hashing
    companions: dict[str, str] = field(default_factory=dict)  # site path -> text a macro made next to its page


@dataclass
class ServeMemory:
    """Kept between the rebuilds of `wijzer serve` (``dirty``), so a rebuild writes only what changed."""

    dirty: bool = False
    serving: bool = False
    hashes: dict[str, bytes] | None = None  # generated page -> hash of its HTML in the previous build
    previous_catalogue: Catalogue | None = None
    settings: bytes | None = None  # mkdocs.yml as it was
    pages_may_skip: bool = False  # no hand-written page and no setting changed
    contents: dict[str, str] = field(default_factory=dict)  # hand-written page -> its HTML last time
    search_index: dict | None = None
    cms: tuple | None = None
    bytecode: MemoryBytecode = field(default_factory=MemoryBytecode)
