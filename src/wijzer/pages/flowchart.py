"""Flowcharts drawn by the site itself: inline SVG built in Python, no library and no CDN.

Two drawings:
- ``overview``: signal -> "acuut onveilig?" -> safety route, or -> weigh the signals -> the tiers
  as a staircase from light to heavy, with the stepped-care arrow underneath;
- ``route``: the numbered steps of one role as boxes in rows of three (left to right, then right
  to left), each with the tiers it belongs to.

Every text is escaped; the SVG has ``role="img"`` with a title and a description, and the page
puts the same content next to it as a list (the text alternative).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 760
INK = "#1b1b1b"
LINE = "#4d535c"
FRAME = "#1d4f73"
DANGER = "#a4262c"
DANGER_FILL = "#fdecea"
# Fills per tier, light to heavy (all with dark text: contrast well above 4.5:1).
TIER_FILLS = ["#e3f1e6", "#e1ecf7", "#fcefd2", "#f9dede"]
CHAR = 0.56  # average glyph width as a share of the font size (system sans-serif)


def tier_fill(index: int) -> str:
    return TIER_FILLS[min(index, len(TIER_FILLS) - 1)]


def wrap(text: str, width_px: float, font_px: float) -> list[str]:
    return textwrap.wrap(text, width=max(8, int(width_px / (CHAR * font_px)))) or [""]


@dataclass(frozen=True)
class TierMark:
    """What a drawing needs of a tier: id, label, Glasl text and its place on the ladder."""

    id: str
    label: str
    glasl: str
    index: int


@dataclass(frozen=True)
class StepBox:
    title: str
    tiers: Sequence[TierMark]
    safety: bool = False


class _Svg:
    def __init__(self, key: str) -> None:
        self.key = key
        self.parts: list[str] = []

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def rect(self, x: float, y: float, w: float, h: float, fill: str = "#ffffff", stroke: str = FRAME, width: float = 1.5) -> None:
        self.add(f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>')

    def text(self, x: float, y: float, lines: Sequence[str], size: float, *, weight: int = 400, anchor: str = "start", fill: str = INK, gap: float = 1.3) -> float:
        """Write lines from baseline ``y``; returns the baseline after the last line."""
        for line in lines:
            self.add(
                f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" font-weight="{weight}" text-anchor="{anchor}" fill="{fill}">{escape(line)}</text>'
            )
            y += size * gap
        return y

    def arrow(self, points: Sequence[tuple[float, float]], color: str = LINE) -> None:
        d = " ".join(f"{'M' if i == 0 else 'L'} {x:.0f} {y:.0f}" for i, (x, y) in enumerate(points))
        self.add(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="2" marker-end="url(#{self.key}-pijl)"/>')

    def chips(self, x: float, y: float, tiers: Sequence[TierMark], extra: str | None = None) -> None:
        for label, fill, stroke in [*((t.id, tier_fill(t.index), LINE) for t in tiers), *([(extra, DANGER_FILL, DANGER)] if extra else [])]:
            w = len(label) * 6.2 + 12
            self.add(f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="18" rx="9" fill="{fill}" stroke="{stroke}" stroke-width="1"/>')
            self.add(f'<text x="{x + w / 2:.0f}" y="{y + 13:.0f}" font-size="11" text-anchor="middle" fill="{INK}">{escape(label)}</text>')
            x += w + 4

    def render(self, height: float, title: str, desc: str) -> Markup:
        head = (
            f'<svg class="wz-flowchart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'role="img" aria-labelledby="{self.key}-titel {self.key}-uitleg" focusable="false">'
            f'<title id="{self.key}-titel">{escape(title)}</title><desc id="{self.key}-uitleg">{escape(desc)}</desc>'
            f'<defs><marker id="{self.key}-pijl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{LINE}"/></marker></defs>'
        )
        return Markup(head + "".join(self.parts) + "</svg>")


def overview(tiers: Sequence[TierMark], *, key: str = "wz-overzicht", veilig_thuis: str = "0800-2000") -> Markup:
    """Signal -> safety check -> weigh the signals -> the tiers from light to heavy."""
    svg = _Svg(key)
    # row 1: signal, the safety question, the safety route
    svg.rect(10, 12, 190, 60)
    svg.text(105, 37, ["Signaal of zorg", "over een kind"], 14, weight=600, anchor="middle")
    cx, cy, hw, hh = 350, 42, 112, 40
    svg.add(f'<path d="M {cx - hw} {cy} L {cx} {cy - hh} L {cx + hw} {cy} L {cx} {cy + hh} z" fill="#ffffff" stroke="{DANGER}" stroke-width="2"/>')
    svg.text(cx, cy - 4, ["Acuut onveilig", "of geweld?"], 13, weight=600, anchor="middle")
    svg.arrow([(200, 42), (cx - hw - 2, 42)])
    svg.rect(532, 4, 218, 78, fill=DANGER_FILL, stroke=DANGER, width=2)
    svg.text(641, 26, ["Veiligheid eerst"], 14, weight=700, anchor="middle", fill=DANGER)
    svg.text(641, 45, ["Direct gevaar: bel 112", f"Veilig Thuis: {veilig_thuis}", "Volg de meldcode"], 12, anchor="middle")
    svg.arrow([(cx + hw, 42), (530, 42)], color=DANGER)
    svg.text(492, 35, ["ja"], 12, weight=700, anchor="middle", fill=DANGER)
    # row 2: weigh the signals
    svg.arrow([(cx, cy + hh), (cx, 118)])
    svg.text(cx + 8, 106, ["nee"], 12, weight=700)
    svg.rect(cx - 130, 120, 260, 44)
    svg.text(cx, 138, ["Weeg de signalen:", "welke trede past?"], 13, weight=600, anchor="middle", gap=1.25)
    # row 3: the tiers as a staircase, light (low, left) to heavy (high, right)
    n = max(1, len(tiers))
    col = (WIDTH - 20) / n
    box_w = col - 10
    rise = 18
    texts = [(wrap(t.label, box_w - 16, 13), wrap(t.glasl, box_w - 16, 11.5)) for t in tiers]
    body = max((len(a) * 13 * 1.25 + len(b) * 11.5 * 1.3 for a, b in texts), default=40) + 48  # + the tier's chip
    top = 200
    bottom = top + (n - 1) * rise + body
    bus = 182
    svg.add(f'<path d="M {cx} 164 L {cx} {bus}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    centres = [10 + col * k + box_w / 2 for k in range(n)]
    svg.add(f'<path d="M {centres[0]:.0f} {bus} L {centres[-1]:.0f} {bus}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    for k, (tier, (label, glasl)) in enumerate(zip(tiers, texts, strict=True)):
        x = 10 + col * k
        y = top + (n - 1 - k) * rise
        svg.arrow([(centres[k], bus), (centres[k], y - 2)])
        svg.rect(x, y, box_w, bottom - y, fill=tier_fill(tier.index))
        after = svg.text(x + 8, y + 19, label, 13, weight=700, gap=1.25)
        svg.text(x + 8, after + 2, glasl, 11.5)
        svg.chips(x + 8, bottom - 26, [tier])  # the same chip as in the routes per role
    # the stepped-care arrow
    y = bottom + 22
    svg.arrow([(14, y), (WIDTH - 14, y)], color=FRAME)
    svg.text(14, y + 22, ["licht als het kan"], 13, weight=700, fill=FRAME)
    svg.text(WIDTH - 14, y + 22, ["zwaar als het moet"], 13, weight=700, anchor="end", fill=FRAME)
    return svg.render(
        y + 34,
        "Stroomschema: van signaal naar hulp",
        f"Eerst de vraag of er acuut gevaar of geweld is: zo ja, dan 112, Veilig Thuis ({veilig_thuis}) en de meldcode. "
        "Zo nee, dan weeg je de signalen en kies je de trede, van licht naar zwaar: "
        + ", ".join(f"{t.label} ({t.id}; {t.glasl})" for t in tiers)
        + ". Licht als het kan, zwaar als het moet.",
    )


def route(key: str, title: str, steps: Sequence[StepBox], *, columns: int = 3) -> Markup:
    """Numbered step boxes in rows of ``columns``, snaking left-right then right-left."""
    svg = _Svg(key)
    gap_x, gap_y, margin = 34, 38, 8
    box_w = (WIDTH - 2 * margin - (columns - 1) * gap_x) / columns
    titles = [wrap(s.title, box_w - 50, 14) for s in steps]
    box_h = max(len(lines) for lines in titles) * 14 * 1.3 + 62
    places: list[tuple[float, float]] = []
    for i in range(len(steps)):
        row, pos = divmod(i, columns)
        c = pos if row % 2 == 0 else columns - 1 - pos
        places.append((margin + c * (box_w + gap_x), margin + row * (box_h + gap_y)))
    for i, (step, lines, (x, y)) in enumerate(zip(steps, titles, places, strict=True)):
        colour = DANGER if step.safety else FRAME
        svg.rect(x, y, box_w, box_h, fill=DANGER_FILL if step.safety else "#ffffff", stroke=colour, width=2 if step.safety else 1.5)
        svg.add(f'<circle cx="{x + 20:.0f}" cy="{y + 22:.0f}" r="13" fill="{colour}"/>')
        svg.text(x + 20, y + 27, [str(i + 1)], 13, weight=700, anchor="middle", fill="#ffffff")
        svg.text(x + 42, y + 26, lines, 14, weight=600)
        svg.chips(x + 10, y + box_h - 28, step.tiers, "veiligheid" if step.safety else None)
        if i + 1 < len(steps):
            nx, ny = places[i + 1]
            if ny == y:  # same row: a horizontal arrow in reading direction
                if nx > x:
                    svg.arrow([(x + box_w, y + box_h / 2), (nx - 2, y + box_h / 2)])
                else:
                    svg.arrow([(x, y + box_h / 2), (nx + box_w + 2, y + box_h / 2)])
            else:  # next row: straight down
                svg.arrow([(x + box_w / 2, y + box_h), (nx + box_w / 2, ny - 2)])
    rows = (len(steps) + columns - 1) // columns
    height = 2 * margin + rows * box_h + (rows - 1) * gap_y
    return svg.render(
        height,
        f"Stroomschema: de route voor {title}",
        f"{len(steps)} stappen van signaal naar hulp: "
        + "; ".join(f"{i + 1}. {s.title}" for i, s in enumerate(steps))
        + ". De stappen staan met uitleg en links ook in de lijst bij dit schema.",
    )
