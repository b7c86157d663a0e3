"""Machine-facing site files: `sitemap.xml`, `robots.txt` and the Atom feed of data releases.

Everything is sorted and dated from the data (never the wall clock) so two builds are identical.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .i18n.editorial import written_in
from .i18n.formats import Formats
from .i18n.sites import is_first_run, site_languages


def sitemap_xml(public: Callable[[str], str], urls: list[str],
                languages: list[tuple[str, str]] | None = None,
                written_in: Mapping[str, set[str]] | None = None) -> str:
    """Sitemap locations must be absolute: `Urls.public`, the one rule for absolute addresses.

    With several languages (`(code, prefix)` pairs, the first prefix being ""), each page is listed in every language,
    each entry naming all its versions (`xhtml:link rel="alternate" hreflang`), as search engines ask; a page
    `written_in` fewer languages (an editorial page without translation) is listed in those only.
    """
    if not languages:
        entries = "".join(f"  <url><loc>{escape(public(url))}</loc></url>\n" for url in sorted(set(urls)))
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}</urlset>\n"
        )
    entries = []
    for url in sorted(set(urls)):
        versions = [(code, prefix) for code, prefix in languages
                    if written_in is None or url not in written_in or code in written_in[url]]
        alternates = "".join(
            f'    <xhtml:link rel="alternate" hreflang="{code}" href="{escape(public(prefix + url))}"/>\n'
            for code, prefix in versions
        )
        entries += [f"  <url>\n    <loc>{escape(public(prefix + url))}</loc>\n{alternates}  </url>\n"
                    for _code, prefix in versions]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        f"{''.join(entries)}</urlset>\n"
    )



def robots_txt(public: Callable[[str], str], sitemap_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {public(sitemap_url)}\n"


def atom_feed(public: Callable[[str], str], feed_url: str, info: Any, formats: Formats) -> str:
    """One entry per data release listed in the package (`releases`), newest first, in the build's
    language (the releases' own titles are the package's words)."""
    _ = formats.gettext

    def version(number: str) -> str:
        return _("version {version}").format(version=number)

    home = public("")
    updated = info.releases[0].date.isoformat() if info.releases else info.as_of.isoformat()
    entries = []
    for release in info.releases:
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(release.title)}</title>\n"
            f"    <id>tag:{escape(info.name)},{release.date.isoformat()}:{escape(release.version)}</id>\n"
            f'    <link href="{escape(home)}"/>\n'
            f"    <updated>{release.date.isoformat()}T00:00:00Z</updated>\n"
            f"    <summary>{escape(release.description)} ({escape(version(release.version))})</summary>\n"
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{formats.language}">\n'
        f"  <title>{escape(_('{title} : mises à jour des données').format(title=info.title))}</title>\n"
        f"  <id>tag:{escape(info.name)},feed</id>\n"
        f'  <link href="{escape(home)}"/>\n'
        f'  <link rel="self" href="{escape(public(feed_url))}"/>\n'
        f"  <updated>{updated}T00:00:00Z</updated>\n"
        f"  <author><name>{escape(info.title)}</name></author>\n"
        f"{''.join(entries)}</feed>\n"
    )


def write_site_files(generator: Any, writer: Any) -> None:
    """Write the sitemap (our pages and Pelican's editorial pages, in every language), robots.txt and
    the feed. Shared by every language: the first language's run writes them."""
    settings, context = generator.settings, generator.context
    if not is_first_run(settings):
        return
    public = generator.site.urls.public
    output = Path(generator.output_path)
    urls = [page.url for page in generator.pages if page.kind.in_sitemap]
    urls += [page.url for page in context.get("pages", [])]
    editorial = {page.url: written_in(page) for page in context.get("pages", [])}
    languages = [(language.code, language.prefix) for language in site_languages(settings)]
    files = {
        settings["SITEMAP_SAVE_AS"]: sitemap_xml(public, urls, languages if len(languages) > 1 else None, editorial),
        settings["ROBOTS_SAVE_AS"]: robots_txt(public, settings["SITEMAP_SAVE_AS"]),
        settings["DATA_FEED_SAVE_AS"]: atom_feed(public, settings["DATA_FEED_URL"], context["programme"],
                                                 generator.site.formats),
    }
    for name, text in files.items():
        path = output / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
