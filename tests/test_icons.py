"""The skill's icons: the sizes Alexa asks for, and exactly what scripts/draw_icons.py draws."""

from __future__ import annotations

import importlib.util
import json
import struct
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "interaction_models"
SCRIPT = ROOT / "scripts" / "draw_icons.py"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def draw_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_icons", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_png(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed image data of an 8-bit RGB, non-interlaced PNG."""
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), f"{path.name} is not a PNG"
    offset, chunks = len(PNG_SIGNATURE), {}
    idat = b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + body), f"{path.name}: bad {kind!r} checksum"
        if kind == b"IDAT":
            idat += body
        chunks[kind] = body
        offset += 12 + length
    width, height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert (depth, color_type, interlace) == (8, 2, 0)
    assert b"IEND" in chunks
    return width, height, zlib.decompress(idat)


def manifest_icons() -> dict[str, str]:
    manifest: dict[str, Any] = json.loads((PACKAGE / "skill.json").read_text())["manifest"]
    locale = manifest["publishingInformation"]["locales"]["en-US"]
    return {"small": locale["smallIconUri"], "large": locale["largeIconUri"]}


@pytest.mark.parametrize(("which", "size"), [("small", 108), ("large", 512)])
def test_the_manifest_points_at_package_icons_of_alexas_sizes(which: str, size: int) -> None:
    uri = manifest_icons()[which]
    assert uri.startswith("file://assets/images/"), uri
    width, height, _ = read_png(PACKAGE / uri.removeprefix("file://"))
    assert (width, height) == (size, size)


def test_the_script_redraws_the_committed_icons_pixel_for_pixel(tmp_path: Path) -> None:
    script = draw_icons()
    assert script.main(["--out", str(tmp_path)]) == 0
    committed = PACKAGE / "assets" / "images"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(script.ICONS)
    for name in script.ICONS:
        # Pixels, not bytes: another zlib may compress the same pixels differently.
        assert read_png(tmp_path / name) == read_png(committed / name), name


def test_the_icon_is_a_drawing_not_a_flat_square() -> None:
    _, _, data = read_png(PACKAGE / "assets" / "images" / "small-wins-512.png")
    row = 512 * 3 + 1
    pixels = {
        data[i : i + 3] for r in range(0, 512, 4) for i in range(r * row + 1, (r + 1) * row, 12)
    }
    assert len(pixels) > 200
