"""Pelican plugin turning a programme's results Data Package into a static results site."""

from __future__ import annotations

from .settings import apply_defaults, check_addresses, formats, parse_settings


def _configure(pelican) -> None:
    """Parse the settings (a bad one stops the build here), fill in every page kind's addresses, move
    them under this run's language (`LANGUAGES`) and derive the menu from the declarations, so a moved
    page moves its menu entry too."""
    from .i18n.sites import LanguagesError, apply_language
    from .kinds import all_kinds
    from .pages import Urls
    from .settings import SettingsError

    settings = pelican.settings
    config = parse_settings(settings)
    kinds = all_kinds(config)
    apply_defaults(settings, kinds)
    try:
        apply_language(settings, kinds)
    except LanguagesError as error:
        raise SettingsError(str(error)) from error
    config = parse_settings(settings)  # RESULTS_LOCALE is now this run's language
    check_addresses(settings, kinds)
    settings["MENUITEMS"] = Urls(settings, kinds, config.public_url).menu()


def _translate_templates(generator) -> None:
    """Every generator's Jinja environment gets the i18n extension, the catalog of RESULTS_LOCALE and
    the number, date and period filters of that locale (`|value`, `|in_period`…)."""
    from .i18n.jinja import install_translations

    install_translations(generator.env, formats(parse_settings(generator.settings)))


def _other_languages(pelican) -> None:
    """The first language's run, once written, builds each other language (`LANGUAGES`)."""
    from .i18n.sites import run_other_languages

    run_other_languages(pelican)


def _generators(pelican) -> type:
    # Imported here, not at module level: chart render workers import this package and must not pay
    # for Pelican and pandas at start-up.
    from .generator import ResultsGenerator

    return ResultsGenerator


def _drop_optional_pages(generator) -> None:
    from .optional_pages import drop_pages_without_their_part

    drop_pages_without_their_part(generator)


def _editorial_languages(generator) -> None:
    from .i18n.editorial import write_own_language_only

    write_own_language_only(generator)


def register() -> None:
    from pelican import signals

    signals.initialized.connect(_configure)
    signals.get_generators.connect(_generators)
    signals.generator_init.connect(_translate_templates)
    signals.page_generator_finalized.connect(_drop_optional_pages)
    signals.page_generator_finalized.connect(_editorial_languages)
    signals.finalized.connect(_other_languages)
