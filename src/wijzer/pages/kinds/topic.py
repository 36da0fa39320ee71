"""Legal topic pages (``juridisch/<id>``): the law on one subject, for parents, children and professionals."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijzer.core.catalogue import Catalogue
from wijzer.pages.context import Uris
from wijzer.pages.kinds.base import GeneratedPage, PageKind


class TopicKind(PageKind):
    name = "topic"
    search_label = "wet en regels"
    template = "topic.html"

    def pages(self, cat: Catalogue) -> Iterator[GeneratedPage]:
        for key, topic in cat.topics.items():
            yield GeneratedPage(Uris.topic(key), self.name, key, topic.title, topic.summary, *cat.origin("topics", key))

    def values(self, cat: Catalogue, key: str, ctx: dict[str, Any], env: Any) -> dict[str, Any]:
        topic = cat.topics[key]
        return {
            "topic": topic,
            "offers": [cat.offers[o] for o in topic.related_offers],
            "related": [cat.topics[t] for t in topic.related_topics],
        }

    def quick_exit(self, cat: Catalogue, key: str) -> bool:
        """Every legal topic: each has a text for parents and one for children (docs/snel-weg.md)."""
        return True
