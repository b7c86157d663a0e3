"""Read the texts of an SVG with their absolute positions (nested `translate` transforms summed)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_TRANSLATE = re.compile(r"translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)")
SVG = "{http://www.w3.org/2000/svg}"


def absolute_texts(svg: str) -> list[tuple[str, float, float, str]]:
    """(text, x, y, anchor) for every `<text>`, rounded to 0.1 px."""
    found: list[tuple[str, float, float, str]] = []

    def walk(element: ET.Element, x: float, y: float) -> None:
        match = _TRANSLATE.search(element.get("transform", ""))
        if match:
            x, y = x + float(match.group(1)), y + float(match.group(2))
        if element.tag == f"{SVG}text":  # its own x and y attributes, if any, add to the translations
            x, y = x + float(element.get("x", 0)), y + float(element.get("y", 0))
            found.append(("".join(element.itertext()), round(x, 1), round(y, 1), element.get("text-anchor", "")))
            return
        for child in element:
            walk(child, x, y)

    walk(ET.fromstring(svg), 0.0, 0.0)
    return sorted(found)
