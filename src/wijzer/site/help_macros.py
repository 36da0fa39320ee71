"""Macros that put a way to get help in a hand-written page: call and chat buttons, from the data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

BUTTONS = (
    '<p class="wz-help-buttons" data-search-exclude>'
    '{% if org.contact.phone %}<a class="md-button md-button--primary" href="{{ phone_href(org.contact.phone) }}">Bel gratis {{ org.contact.phone }}</a>{% endif %}'
    '{% if org.contact.website %} <a class="md-button" href="{{ org.contact.website }}" rel="noopener noreferrer">{{ chat }} op {{ org.contact.website | display_url }}</a>{% endif %}'
    "</p>"
)


def register(env: Any, render: Callable[..., Markup], organisations: Callable[[], dict]) -> None:
    @env.macro
    def bel_of_chat(org_id: str, chat: str = "Chat") -> Markup:
        """Twee knoppen: bellen (tel:) en chatten of de website, uit data/organisations.yaml."""
        table = organisations()
        if org_id not in table:
            raise KeyError(f"onbekende organisatie '{org_id}'")
        return render(BUTTONS, org=table[org_id], chat=chat)
