"""Pages lose their template indentation, never a word, a space that separates words, or code."""

from __future__ import annotations

from html.parser import HTMLParser

from results.compact_html import compact_html

PAGE = """<!doctype html>
<html lang="fr">
  <head>
    <script type="application/ld+json">{
      "name": "Résultats"
    }</script>
  </head>
  <body>
    <p>Télécharger :
      <a href="a.csv">CSV</a> ·
      <a href="a.xlsx">Excel</a>
    </p>
    <p><b>gras</b> <i>italique</i></p>
    <ul><li>un</li>      </ul>
    <pre class="embed-code"><code>&lt;iframe
    src="x"&gt;</code></pre>
  </body>
</html>
"""


class _Text(HTMLParser):
    """The text a browser lays out, with every run of whitespace as one space (white-space: normal)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def _text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return parser.text()


def test_indentation_goes_words_and_code_stay() -> None:
    compacted = compact_html(PAGE)
    assert len(compacted) < len(PAGE) - 36  # the indentation outside pre and script
    assert "\n  " not in compacted.split("</script>")[1].split("<pre")[0]
    assert _text(compacted) == _text(PAGE)
    assert "<b>gras</b> <i>italique</i>" in compacted
    assert "<li>un</li> </ul>" in compacted  # spaces between two tags: one is enough
    assert '<pre class="embed-code"><code>&lt;iframe\n    src="x"&gt;</code></pre>' in compacted
    assert '{\n      "name": "Résultats"\n    }' in compacted  # JSON-LD byte for byte


def test_structure_page_of_the_built_site_is_compact(good_site) -> None:
    page = next(p for p in (good_site / "services").glob("*/index.html") if not p.parent.name.startswith("lettre-"))
    html = page.read_text(encoding="utf-8")
    assert "\n " not in html.split("</head>")[1].split("<pre")[0]
