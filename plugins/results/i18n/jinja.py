"""Templates speak the site's language: Jinja's i18n extension reading our gettext catalog.

Every Pelican generator has its own Jinja environment (pages, the results generator, the theme's
static pages…); each gets the extension and the catalog of `RESULTS_LOCALE` when it starts, so a
template writes `{{ _("Accueil") }}` or `{% trans %}…{% endtrans %}` with the French text and an
English build shows the catalog's translation.
"""

from __future__ import annotations

from jinja2 import Environment

from .formats import Formats

EXTENSION = "jinja2.ext.i18n"


def install_translations(env: Environment, formats: Formats) -> None:
    """Add the i18n extension to `env` if the settings did not, then install the locale's catalog."""
    if EXTENSION not in env.extensions and "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension(EXTENSION)
    env.install_gettext_translations(formats.catalog, newstyle=True)
    env.filters.update(formats.filters())  # after Pelican's JINJA_FILTERS: the locale's own wording wins
    env.filters["worded"] = lambda change: change.worded(formats)  # a changes.Change in this language
