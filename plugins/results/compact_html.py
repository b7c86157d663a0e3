"""Pages without their template indentation: ~13 % of a structure page, at 15 000 structures ~100 MB.

Whitespace that contains a line break becomes one line break, and a run of spaces between two tags (a
template line's indentation after a trimmed block tag: `</li>      </ul>`) one space. Browsers render any
run of spaces and line breaks between words or tags as at most one space, so the page looks and reads the
same; the content of `<pre>`, `<textarea>` and `<script>` (code, JSON-LD) is kept byte for byte, and so is
every attribute value (autoescape writes `>` inside one as `&gt;`: a `>` is a tag's end).
"""

from __future__ import annotations

import re
from typing import Any

_KEPT = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>|<script\b.*?</script>)", re.S | re.I)
_INDENTATION = re.compile(r"[ \t]*\n\s*")
_BETWEEN_TAGS = re.compile(r">[ \t]{2,}<")


def compact_html(html: str) -> str:
    """The same page without indentation and blank lines (outside pre, textarea and script)."""
    parts = _KEPT.split(html)
    return "".join(part if index % 2 else _BETWEEN_TAGS.sub("> <", _INDENTATION.sub("\n", part))
                   for index, part in enumerate(parts))


class CompactTemplate:
    """A Jinja template whose rendered page is compacted: what Pelican's writer calls is `render`."""

    def __init__(self, template: Any) -> None:
        self.template = template

    def render(self, *args: Any, **kwargs: Any) -> str:
        return compact_html(self.template.render(*args, **kwargs))
