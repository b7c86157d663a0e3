"""The plugin's settings: one frozen, typed object parsed once at start-up, and the file URL defaults.

Every `RESULTS_*` setting is a field of `ResultsSettings`, with its default and meaning beside it
(docs/settings.md is the same table for readers; a test keeps both in step). Parsing stops the
build with a clear French message when a setting is unknown (a typo such as `RESULTS_SMAL_SAMPLE`
would otherwise be ignored silently) or has the wrong type.

Page addresses follow Pelican's idiom, one `*_URL` / `*_SAVE_AS` pair per page kind, declared with
the kind (`pages.PageKind`); files that are not pages (downloads, API, badges, feeds) keep their
patterns in `FILE_URLS` below. `{slug}` and `{id}` are available in every pattern.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from fractions import Fraction
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel.core import Locale, UnknownLocaleError

from .i18n.catalogs import UnknownLanguageError
from .i18n.formats import Formats
from .labels import DEFAULT_LEVELS, LabelScheme
from .pages import PageKind

BUILTIN_SECTIONS = (
    "results.voice.VoiceSection",
    "results.monitoring.MonitoringSection",
    "results.label_pages.LabelsSection",
    "results.poster.PosterSection",
    "results.downloads.section.DownloadsSection",
    "results.charts_section.ChartsSection",
    "results.search.SearchSection",  # last: it indexes the pages every other section wrote
)


class SettingsError(ValueError):
    """A setting the plugin cannot use: the build stops before reading any data."""


def _setting(default: Any, meaning: str, **extra: Any) -> Any:
    if isinstance(default, (list, dict, set)):
        raise TypeError("mutable defaults are not allowed")
    return field(default=default, metadata={"meaning": meaning, **extra})


@dataclass(frozen=True)
class ResultsSettings:
    """Every `RESULTS_*` setting (field `small_sample` ↔ setting `RESULTS_SMALL_SAMPLE`)."""

    data: str = _setting("data/datapackage.json", "Data Package publié (relatif au projet ou absolu).")
    strict: bool = _setting(
        False,
        "Transforme les avertissements (réseaux en retard) en erreurs : le site n'est pas publié.",
    )
    small_sample: int = _setting(30, "En dessous de ce nombre de réponses, une enquête est signalée comme fragile.")
    stale_grace_days: int = _setting(
        75,
        "Jours laissés après la fin d'une période avant que ses résultats soient en retard.",
    )
    transparency_threshold: str = _setting(
        "2/3",
        "Part (fraction « 2/3 » ou décimal) au-delà de laquelle un réseau est transparent.",
    )
    home_map: str = _setting(
        "satisfaction",
        "Indicateur (identifiant) dont la carte par département figure aussi sur la page d'accueil "
        "(vide : pas de carte sur l'accueil).",
    )
    monitoring_quarters: int = _setting(8, "Trimestres achevés montrés dans les tableaux d'évolution du suivi.")
    recent_actions: int = _setting(10, "Actions d'amélioration listées sur une page réseau.")
    list_max_rows: int = _setting(
        500,
        "Au-delà de ce nombre de structures, une page d'indicateur, de réseau ou de région ne les liste "
        "plus une à une : un tableau les résume par réseau ou par département et mène aux pages qui les "
        "listent (une page par réseau et département pour un grand réseau).",
    )
    public_url: str = _setting(
        "https://example.org/resultats",
        "Adresse absolue du site publié : QR codes, badges, citations, plan du site quand SITEURL est relatif.",
    )
    publication: bool = _setting(
        False,
        "Construction pour publication (publishconf.py) : refuse de construire sans adresse publique "
        "réelle (SITEURL absent ou adresse d'exemple).",
    )
    programme_name: str = _setting(
        "Services Publics+",
        "Nom du programme : texte de remplacement du logo, dans l'en-tête de chaque page.",
    )
    logo: str = _setting(
        "",
        "Logo du programme, fichier du thème (chemin sous theme/static/, ex. « images/logo.svg », publié "
        "sous theme/) affiché dans l'en-tête ; vide : pas de logo.",
    )
    label_name: str = _setting(
        "Services Publics+",
        "Nom du label tel qu'écrit sur les badges (« Label Services Publics+ »).",
    )
    label_levels: tuple = _setting(
        DEFAULT_LEVELS,
        "Niveaux du label, du plus haut au plus bas : paires (code de labels.csv, nom affiché). Les codes "
        "sont ceux de l'énumération `level` du schéma (plugins/results/core/resources.json). Vide, `()` : "
        "le programme n'a pas de label (ni pages, ni badges, ni comptes de labels).",
    )
    feedback_name: str = _setting(
        "Donner mon avis sur ce service",
        "Texte du lien vers le service d'avis des usagers, sur les pages des structures.",
    )
    feedback_url: str = _setting(
        "",
        "Adresse du service d'avis du programme (https://…, « {structure_id} » y est remplacé par le code "
        "de la structure), utilisée pour les réseaux sans `feedback_url_template` ; vide : aucun lien "
        "pour ces réseaux.",
    )
    commitments_title: str = _setting(
        "Nos engagements",
        "Titre de la page des engagements (et de sa section sur les affiches).",
    )
    locale: str = _setting(
        "fr_FR",
        "Langue et conventions (CLDR) du site : nombres, dates, périodes et catalogue de traduction "
        "(fr_FR, en_GB…).",
    )
    chart_cache: str = _setting(
        ".cache/charts",
        "Dossier du cache des graphiques rendus (SVG, PNG, gabarits) et des QR codes des affiches (qr/).",
    )
    chart_workers: int | None = _setting(None, "Processus de rendu des graphiques (vide : un par cœur).", optional=True)
    chart_png_scale: float = _setting(2.0, "Échelle des PNG de graphiques (2 : nets à l'impression).")
    chart_prune: bool = _setting(True, "Supprime du cache les graphiques qu'aucune page de la construction n'utilise.")
    previous_output: str = _setting(
        "",
        "Site précédent d'où sont reprises les pages dont rien n'a changé (vide : toutes les pages sont "
        "rendues). Posé par scripts/build.py, vide avec --force.",
    )
    page_manifest: str = _setting(
        "",
        "Empreintes des pages de la construction précédente (dans .cache/, jamais publié). Posé par "
        "scripts/build.py ; vide : construction complète.",
    )
    sections: tuple = _setting(
        BUILTIN_SECTIONS,
        "Sections du site (chemins « module.Classe »), dans leur ordre ; les sections intégrées "
        "s'enregistrent de la même façon.",
    )
    page_kinds: tuple = _setting(
        (),
        "Types de pages ajoutés par le site (objets `PageKind`), en plus de ceux du cœur et des sections.",
    )

    @property
    def threshold(self) -> Fraction:
        return Fraction(self.transparency_threshold)

    @property
    def label_scheme(self) -> LabelScheme | None:
        """The programme's label, or None when it has none (`RESULTS_LABEL_LEVELS = ()`)."""
        return LabelScheme(self.label_name, self.label_levels) if self.label_levels else None

    def section_classes(self) -> list[type]:
        return [_import(path) if isinstance(path, str) else path for path in self.sections]


def setting_name(field_name: str) -> str:
    return f"RESULTS_{field_name.upper()}"


def setting_table() -> list[tuple[str, Any, str]]:
    """`(name, default, meaning)` of every RESULTS_* setting, in declaration order."""
    return [(setting_name(f.name), f.default, f.metadata["meaning"]) for f in fields(ResultsSettings)]


def _import(path: str) -> type:
    module, _, name = path.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as error:
        raise SettingsError(
            f"RESULTS_SECTIONS : impossible d'importer la section « {path} » ({error}). "
            "Écrivez le chemin complet « module.Classe » d'une classe importable."
        ) from error


def _check_type(name: str, value: Any, default: Any, optional: bool) -> Any:
    if value is None and optional:
        return None
    expected = type(default) if default is not None else int
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if expected is tuple and isinstance(value, list):
        value = tuple(value)
    if expected is str and isinstance(value, Path):
        value = str(value)
    if (isinstance(value, bool) and expected is not bool) or not isinstance(value, expected):
        raise SettingsError(
            f"Le réglage {name} doit être de type {expected.__name__} (comme sa valeur par défaut "
            f"{default!r}) ; reçu {value!r} ({type(value).__name__}). Corrigez-le dans pelicanconf.py."
        )
    return value


def _unknown(name: str, candidates: Iterable[str]) -> SettingsError:
    close = difflib.get_close_matches(name, list(candidates), n=1)
    hint = f" Vouliez-vous écrire {close[0]} ?" if close else ""
    return SettingsError(
        f"Réglage inconnu : {name}.{hint} Les réglages du site sont décrits dans docs/settings.md ; "
        "un réglage mal orthographié serait ignoré sans le dire, la construction s'arrête donc ici."
    )


def check_addresses(settings: Mapping[str, Any], kinds: Iterable[PageKind]) -> None:
    """Every `*_URL` / `*_SAVE_AS` setting must belong to Pelican, to a page kind or to a file."""
    from pelican.settings import DEFAULT_CONFIG

    known = {name for name in DEFAULT_CONFIG if name.endswith(("_URL", "_SAVE_AS"))} | set(FILE_URLS)
    known |= {f"{template.upper()}_SAVE_AS" for template in ("index", "archives", "authors", "categories", "tags")}
    known |= {f"{str(template).upper()}_SAVE_AS" for template in settings.get("DIRECT_TEMPLATES") or ()}
    for kind in kinds:
        known |= set(kind.defaults())
    for name in sorted(settings):
        # RESULTS_PUBLIC_URL is the plugin's own setting, checked by parse_settings, not a page address.
        if name.endswith(("_URL", "_SAVE_AS")) and not name.startswith("RESULTS_") and name not in known:
            raise _unknown(name, known)


def parse_settings(settings: Mapping[str, Any]) -> ResultsSettings:
    """The typed settings, or `SettingsError` naming the bad setting and the fix."""
    by_name = {setting_name(f.name): f for f in fields(ResultsSettings)}
    for name in sorted(settings):
        if name.startswith("RESULTS_") and name not in by_name:
            raise _unknown(name, by_name)
    values = {}
    for name, spec in by_name.items():
        default = spec.default if spec.default is not MISSING else None
        value = settings.get(name, default)
        values[spec.name] = _check_type(name, value, default, bool(spec.metadata.get("optional")))
    values["label_levels"] = _label_levels(values["label_levels"])
    parsed = ResultsSettings(**values)
    try:
        if not 0 < parsed.threshold <= 1:
            raise ValueError
    except (ValueError, ZeroDivisionError) as error:
        raise SettingsError(
            f"RESULTS_TRANSPARENCY_THRESHOLD doit être une part entre 0 et 1, par exemple « 2/3 » ; "
            f"reçu {parsed.transparency_threshold!r}."
        ) from error
    if not parsed.public_url.startswith(("https://", "http://")):
        raise SettingsError(
            f"RESULTS_PUBLIC_URL doit être une adresse absolue (https://…) ; reçu {parsed.public_url!r}. "
            "Les QR codes des affiches et les badges en ont besoin."
        )
    formats(parsed)  # an unknown locale or a language without catalog stops the build here
    _check_identity(parsed, settings)
    if parsed.publication:
        check_public_address(str(settings.get("SITEURL") or ""))
    for kind in parsed.page_kinds:
        if not isinstance(kind, PageKind):
            raise SettingsError(f"RESULTS_PAGE_KINDS ne contient que des objets PageKind ; reçu {kind!r}.")
    return parsed


def _label_levels(value: tuple) -> tuple[tuple[str, str], ...]:
    """`RESULTS_LABEL_LEVELS` as pairs of non-empty strings whose codes are the schema's, each once."""
    from .core.schema import canonical_resources

    levels = []
    for item in value:
        if not (isinstance(item, (tuple, list)) and len(item) == 2 and all(isinstance(x, str) and x.strip()
                                                                          for x in item)):
            raise SettingsError(
                f"RESULTS_LABEL_LEVELS contient {item!r} : chaque niveau s'écrit (code, nom affiché), par "
                "exemple (\"or\", \"Or\"), du plus haut au plus bas ; () pour un programme sans label."
            )
        levels.append((item[0], item[1]))
    if not levels:
        return ()
    labels = next(r for r in canonical_resources() if r["name"] == "labels")
    schema = next(f for f in labels["schema"]["fields"] if f["name"] == "level")["constraints"]["enum"]
    codes = [code for code, _ in levels]
    if sorted(codes) != sorted(schema):
        raise SettingsError(
            f"RESULTS_LABEL_LEVELS : les codes {', '.join(codes)} ne sont pas ceux que le schéma accepte "
            f"dans labels.csv ({', '.join(schema)}). Donnez un nom à chacun de ces codes, une seule fois ; "
            "pour d'autres codes, changez aussi l'énumération `level` de labels dans "
            "plugins/results/core/resources.json (make validate la suit)."
        )
    return tuple(levels)


def _check_identity(parsed: ResultsSettings, settings: Mapping[str, Any]) -> None:
    """The programme's feedback address and logo file: checked before any page links to them."""
    if parsed.feedback_url and not parsed.feedback_url.startswith(("https://", "http://")):
        raise SettingsError(
            f"RESULTS_FEEDBACK_URL doit être une adresse https://… (ou vide) ; reçu {parsed.feedback_url!r}."
        )
    logo = parsed.logo
    if logo:
        parts = Path(logo).parts
        if Path(logo).is_absolute() or ".." in parts or ":" in logo:
            raise SettingsError(
                f"RESULTS_LOGO : {logo!r} doit être un chemin sous theme/static/ (par exemple "
                "« images/logo.svg ») : le site ne charge rien d'ailleurs."
            )
        theme = settings.get("THEME")
        if theme and not (Path(str(theme)) / "static" / logo).is_file():
            raise SettingsError(
                f"RESULTS_LOGO : le fichier {Path(str(theme)) / 'static' / logo} n'existe pas. Placez le logo "
                "sous theme/static/ et donnez son chemin à partir de ce dossier."
            )


def formats(parsed: ResultsSettings) -> Formats:
    """The formatting rules and translation catalog of `RESULTS_LOCALE`, or a French SettingsError."""
    try:
        Locale.parse(parsed.locale)
    except (UnknownLocaleError, ValueError) as error:
        raise SettingsError(
            f"RESULTS_LOCALE : {parsed.locale!r} n'est pas une locale connue de CLDR. "
            "Exemples : « fr_FR », « en_GB »."
        ) from error
    try:
        return Formats(parsed.locale)
    except UnknownLanguageError as error:
        raise SettingsError(f"RESULTS_LOCALE : {error}") from error


PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")  # RFC 2606: never a real site


def is_placeholder(address: str) -> bool:
    """`https://example.org/resultats` (the default) or any other reserved example address."""
    host = urlsplit(address).hostname or ""
    return any(host == name or host.endswith(f".{name}") for name in PLACEHOLDER_HOSTS) or host.endswith(".example")


def check_public_address(site_url: str) -> None:
    """A publication build needs the site's real public address: every QR code, citation, badge, API
    link and sitemap entry is built from it, and a placeholder there would be printed on posters."""
    if not site_url.startswith(("https://", "http://")) or is_placeholder(site_url):
        shown = f"« {site_url} »" if site_url else "aucune adresse"
        raise SettingsError(
            f"Publication refusée : l'adresse publique du site est {shown}. Donnez l'adresse réelle "
            "dans la variable d'environnement SITEURL, par exemple "
            "`SITEURL=https://resultats.exemple.gouv.fr make publish` ; dans GitHub Actions, définissez "
            "la variable de dépôt SITE_URL (Settings → Secrets and variables → Actions → Variables). "
            "Pour un essai local, `make site` construit le site avec des liens relatifs."
        )


# Files that are not pages: their URL is where the file is written (`save_as` is the same).
FILE_URLS: dict[str, str] = {
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "ROBOTS_SAVE_AS": "robots.txt",
    "DATA_FEED_URL": "flux/donnees.atom.xml",
    "DATA_FEED_SAVE_AS": "flux/donnees.atom.xml",
    "LABEL_PAGE_URL": "label/",  # the editorial page explaining the label (content/pages/label.md)
    "LABEL_BADGE_URL": "labels/badges/{id}.svg",  # embedded by other sites: keyed by the stable code
    "LABEL_BADGE_SAVE_AS": "labels/badges/{id}.svg",
    # Open data (plugins/results/downloads/). Files are published at their URL: keep these stable,
    # reusers bookmark and script them. `{ext}` is csv or xlsx.
    "OPEN_DATA_PACKAGE_URL": "donnees/",  # datapackage.json and every resource file
    "OPEN_DATA_ZIP_URL": "donnees/{name}.zip",  # {name}: the package's name
    "OPEN_DATA_RESULTS_URL": "donnees/results.csv.zip",  # the whole results table, one CSV (its files joined), zipped
    "OPEN_DATA_AGGREGATES_URL": "donnees/valeurs-agregees.{ext}",
    "STRUCTURE_DOWNLOAD_URL": "services/{slug}/resultats-{slug}.{ext}",
    "NETWORK_DOWNLOAD_URL": "reseaux/{slug}/resultats-{slug}.{ext}",
    "NETWORK_AGGREGATES_URL": "reseaux/{slug}/valeurs-reseau-{slug}.{ext}",
    "INDICATOR_DOWNLOAD_URL": "indicateurs/{slug}/resultats-{slug}.{ext}",
    "INDICATOR_AGGREGATES_URL": "indicateurs/{slug}/valeurs-agregees-{slug}.{ext}",
    "INDICATOR_HISTORY_URL": "indicateurs/{slug}/historique-{slug}.{ext}",  # every period, zipped ({ext}: zip)
    "REGION_DOWNLOAD_URL": "territoires/regions/{slug}/resultats-{slug}.{ext}",
    "DEPARTEMENT_DOWNLOAD_URL": "territoires/departements/{slug}/resultats-{slug}.{ext}",
    "API_INDEX_URL": "api/v2/index.json",  # versioned: a breaking change goes to api/v3/ (v1: see README)
    "API_STRUCTURES_URL": "api/v2/structures.json",
    "API_STRUCTURE_URL": "api/v2/structures/{id}.json",  # ids, not slugs: a renamed structure keeps its URL
    "API_NETWORKS_URL": "api/v2/networks.json",
    "API_NETWORK_URL": "api/v2/networks/{id}.json",
    "API_INDICATORS_URL": "api/v2/indicators.json",
    "API_INDICATOR_URL": "api/v2/indicators/{id}.json",
}


def apply_defaults(settings: dict[str, Any], kinds: Iterable[PageKind]) -> None:
    """Fill in every address the programme did not set: file URLs and each page kind's pair."""
    for name, value in FILE_URLS.items():
        settings.setdefault(name, value)
    for kind in kinds:
        for name, value in kind.defaults().items():
            settings.setdefault(name, value)


def data_path(settings: Mapping[str, Any], configured: str) -> Path:
    """`RESULTS_DATA`, relative to the working folder, else to the project (content/'s parent)."""
    path = Path(configured)
    if not path.is_absolute() and not path.exists():
        path = Path(settings["PATH"]).parent / path
    return path
