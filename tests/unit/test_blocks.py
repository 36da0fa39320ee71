"""Macro blocks skip Markdown (wijzer.pages.blocks): what Markdown makes of a placeholder is put back
exactly, a block's ids count as anchors of the page, and a placeholder that no macro made stays
visible as an error instead of vanishing."""

from __future__ import annotations

import markdown

from wijzer.pages import blocks
from wijzer.pages.render import for_markdown


def test_a_block_passes_markdown_untouched_and_inline_output_stays_in_the_sentence():
    blocks.start_page()
    block = for_markdown('<div class="wz-cards" id="kaarten"><p>*geen nadruk* en [geen](link) _hier_</p></div>')
    inline = for_markdown('<a href="../x/">Gezag *en* omgang</a>')
    source = f"Zie {inline} hieronder.\n\n{block}\n\n- lijst\n"
    html, ids, unknown = blocks.put_back(markdown.markdown(source))
    assert '<div class="wz-cards" id="kaarten"><p>*geen nadruk* en [geen](link) _hier_</p></div>' in html
    assert "<p><div" not in html and "<em>" not in html
    assert "Gezag &#42;en&#42; omgang</a> hieronder" in html  # inline: Markdown syntax neutralised
    assert ids == {"kaarten"} and unknown == []


def test_an_unknown_placeholder_is_reported():
    blocks.start_page()
    word = blocks.hold("<div>x</div>")
    blocks.start_page()  # the next page does not know it
    html, _, unknown = blocks.put_back(f"<p>{word}</p>")
    assert unknown == [word] and word in html
