"""Responsive images for frontends: a small fixed set of Wagtail renditions per image, their
absolute URLs on the media host, and the focal point.

For a base filter such as ``fill-1200x630`` (``API_HERO_IMAGE_FILTER``) the set is the same crop
at ``RESPONSIVE_WIDTHS`` (never wider than the base), in the original format and in every modern
format the installed Pillow can write (AVIF, WebP). Wagtail's ``fill`` crops around the editor's
focal point; the focal point itself is given too, relative to the original image, for CSS
``object-position`` when a frontend crops further.

URLs are absolute: ``MEDIA_BASE_URL`` (a CDN in front of the media files) when set, else the
host the media are served from (``WAGTAILADMIN_BASE_URL``), unless storage already gives
absolute URLs (S3 and the like).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from django.conf import settings
from PIL import features

RESPONSIVE_WIDTHS = (480, 800, 1200)
# Best first: browsers take the first <source> type they support.
MODERN_FORMATS = (("avif", "image/avif"), ("webp", "image/webp"))
_FILL = re.compile(r"^fill-(\d+)x(\d+)(-c\d+)?$")


@cache
def modern_formats() -> tuple[tuple[str, str], ...]:
    """(Wagtail format name, MIME type) of the modern formats Pillow can write here."""
    return tuple((name, mime) for name, mime in MODERN_FORMATS if features.check(name))


def width_specs(base_spec: str) -> list[tuple[int, str]]:
    """(width, filter spec) of the sizes for ``base_spec``: its crop at each responsive width up
    to its own; just the base spec when it is not a ``fill``."""
    match = _FILL.match(base_spec)
    if match is None:
        return []
    width, height, crop = int(match.group(1)), int(match.group(2)), match.group(3) or ""
    widths = sorted({w for w in RESPONSIVE_WIDTHS if w < width} | {width})
    return [(w, f"fill-{w}x{round(w * height / width)}{crop}") for w in widths]


def rendition_specs(base_spec: str) -> list[str]:
    """Every filter spec a responsive image of ``base_spec`` uses (to prefetch or pre-render)."""
    specs = [base_spec]
    for _width, spec in width_specs(base_spec):
        specs += [spec, *(f"{spec}|format-{name}" for name, _mime in modern_formats())]
    return list(dict.fromkeys(specs))


def media_url(url: str) -> str:
    """An absolute URL for a media file URL (see the module docstring)."""
    if not url.startswith("/"):
        return url
    base = settings.MEDIA_BASE_URL or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + url


def responsive_image(image: Any | None, *, alt: str, base_spec: str) -> dict[str, Any] | None:
    """The image as the API shows it: the base rendition (``url``/``width``/``height``, as for
    ``og:image``), ``srcset`` and ``sizes`` in the original format, one ``sources`` entry per
    modern format, and the ``focal_point``. Renditions missing so far are created (once)."""
    if image is None:
        return None
    renditions = image.get_renditions(*rendition_specs(base_spec))
    base = renditions[base_spec]
    sizes = width_specs(base_spec)

    def srcset(suffix: str) -> str:
        return ", ".join(f"{media_url(renditions[spec + suffix].url)} {w}w" for w, spec in sizes)

    focal = image.get_focal_point()
    return {
        "url": media_url(base.url),
        "width": base.width,
        "height": base.height,
        "alt": alt,
        "srcset": srcset("") if sizes else f"{media_url(base.url)} {base.width}w",
        "sizes": settings.API_IMAGE_SIZES,
        "sources": [
            {"type": mime, "srcset": srcset(f"|format-{name}")}
            for name, mime in modern_formats()
            if sizes
        ],
        "focal_point": (
            {
                "x": round(focal.centroid.x / image.width, 4),
                "y": round(focal.centroid.y / image.height, 4),
            }
            if focal is not None and image.width and image.height
            else None
        ),
    }
