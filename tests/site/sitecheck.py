"""Helpers for site tests: read CSVs independently of the plugin, collect links from built pages."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name])


def broken_internal_links(output: Path) -> list[str]:
    """Every href/src of every HTML page that points inside the site but to no file (or no anchor)."""
    problems: list[str] = []
    ids_by_page: dict[Path, set[str]] = {}
    pages = sorted(output.rglob("*.html"))
    collected: dict[Path, list[str]] = {}
    for page in pages:
        collector = LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        ids_by_page[page] = collector.ids
        collected[page] = collector.links
    for page, links in collected.items():
        if page.name == "404.html":
            continue  # served at any depth; checked with absolute URLs in production
        base = "http://site/" + page.relative_to(output).as_posix()
        for link in links:
            target = urlparse(urljoin(base, link))
            if target.scheme not in ("http", "https") or target.netloc != "site":
                continue
            path = output / unquote(target.path.lstrip("/"))
            if path.is_dir() or target.path.endswith("/"):
                path = path / "index.html"
            if not path.exists():
                problems.append(f"{page.relative_to(output)} → {link}")
            elif target.fragment and path.suffix == ".html":
                ids = ids_by_page.get(path)
                if ids is not None and target.fragment not in ids:
                    problems.append(f"{page.relative_to(output)} → {link} (ancre absente)")
    return problems
