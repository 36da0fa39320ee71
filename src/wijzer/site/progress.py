"""Progress in a terminal (`wijzer build` logs INFO only there): a line per tenth of the pages."""

from __future__ import annotations

import logging

from wijzer.site.state import Progress

log = logging.getLogger("mkdocs.plugins.wijzer")


def count_page(progress: Progress) -> None:
    progress.done += 1
    done, total = progress.done, progress.total
    if done == total or done % max(1, total // 10) == 0:
        log.info(f"Pagina's gemaakt: {done} van {total}")
