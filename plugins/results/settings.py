"""The plugin's settings and their defaults, Pelican style (`*_URL` / `*_SAVE_AS` per page kind).

A programme moves its pages by overriding these in pelicanconf.py; templates and code only ever use
the values resolved here. `{slug}` and `{id}` are available in every pattern.
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    "RESULTS_DATA": "data/datapackage.json",
    "RESULTS_SMALL_SAMPLE": 30,  # surveys with fewer answers are flagged as fragile
    "RESULTS_STALE_GRACE_DAYS": 75,  # time allowed after a period ends before its results are late
    "RESULTS_STRICT": False,  # turn data warnings (late networks) into build failures
    # Users' voice and programme monitoring (plugins/results/voice.py, monitoring.py).
    "RESULTS_TRANSPARENCY_THRESHOLD": "2/3",  # a network is transparent when strictly more publish
    "RESULTS_MONITORING_QUARTERS": 8,  # completed quarters shown in the evolution tables
    "RESULTS_RECENT_ACTIONS": 10,  # improvement actions listed on a network page
    "PROGRAMME_URL": "programme/",
    "PROGRAMME_SAVE_AS": "programme/index.html",
    "PROGRAMME_REPORT_URL": "programme/rapport/",
    "PROGRAMME_REPORT_SAVE_AS": "programme/rapport/index.html",
    "HOME_URL": "",
    "HOME_SAVE_AS": "index.html",
    "STRUCTURE_URL": "services/{slug}/",
    "STRUCTURE_SAVE_AS": "services/{slug}/index.html",
    "STRUCTURES_INDEX_URL": "services/",
    "STRUCTURES_INDEX_SAVE_AS": "services/index.html",
    "STRUCTURES_LETTER_URL": "services/lettre-{slug}/",
    "STRUCTURES_LETTER_SAVE_AS": "services/lettre-{slug}/index.html",
    "NETWORK_URL": "reseaux/{slug}/",
    "NETWORK_SAVE_AS": "reseaux/{slug}/index.html",
    "NETWORKS_INDEX_URL": "reseaux/",
    "NETWORKS_INDEX_SAVE_AS": "reseaux/index.html",
    "INDICATOR_URL": "indicateurs/{slug}/",
    "INDICATOR_SAVE_AS": "indicateurs/{slug}/index.html",
    "INDICATORS_INDEX_URL": "indicateurs/",
    "INDICATORS_INDEX_SAVE_AS": "indicateurs/index.html",
    "REGION_URL": "territoires/regions/{slug}/",
    "REGION_SAVE_AS": "territoires/regions/{slug}/index.html",
    "DEPARTEMENT_URL": "territoires/departements/{slug}/",
    "DEPARTEMENT_SAVE_AS": "territoires/departements/{slug}/index.html",
    "TERRITORIES_INDEX_URL": "territoires/",
    "TERRITORIES_INDEX_SAVE_AS": "territoires/index.html",
    "COMMITMENTS_URL": "engagements/",
    "COMMITMENTS_SAVE_AS": "engagements/index.html",
    "NOT_FOUND_SAVE_AS": "404.html",
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "ROBOTS_SAVE_AS": "robots.txt",
    "DATA_FEED_URL": "flux/donnees.atom.xml",
    "DATA_FEED_SAVE_AS": "flux/donnees.atom.xml",
    # Labels and posters (plugins/results/label_pages.py, poster.py).
    # RESULTS_PUBLIC_URL: absolute address of the published site. QR codes on printed posters and the
    # badge snippet other sites paste need absolute URLs; they use SITEURL when it is absolute
    # (publishconf.py) and this address otherwise, so a local relative build still prints usable posters.
    "RESULTS_PUBLIC_URL": "https://example.org/resultats",
    "RESULTS_LABEL_NAME": "Services Publics+",  # as written on badges: "Label Services Publics+"
    "LABEL_PAGE_URL": "label/",  # the editorial page explaining the label (content/pages/label.md)
    "LABELS_URL": "labels/",
    "LABELS_SAVE_AS": "labels/index.html",
    "LABELS_LEVEL_URL": "labels/niveau-{slug}/",
    "LABELS_LEVEL_SAVE_AS": "labels/niveau-{slug}/index.html",
    "LABELS_NETWORK_URL": "labels/reseaux/{slug}/",
    "LABELS_NETWORK_SAVE_AS": "labels/reseaux/{slug}/index.html",
    "LABELS_REGION_URL": "labels/regions/{slug}/",
    "LABELS_REGION_SAVE_AS": "labels/regions/{slug}/index.html",
    "LABEL_BADGE_URL": "labels/badges/{id}.svg",  # embedded by other sites: keyed by the stable code
    "LABEL_BADGE_SAVE_AS": "labels/badges/{id}.svg",
    "POSTER_URL": "services/{slug}/affiche/",
    "POSTER_SAVE_AS": "services/{slug}/affiche/index.html",
    # Open data (plugins/results/downloads/). Files are published at their URL: keep these stable,
    # reusers bookmark and script them. `{ext}` is csv or xlsx.
    "OPEN_DATA_URL": "donnees/",
    "OPEN_DATA_SAVE_AS": "donnees/index.html",
    "OPEN_DATA_PACKAGE_URL": "donnees/",  # datapackage.json and every resource file
    "OPEN_DATA_ZIP_URL": "donnees/{name}.zip",  # {name}: the package's name
    "OPEN_DATA_AGGREGATES_URL": "donnees/valeurs-agregees.{ext}",
    "STRUCTURE_DOWNLOAD_URL": "services/{slug}/resultats-{slug}.{ext}",
    "NETWORK_DOWNLOAD_URL": "reseaux/{slug}/resultats-{slug}.{ext}",
    "NETWORK_AGGREGATES_URL": "reseaux/{slug}/valeurs-reseau-{slug}.{ext}",
    "INDICATOR_DOWNLOAD_URL": "indicateurs/{slug}/resultats-{slug}.{ext}",
    "INDICATOR_AGGREGATES_URL": "indicateurs/{slug}/valeurs-agregees-{slug}.{ext}",
    "REGION_DOWNLOAD_URL": "territoires/regions/{slug}/resultats-{slug}.{ext}",
    "DEPARTEMENT_DOWNLOAD_URL": "territoires/departements/{slug}/resultats-{slug}.{ext}",
    "API_INDEX_URL": "api/v1/index.json",  # versioned: a breaking change goes to api/v2/
    "API_STRUCTURES_URL": "api/v1/structures.json",
    "API_STRUCTURE_URL": "api/v1/structures/{id}.json",  # ids, not slugs: a renamed structure keeps its URL
    "API_NETWORKS_URL": "api/v1/networks.json",
    "API_NETWORK_URL": "api/v1/networks/{id}.json",
    "API_INDICATORS_URL": "api/v1/indicators.json",
    "API_INDICATOR_URL": "api/v1/indicators/{id}.json",
}


def apply_defaults(settings: dict[str, Any]) -> None:
    """Fill in every setting the programme did not set (called once per Pelican run)."""
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)


def page_url(settings: dict[str, Any], kind: str, **fields: str) -> tuple[str, str]:
    """`(url, save_as)` for a page kind, e.g. `page_url(settings, "STRUCTURE", slug="caf-de-l-ain")`."""
    return settings[f"{kind}_URL"].format(**fields), settings[f"{kind}_SAVE_AS"].format(**fields)
