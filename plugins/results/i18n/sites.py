"""The bilingual site: one Pelican run per language, all into the same output folder.

`LANGUAGES = ["fr_FR", "en_GB"]` in the settings publishes the first language at the root and every
other one under `/<language>/` (`/en/`), with the same ids and slugs, so a page's other-language
version is always at a predictable address: `reseaux/caf/` ↔ `en/reseaux/caf/`. A single-language
site is one entry (`["en_GB"]` publishes English at the root).

Why one run per language (like Pelican's i18n_subsites): every part of the build that writes text
(templates, generated sentences, number formats, charts) reads the one locale of its run, so nothing
has to carry a language around. The first language's run writes everything; each other run, started
when the first has finished, writes only its pages and what belongs to them (charts): the downloads,
the API, the badges, the sitemap and the feed are language-neutral files shared by every language,
written once. The search index is built by the last run, over every language's pages (Pagefind keeps
one index per `<html lang>`). Each run keeps its own page manifest, so both stay incremental.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from babel import Locale
from babel.core import UnknownLocaleError

from .catalogs import UnknownLanguageError, translations

RUN = "LANGUAGE_RUN"  # set on the settings of every run but the first: the language it builds
PAGE_SETTINGS = ("PAGE_URL", "PAGE_SAVE_AS", "LABEL_PAGE_URL")  # editorial pages move with the language
# Pelican gives a page not in DEFAULT_LANG these addresses: here, a French page without translation
# published in the English run (editorial.py) keeps the address of its English version.
PAGE_LANG_SETTINGS = {"PAGE_LANG_URL": "PAGE_URL", "PAGE_LANG_SAVE_AS": "PAGE_SAVE_AS"}


class LanguagesError(ValueError):
    """`LANGUAGES` is not a list of known locales, each with a catalog: the build stops."""


@dataclass(frozen=True)
class Language:
    """One language of the site: where its pages live and what its switcher link says."""

    locale: str  # CLDR locale of numbers, dates and the catalog: fr_FR, en_GB
    prefix: str  # "" for the first language, "en/" for the others

    @property
    def code(self) -> str:
        """`fr`, `en`: the `lang` / `hreflang` value and the folder name."""
        return self.locale.split("_")[0]

    @property
    def name(self) -> str:
        """The language's name in itself (`Français`, `English`): a switcher link reads in its language."""
        name = Locale.parse(self.locale).language_name or self.code
        return name[:1].upper() + name[1:]


def _parse(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not value or not all(isinstance(item, str) for item in value):
        raise LanguagesError(
            f"LANGUAGES doit être une liste de locales, la première publiée à la racine du site, par exemple "
            f'["fr_FR", "en_GB"] ; reçu {value!r}. Corrigez-le dans pelicanconf.py.'
        )
    return tuple(value)


def site_languages(settings: Mapping[str, Any]) -> tuple[Language, ...]:
    """The site's languages, first at the root; without `LANGUAGES`, the one of `RESULTS_LOCALE`."""
    configured = settings.get("LANGUAGES") or [settings.get("RESULTS_LOCALE") or "fr_FR"]
    languages: list[Language] = []
    for position, locale in enumerate(_parse(configured)):
        try:
            Locale.parse(locale)
        except (UnknownLocaleError, ValueError) as error:
            raise LanguagesError(
                f"LANGUAGES : {locale!r} n'est pas une locale connue de CLDR. Exemples : « fr_FR », « en_GB »."
            ) from error
        code = locale.split("_")[0]
        if any(language.code == code for language in languages):
            raise LanguagesError(f"LANGUAGES : la langue « {code} » est donnée deux fois ({configured!r}).")
        try:
            translations(code)
        except UnknownLanguageError as error:
            raise LanguagesError(f"LANGUAGES : {error}") from error
        languages.append(Language(locale, "" if position == 0 else f"{code}/"))
    return tuple(languages)


def current_language(settings: Mapping[str, Any]) -> Language:
    """The language this run builds: the first one, unless the run was started for another."""
    languages = site_languages(settings)
    wanted = settings.get(RUN)
    for language in languages:
        if language.code == wanted:
            return language
    return languages[0]


def is_first_run(settings: Mapping[str, Any]) -> bool:
    """The first language's run writes the shared files and starts the other languages' runs."""
    return current_language(settings) == site_languages(settings)[0]


def is_last_run(settings: Mapping[str, Any]) -> bool:
    """The last language's run sees every page: it builds the search index."""
    return current_language(settings) == site_languages(settings)[-1]


def address_settings(settings: Mapping[str, Any], kinds: Any) -> list[str]:
    """Every setting that gives a page's address: page kinds', and Pelican's editorial pages."""
    names = [name for kind in kinds for name in (kind.url_setting, kind.save_as_setting)]
    return [*names, *(name for name in PAGE_SETTINGS if name in settings)]


def apply_language(settings: MutableMapping[str, Any], kinds: Any) -> Language:
    """Make `settings` build one language: its locale, its pages under its prefix, the values the
    templates need for the switcher and the alternates. Called once per run, after the defaults."""
    language = current_language(settings)
    languages = site_languages(settings)
    settings.update(language_overrides(settings, language))
    settings["RESULTS_LOCALE"] = language.locale
    editorial_languages(settings, language)
    if language.prefix:
        for name in address_settings(settings, kinds):
            settings[name] = language.prefix + str(settings[name])
        settings["THEME_STATIC_PATHS"] = []  # /theme/ is shared: the first run copied it
        settings["STATIC_PATHS"] = []
        manifest = str(settings.get("RESULTS_PAGE_MANIFEST") or "")
        if manifest:  # each language keeps its own page fingerprints (scripts/build.py commits them all)
            settings["RESULTS_PAGE_MANIFEST"] = language_manifest(manifest, language.code)
    for name, same in PAGE_LANG_SETTINGS.items():
        if same in settings:
            settings[name] = settings[same]
    settings["SITE_LANGUAGE"] = language.code
    settings["LANGUAGE_PREFIX"] = language.prefix
    settings["SITE_LANGUAGES"] = [
        {"code": other.code, "name": other.name, "prefix": other.prefix} for other in languages
    ] if len(languages) > 1 else []
    return language


def language_overrides(settings: Mapping[str, Any], language: Language) -> dict[str, Any]:
    """`LANGUAGE_SETTINGS = {"en": {"SITENAME": "Public service results", …}}`: the settings whose
    value is text a reader sees (site name, tagline, programme name…) in each language, as Pelican's
    i18n_subsites plugin does with `I18N_SUBSITES`. A language without an entry keeps the first's; an
    entry for a language not in `LANGUAGES` is unused, so a French-only site stays one setting."""
    table = settings.get("LANGUAGE_SETTINGS") or {}
    if not isinstance(table, Mapping) or not all(isinstance(value, Mapping) for value in table.values()):
        raise LanguagesError(
            "LANGUAGE_SETTINGS doit associer à un code de langue les réglages de cette langue, par exemple "
            f'{{"en": {{"SITENAME": "Public service results"}}}} ; reçu {table!r}. Corrigez-le dans pelicanconf.py.'
        )
    overrides = dict(table.get(language.code) or {})
    moving = sorted(name for name in overrides if name in ("LANGUAGES", "SITEURL")
                    or (name.endswith(("_URL", "_SAVE_AS")) and not name.startswith("RESULTS_")))
    if moving:
        raise LanguagesError(
            f"LANGUAGE_SETTINGS[{language.code!r}] : {', '.join(moving)} ne peut pas changer d'une langue à "
            "l'autre (les pages gardent la même adresse dans chaque langue, sous leur préfixe)."
        )
    return overrides


def editorial_languages(settings: MutableMapping[str, Any], language: Language) -> None:
    """Pelican's translations, one run per language (as its i18n_subsites plugin does): the editorial
    pages are written in `DEFAULT_LANG` (pelicanconf.py: "fr"), kept as every page's default `lang`
    (`DEFAULT_METADATA`, so a French page needs no `Lang:` line), while `DEFAULT_LANG` becomes the
    run's language: Pelican then takes, for each slug, the version in the run's language as the page
    and the others as its translations (plugins/results/i18n/editorial.py)."""
    metadata = dict(settings.get("DEFAULT_METADATA") or {})
    metadata.setdefault("lang", str(settings.get("DEFAULT_LANG") or language.code))  # the first run fixes it
    settings["DEFAULT_METADATA"] = metadata
    settings["DEFAULT_LANG"] = language.code


def language_manifest(manifest: str, code: str) -> str:
    """`.cache/pages/abc.json` → `.cache/pages/abc.en.json`."""
    stem, dot, suffix = manifest.rpartition(".")
    return f"{stem}.{code}.{suffix}" if dot else f"{manifest}.{code}"


def other_runs(settings: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The settings of each other language's run, from the first run's (already filled in) settings."""
    if not is_first_run(settings) or settings.get(RUN):
        return []
    runs = []
    for language in site_languages(settings)[1:]:
        run = dict(settings)
        run[RUN] = language.code
        run["DELETE_OUTPUT_DIRECTORY"] = False
        runs.append(run)
    return runs


def run_other_languages(pelican: Any) -> None:
    """`finalized` of the first run: build each other language into the same output folder."""
    from pelican import Pelican

    for settings in other_runs(pelican.settings):
        Pelican(settings).run()
