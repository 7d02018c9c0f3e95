"""Draw the VillageBook icon (a red book with a gold star) with Pillow.

Run once when the design changes; the results are committed:
resources/icons/villagebook.png (256 px) and resources/icons/villagebook.ico (16-256 px).
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
RED = (190, 22, 34, 255)
DARK_RED = (130, 10, 20, 255)
GOLD = (250, 205, 60, 255)
PAGE = (250, 246, 235, 255)
SIZES = (16, 24, 32, 48, 64, 128, 256)


def star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    s = size / 64
    # pages seen from the fore-edge, then the cover and the spine
    d.rounded_rectangle((12 * s, 8 * s, 56 * s, 58 * s), radius=4 * s, fill=PAGE)
    d.rounded_rectangle((8 * s, 5 * s, 52 * s, 55 * s), radius=4 * s, fill=RED)
    d.rectangle((8 * s, 5 * s, 15 * s, 55 * s), fill=DARK_RED)
    d.polygon(star(33.5 * s, 26 * s, 13 * s), fill=GOLD)
    d.rectangle((21 * s, 43 * s, 46 * s, 46 * s), fill=GOLD)
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "villagebook.png")
    big.save(ICONS / "villagebook.ico", sizes=[(n, n) for n in SIZES])
    print(f"wrote {ICONS / 'villagebook.png'} and {ICONS / 'villagebook.ico'}")


if __name__ == "__main__":
    main()
