"""Pelican settings for local work: relative URLs, so output/ can be opened anywhere."""

from __future__ import annotations


def _(text: str) -> str:
    """Marks a French title for `make translations`; the templates translate it where it is shown."""
    return text


AUTHOR = "Programme Services publics de qualité"
SITENAME = "Résultats des services publics"
SITE_TAGLINE = "La qualité de service de vos services publics, mesurée et publiée"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"  # the language of the editorial pages (content/pages/; translations in content/pages/en/)
# The site's languages: the first at the root, each other under /<language>/ (docs/settings.md).
# French at / and English under /en/; LANGUAGES = ["fr_FR"] builds the French site only.
LANGUAGES = ["fr_FR", "en_GB"]
# The settings a reader sees as text, in each other language (the first's are the ones above).
LANGUAGE_SETTINGS = {
    "en": {
        "SITENAME": "Public service results",
        "SITE_TAGLINE": "The quality of your public services, measured and published",
        "RESULTS_COMMITMENTS_TITLE": "Our commitments",
        "RESULTS_FEEDBACK_NAME": "Give feedback on this service",
    },
}
DEFAULT_DATE = "fs"

PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
THEME = "theme"
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = ["static"]
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["content_guard", "results"]  # content_guard: nothing outside content/ is copied

# Editorial pages keep French, stable addresses: content/pages/methodologie.md → /methodologie/
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES: list[str] = []  # the plugin writes the home page
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
DISPLAY_PAGES_ON_MENU = False  # quadratic on big sites; the plugin builds the menu from the page kinds
DISPLAY_CATEGORIES_ON_MENU = False
# MENUITEMS is derived by the plugin from the page kinds' declarations (menu_title / menu_order):
# overriding NETWORKS_INDEX_URL moves the menu entry too. See docs/settings.md.
FOOTER_LINKS = [
    (_("À propos"), "a-propos/"),
    (_("Méthodologie"), "methodologie/"),
    (_("Accessibilité : non conforme"), "accessibilite/"),  # RGAA wording: no audit yet, so "non conforme"
    (_("Mentions légales"), "mentions-legales/"),
    (_("Licence des données"), "licence/"),
]

# No blog feeds: the plugin writes the feed of data releases.
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

JINJA_ENVIRONMENT = {
    "autoescape": True,  # every data-derived string is escaped; |safe only on HTML we produced
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
}

# Results plugin: every RESULTS_* setting, its default and meaning in docs/settings.md
RESULTS_DATA = "data/datapackage.json"
RESULTS_SMALL_SAMPLE = 30
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
