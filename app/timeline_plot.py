"""Draw a company's signals as an SVG: time across, score up, investment blue, distress red."""

from __future__ import annotations

from datetime import datetime
from html import escape

WIDTH, HEIGHT, MARGIN = 760, 260, 48
COLOURS = {"investment": "#2f6fd0", "distress": "#d0413a"}


def render_svg(title: str, points: list[tuple[datetime, float, str, str]]) -> str:
    """One stem per signal; hovering a dot shows its date, type and score."""
    inner_w, inner_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'font-family="sans-serif" font-size="11">',
        f'<text x="{MARGIN}" y="22" font-size="14">{escape(title)} — signal timeline</text>',
        f'<line x1="{MARGIN}" y1="{HEIGHT - MARGIN}" x2="{WIDTH - MARGIN}" '
        f'y2="{HEIGHT - MARGIN}" stroke="#888"/>',
    ]
    if not points:
        parts.append(f'<text x="{MARGIN}" y="{HEIGHT // 2}">no signals yet</text></svg>')
        return "".join(parts)
    first, last = points[0][0], points[-1][0]
    span = max((last - first).total_seconds(), 1.0)
    top = max(max(score for _, score, _, _ in points), 0.01)
    for when, score, kind, signal_type in points:
        x = MARGIN + inner_w * ((when - first).total_seconds() / span if len(points) > 1 else 0.5)
        y = HEIGHT - MARGIN - inner_h * (score / top)
        colour = COLOURS.get(kind, "#555")
        parts.append(
            f'<line x1="{x:.1f}" y1="{HEIGHT - MARGIN}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="2"/><circle cx="{x:.1f}" cy="{y:.1f}" r="5" '
            f'fill="{colour}"><title>{when:%Y-%m-%d} {escape(signal_type)} {score:.2f}'
            f"</title></circle>"
        )
    parts.append(
        f'<text x="{MARGIN}" y="{HEIGHT - MARGIN + 16}">{first:%Y-%m-%d}</text>'
        f'<text x="{WIDTH - MARGIN}" y="{HEIGHT - MARGIN + 16}" text-anchor="end">'
        f"{last:%Y-%m-%d}</text>"
        f'<text x="{WIDTH - MARGIN}" y="22" text-anchor="end">'
        f'<tspan fill="{COLOURS["investment"]}">● investment</tspan>  '
        f'<tspan fill="{COLOURS["distress"]}">● distress</tspan></text></svg>'
    )
    return "".join(parts)
