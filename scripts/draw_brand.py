"""Draw the brand images in custom_components/hamstring_coach/brand/.

Run `.venv/bin/python scripts/draw_brand.py` after changing the design; the
output is deterministic for a given Pillow version and font file.

Home Assistant (2026.3+) serves these files for a custom integration; HACS
accepts them for its brands check. Sizes follow the brands guidelines:
icon 256x256 (@2x 512x512); logo with its shortest side 128 px (@2x 256 px).
Both are trimmed and have a transparent background.

Design: a flat HA-blue tile with a white kettlebell, the hinge-and-curl tool
of the plan, and a check mark cut into it ("session done"). The logo puts the
tile next to a two-line wordmark in mid-tone colours that read on both light
and dark themes.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
BRAND = ROOT / "custom_components" / "hamstring_coach" / "brand"

SUPERSAMPLE = 4  # draw large, then downscale: smooth edges without blur
TILE = (3, 169, 244, 255)  # Home Assistant blue
TILE_SHADE = (2, 136, 209, 255)  # a darker blue for the kettlebell's shadow
WHITE = (255, 255, 255, 255)
WORD_TOP = (2, 136, 209, 255)  # "Hamstring"
WORD_BOTTOM = (245, 124, 0, 255)  # "Coach"
FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in FONT_FILES:
        if Path(candidate).is_file():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def _mark(size: int) -> Image.Image:
    """The square icon, drawn at `size` x SUPERSAMPLE and scaled down."""
    big = size * SUPERSAMPLE
    u = big / 1024  # design units: the tile is 1024 wide
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(224 * u), fill=TILE)

    # Handle: a wide, thick loop whose lower half disappears into the bell;
    # a handle almost as wide as the bell is what tells a kettlebell from a
    # padlock.
    draw.rounded_rectangle(
        (240 * u, 96 * u, 784 * u, 580 * u),
        radius=round(210 * u),
        outline=WHITE,
        width=round(88 * u),
    )
    # Bell: a wide circle with a flat base, a soft shadow on its lower right.
    cx, cy, r = 512 * u, 588 * u, 300 * u
    shadow = (cx - r + 20 * u, cy - r + 20 * u, cx + r + 20 * u, cy + r + 20 * u)
    draw.ellipse(shadow, fill=TILE_SHADE)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=WHITE)
    base = 842 * u
    draw.rectangle((cx - r - 40 * u, base, cx + r + 60 * u, cy + r + 60 * u), fill=TILE)
    # Check mark cut into the bell.
    points = [(392 * u, 610 * u), (480 * u, 698 * u), (644 * u, 530 * u)]
    width = round(70 * u)
    draw.line(points, fill=TILE, width=width, joint="curve")
    for x, y in (points[0], points[-1]):
        half = width / 2
        draw.ellipse((x - half, y - half, x + half, y + half), fill=TILE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _logo_master() -> Image.Image:
    """Icon plus the two-line wordmark at 256 px x SUPERSAMPLE, trimmed."""
    h = 256 * SUPERSAMPLE
    font = _font(round(h * 0.36))
    gap = round(h * 0.12)
    words = (("Hamstring", WORD_TOP), ("Coach", WORD_BOTTOM))
    probe = ImageDraw.Draw(Image.new("RGBA", (1, 1)))
    boxes = [probe.textbbox((0, 0), word, font=font) for word, _ in words]
    text_w = max(box[2] - box[0] for box in boxes)
    image = Image.new("RGBA", (h + gap + text_w + SUPERSAMPLE * 4, h), (0, 0, 0, 0))
    image.paste(_mark(h // SUPERSAMPLE).resize((h, h), Image.Resampling.LANCZOS))
    draw = ImageDraw.Draw(image)
    line_h = h / 2
    for row, ((word, colour), box) in enumerate(zip(words, boxes, strict=True)):
        glyph_h = box[3] - box[1]
        top = row * line_h + (line_h - glyph_h) / 2 - box[1]
        draw.text((h + gap - box[0], top), word, font=font, fill=colour)
    return image.crop(image.getbbox())


def _logos() -> tuple[Image.Image, Image.Image]:
    """logo.png (128 px high) and logo@2x.png at exactly twice its size."""
    master = _logo_master()
    width = round(master.width * 128 / master.height)
    return (
        master.resize((width, 128), Image.Resampling.LANCZOS),
        master.resize((2 * width, 256), Image.Resampling.LANCZOS),
    )


def main() -> None:
    """Write icon.png, icon@2x.png, logo.png and logo@2x.png."""
    BRAND.mkdir(parents=True, exist_ok=True)
    logo, logo_2x = _logos()
    outputs = {
        "icon.png": _mark(256),
        "icon@2x.png": _mark(512),
        "logo.png": logo,
        "logo@2x.png": logo_2x,
    }
    for name, image in outputs.items():
        path = BRAND / name
        image.save(path, format="PNG", optimize=True)
        print(f"{path.relative_to(ROOT)}: {image.width}x{image.height}")


if __name__ == "__main__":
    main()
