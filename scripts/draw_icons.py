"""Draw the skill's two icons: a glass jar of coloured beads, one more bead dropping in.

Each bead is a win kept. The drawing is plain Python (signed distances, one anti-aliased
sample per pixel) and plain zlib PNG writing, so redrawing needs nothing installed and the
same script always gives the same pixels:

    python scripts/draw_icons.py            # writes interaction_models/assets/images/*.png
    python scripts/draw_icons.py --out DIR  # somewhere else
"""

from __future__ import annotations

import argparse
import math
import struct
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "interaction_models" / "assets" / "images"
# Alexa's two icon sizes; skill.json refers to these files as file://assets/images/<name>.
ICONS = {"small-wins-108.png": 108, "small-wins-512.png": 512}

Color = tuple[float, float, float]
Distance = Callable[[float, float], float]
# A shape's box in the unit square (left, top, right, bottom), to skip pixels far from it.
Box = tuple[float, float, float, float]

BACKGROUND_TOP: Color = (44, 80, 110)
BACKGROUND_BOTTOM: Color = (26, 50, 74)
WHITE: Color = (255, 255, 255)
LID: Color = (242, 183, 84)
BEAD_COLORS: tuple[Color, ...] = (
    (244, 124, 107),  # coral
    (250, 210, 90),  # yellow
    (122, 212, 165),  # mint
    (120, 185, 240),  # sky
    (186, 150, 230),  # lilac
    (250, 165, 120),  # peach
)
BEAD_RADIUS = 0.05
# Bead centres, bottom row first; the jar clips the ones that lean on its walls.
BEADS = (
    (0.315, 0.815),
    (0.415, 0.825),
    (0.515, 0.82),
    (0.615, 0.825),
    (0.705, 0.81),
    (0.365, 0.73),
    (0.465, 0.735),
    (0.565, 0.73),
    (0.66, 0.725),
    (0.41, 0.645),
    (0.515, 0.65),
    (0.615, 0.64),
    (0.465, 0.565),
    (0.57, 0.56),
)
DROPPING_BEAD = (0.5, 0.105)


def rounded_box(cx: float, cy: float, hw: float, hh: float, r: float) -> Distance:
    """Signed distance to a rectangle with rounded corners (negative inside)."""

    def distance(x: float, y: float) -> float:
        qx = abs(x - cx) - hw + r
        qy = abs(y - cy) - hh + r
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - r

    return distance


def circle(cx: float, cy: float, r: float) -> Distance:
    """Signed distance to a disc."""
    return lambda x, y: math.hypot(x - cx, y - cy) - r


def ring(shape: Distance, width: float) -> Distance:
    """The outline of ``shape``, ``width`` wide, centred on its edge."""
    return lambda x, y: abs(shape(x, y)) - width / 2


def clipped(shape: Distance, clip: Distance) -> Distance:
    """The part of ``shape`` inside ``clip``."""
    return lambda x, y: max(shape(x, y), clip(x, y))


class Canvas:
    """An RGB image in floats, painted shape by shape with coverage-based anti-aliasing."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pixels = [0.0] * (size * size * 3)
        for row in range(size):
            t = (row + 0.5) / size
            color = [
                a + (b - a) * t for a, b in zip(BACKGROUND_TOP, BACKGROUND_BOTTOM, strict=True)
            ]
            for column in range(size):
                start = (row * size + column) * 3
                self.pixels[start : start + 3] = color

    def paint(self, shape: Distance, box: Box, color: Color, opacity: float = 1.0) -> None:
        """Blend ``color`` over every pixel ``shape`` covers, partly covered pixels partly."""
        size = self.size
        left, top, right, bottom = (
            max(0, math.floor(box[0] * size) - 1),
            max(0, math.floor(box[1] * size) - 1),
            min(size, math.ceil(box[2] * size) + 1),
            min(size, math.ceil(box[3] * size) + 1),
        )
        for row in range(top, bottom):
            y = (row + 0.5) / size
            for column in range(left, right):
                # Distance in pixels; a pixel half inside the edge is half covered.
                coverage = 0.5 - shape((column + 0.5) / size, y) * size
                if coverage <= 0.0:
                    continue
                alpha = min(coverage, 1.0) * opacity
                start = (row * size + column) * 3
                for channel in range(3):
                    old = self.pixels[start + channel]
                    self.pixels[start + channel] = old + (color[channel] - old) * alpha

    def rows(self) -> list[bytes]:
        """The image as 8-bit RGB rows."""
        size = self.size
        return [
            bytes(
                min(255, max(0, round(value)))
                for value in self.pixels[row * size * 3 : (row + 1) * size * 3]
            )
            for row in range(size)
        ]


def draw(size: int) -> list[bytes]:
    """The jar of beads at ``size`` x ``size`` pixels, as 8-bit RGB rows."""
    canvas = Canvas(size)
    stroke = 0.024
    body = rounded_box(0.5, 0.6, 0.27, 0.28, 0.09)
    neck = rounded_box(0.5, 0.3, 0.19, 0.04, 0.02)
    inside = rounded_box(0.5, 0.6, 0.27 - stroke / 2, 0.28 - stroke / 2, 0.09 - stroke / 2)
    # Glass: a faint fill, then the beads, then the outline and a highlight over them.
    canvas.paint(body, (0.23, 0.32, 0.77, 0.88), WHITE, 0.14)
    canvas.paint(neck, (0.31, 0.26, 0.69, 0.34), WHITE, 0.14)
    for index, (x, y) in enumerate(BEADS):
        _bead(canvas, clipped(circle(x, y, BEAD_RADIUS), inside), x, y, BEAD_COLORS[index % 6])
    canvas.paint(ring(body, stroke), (0.21, 0.3, 0.79, 0.9), WHITE, 0.9)
    canvas.paint(ring(neck, stroke), (0.29, 0.24, 0.71, 0.36), WHITE, 0.9)
    canvas.paint(rounded_box(0.3, 0.6, 0.014, 0.14, 0.014), (0.28, 0.45, 0.32, 0.75), WHITE, 0.4)
    canvas.paint(rounded_box(0.5, 0.24, 0.225, 0.045, 0.025), (0.27, 0.19, 0.73, 0.29), LID)
    canvas.paint(rounded_box(0.5, 0.225, 0.18, 0.008, 0.008), (0.31, 0.21, 0.69, 0.24), WHITE, 0.35)
    x, y = DROPPING_BEAD
    _bead(canvas, circle(x, y, BEAD_RADIUS), x, y, BEAD_COLORS[1])
    return canvas.rows()


def _bead(canvas: Canvas, shape: Distance, x: float, y: float, color: Color) -> None:
    r = BEAD_RADIUS
    canvas.paint(shape, (x - r, y - r, x + r, y + r), color)
    shine = circle(x - r * 0.35, y - r * 0.35, r * 0.3)
    canvas.paint(shine, (x - r, y - r, x, y), WHITE, 0.55)


def png(rows: Sequence[bytes]) -> bytes:
    """A PNG file of 8-bit RGB ``rows`` (every row unfiltered)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    width, height = len(rows[0]) // 3, len(rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES, help="folder for the PNG files")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, size in ICONS.items():
        path = args.out / name
        path.write_bytes(png(draw(size)))
        print(f"{path}: {size}x{size}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
