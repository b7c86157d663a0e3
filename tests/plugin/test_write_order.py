"""Pages are written so that a page handing values to another is followed by it (`PageKind.follows`):
a structure's poster right after the structure's page, whatever order the kinds were declared in."""

from __future__ import annotations

from dataclasses import dataclass

from results.pages import Page, PageKind, write_order


@dataclass(frozen=True)
class Record:
    id: str
    slug: str


PARENT = PageKind("PARENT", "parent", "p/{slug}/", "p/{slug}/index.html")
CHILD = PageKind("CHILD", "child", "p/{slug}/c/", "p/{slug}/c/index.html", follows="PARENT")
OTHER = PageKind("OTHER", "other", "o/{slug}/", "o/{slug}/index.html")


def page(kind: PageKind, record: Record) -> Page:
    return Page(kind, record, kind.url.format(slug=record.slug), kind.save_as.format(slug=record.slug))


def test_a_following_page_comes_right_after_the_page_of_its_record() -> None:
    a, b, c = Record("1", "a"), Record("2", "b"), Record("3", "c")
    planned = [page(PARENT, a), page(PARENT, b), page(OTHER, a), page(CHILD, b), page(CHILD, a), page(CHILD, c)]
    assert [(p.kind.name, p.record.slug) for p in write_order(planned)] == [
        ("PARENT", "a"), ("CHILD", "a"), ("PARENT", "b"), ("CHILD", "b"), ("OTHER", "a"),
        ("CHILD", "c"),  # no page of its record to follow: written last, never dropped
    ]


def test_without_following_kinds_the_planned_order_is_kept() -> None:
    a, b = Record("1", "a"), Record("2", "b")
    planned = [page(OTHER, b), page(PARENT, a), page(OTHER, a)]
    assert write_order(planned) == planned
