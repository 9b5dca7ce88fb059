#!/usr/bin/env python3
"""Draws the learning curve against calibration minutes of full_inventory_experiment.sh's summary.tsv as an SVG.

Top-1 over every test attempt (drawn from all 1,391 toned syllables) for each part-head decoder and the templates, against the minutes
of calibration it trained on, with NeuroXess's 0.712 and chance marked. Plain SVG, no plotting library needed.

    decoder/scripts/plot_minutes_curve.py SUMMARY.tsv OUT.svg [CHANNELS]

Rows named "variability..." are the templates with their model of each attempt's variability (the default since
2026-12-08); "templates..." rows measured before it keep that name.
"""
import csv
import sys

WIDTH, HEIGHT = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 60, 150, 30, 50
COLOURS = {"linear": "#2e86c1", "network": "#c0392b", "templates": "#27ae60", "variability": "#8e44ad"}
LABELS = {"templates": "templates", "variability": "templates + variability"}


def points(rows):
    """{kind: [(minutes, toned_all)]} for the part-head decoders, the 50-minute comparison rows included."""
    curves = {}
    for row in rows:
        name = row["decoder"]
        for kind in COLOURS:
            # the template decoder has part heads only, so its rows carry no "-parts"
            stem = kind if kind in LABELS else kind + "-parts"
            if name == stem or name.startswith(stem + "-"):
                curves.setdefault(kind, []).append((int(row["minutes"]), float(row["toned_all"])))
    return {kind: sorted(set(p)) for kind, p in curves.items()}


def main(summary, out, channels="64"):
    with open(summary, newline="") as f:
        curves = points(csv.DictReader(f, delimiter="\t"))
    top_minutes = max(m for p in curves.values() for m, _ in p)
    x = lambda m: LEFT + (WIDTH - LEFT - RIGHT) * m / top_minutes
    y = lambda v: TOP + (HEIGHT - TOP - BOTTOM) * (1 - v)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif" '
           f'font-size="12">', f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>']
    for v in (0, 0.2, 0.4, 0.6, 0.8, 1.0):
        svg.append(f'<line x1="{LEFT}" y1="{y(v):.1f}" x2="{WIDTH - RIGHT}" y2="{y(v):.1f}" stroke="#ddd"/>'
                   f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.1f}</text>')
    for m in range(0, top_minutes + 1, 10):
        svg.append(f'<text x="{x(m):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{m}</text>')
    svg.append(f'<text x="{(LEFT + WIDTH - RIGHT) / 2:.0f}" y="{HEIGHT - 12}" text-anchor="middle">calibration '
               f'minutes ({channels} channels, the calibration plan)</text>')
    svg.append(f'<text x="16" y="{(TOP + HEIGHT - BOTTOM) / 2:.0f}" text-anchor="middle" transform="rotate(-90 16 '
               f'{(TOP + HEIGHT - BOTTOM) / 2:.0f})">top-1 over all 1,391 toned syllables</text>')
    svg.append(f'<line x1="{LEFT}" y1="{y(0.712):.1f}" x2="{WIDTH - RIGHT}" y2="{y(0.712):.1f}" stroke="#555" '
               f'stroke-dasharray="5,4"/><text x="{WIDTH - RIGHT + 6}" y="{y(0.712) + 4:.1f}">NeuroXess 0.712</text>')
    svg.append(f'<text x="{WIDTH - RIGHT + 6}" y="{y(0) + 4:.1f}">chance 0.0007</text>')
    for i, (kind, p) in enumerate(sorted(curves.items())):
        colour = COLOURS[kind]
        coords = " ".join(f"{x(m):.1f},{y(v):.1f}" for m, v in p)
        svg.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for m, v in p:
            svg.append(f'<circle cx="{x(m):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}"><title>{kind}, {m} min: '
                       f'{v:.3f}</title></circle>')
        label = LABELS.get(kind, f"{kind}, part heads")
        svg.append(f'<text x="{WIDTH - RIGHT + 6}" y="{TOP + 20 + 18 * i}" fill="{colour}">{label}</text>')
    svg.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
