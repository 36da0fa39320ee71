"""`wijzer serve` rebuilds only what changed (MkDocs' ``dirty`` builds).

MkDocs asks each file ``is_modified()`` before it reads and before it writes a page. Our files
(``TrackedFile``) answer from what the plugin knows: a generated page whose HTML is the same as
in the previous build is skipped; hand-written pages are read again when the data changed (their
macros show data), and skipped after all when their content came out the same — unless a
hand-written page or mkdocs.yml changed, which can change the navigation or the theme of every
page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from wijzer.core.catalogue import Catalogue
    from wijzer.pages.kinds import GeneratedPage, RenderedPage
    from wijzer.site.state import BuildState, ServeMemory


class TrackedFile(File):
    """A MkDocs file whose ``is_modified`` the plugin may decide (None: MkDocs decides, by dates)."""

    modified: bool | None = None

    def is_modified(self) -> bool:
        return super().is_modified() if self.modified is None else self.modified

    @classmethod
    def tracking(cls, file: File) -> TrackedFile:
        """The same hand-written file, as a ``TrackedFile``."""
        tracked = cls(file.src_path, file.src_dir, file.dest_dir, file.use_directory_urls, dest_uri=file.dest_uri, inclusion=file.inclusion)
        tracked.abs_src_path = file.abs_src_path
        return tracked


def track_handwritten(files: Files, skip: set[str]) -> Files:
    """Every hand-written page (not in ``skip``) as a ``TrackedFile`` (only `wijzer serve` needs this)."""
    for file in list(files.documentation_pages()):
        if file.src_uri not in skip and not isinstance(file, TrackedFile) and file.generated_by is None:
            files.remove(file)
            files.append(TrackedFile.tracking(file))
    return files


def mark_unchanged(
    files: Files,
    state: BuildState,
    memory: ServeMemory,
    config: MkDocsConfig,
    render: Callable[[GeneratedPage], RenderedPage],
    extra_uris: set[str],
) -> None:
    """Render every generated page once (kept in ``state.bodies``) and mark what need not be rebuilt."""
    cat: Catalogue | None = state.catalogue
    state.bodies = {uri: render(gen) for uri, gen in state.pages.items()}
    hashes = {uri: hashlib.sha256(rendered.html.encode()).digest() for uri, rendered in state.bodies.items()}
    previous = memory.hashes
    data_changed = previous is not None and cat is not memory.previous_catalogue
    settings = Path(config.config_file_path).read_bytes()
    handwritten = [f for f in files.documentation_pages() if f.src_uri not in state.pages and f.src_uri not in extra_uris]
    memory.pages_may_skip = previous is not None and settings == memory.settings and not any(f.is_modified() for f in handwritten)
    memory.hashes, memory.previous_catalogue, memory.settings = hashes, cat, settings
    if previous is None:
        return
    for file in files.documentation_pages():
        if not isinstance(file, TrackedFile):
            continue
        if file.src_uri in state.pages:
            if previous.get(file.src_uri) == hashes[file.src_uri]:
                file.modified = False
        elif data_changed:
            file.modified = True


def skip_if_unchanged(file: File, content: str, memory: ServeMemory) -> None:
    """A hand-written page whose content is what it was in the previous build keeps the file it
    has (MkDocs reads every page before it writes any)."""
    same = memory.contents.get(file.src_uri) == content
    memory.contents[file.src_uri] = content
    if same and memory.pages_may_skip and isinstance(file, TrackedFile):
        file.modified = False
