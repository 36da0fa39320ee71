"""One sort key for gemeenten and one for names, as Dutch lists sort them."""

from __future__ import annotations

from wijzer.core.sorting import gemeente_sort_key, name_sort_key


def test_gemeenten_sort_s_hertogenbosch_under_h_and_schagen_under_s():
    names = ["Zwolle", "'s-Hertogenbosch", "Schagen", "Castricum", "Coevorden", "Súdwest-Fryslân", "Heerlen", "Stichtse Vecht", "'s-Gravenhage"]
    assert sorted(names, key=gemeente_sort_key) == [
        "Castricum", "Coevorden", "'s-Gravenhage", "Heerlen", "'s-Hertogenbosch", "Schagen", "Stichtse Vecht", "Súdwest-Fryslân", "Zwolle",
    ]


def test_names_sort_without_leading_punctuation():
    names = ["Mediation", "!JES", "Kies", "Jeugdhulp", "'t Hofje"]
    assert sorted(names, key=name_sort_key) == ["!JES", "Jeugdhulp", "Kies", "Mediation", "'t Hofje"]
