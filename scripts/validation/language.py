"""The validator's language: French messages that can be printed in another language.

Explanations are assembled where the problem is found, long before the report is printed, and the
same `Report` may be printed twice (the log and the job summary). So a message is kept as a `Message`:
a `str` holding its French wording (everything that reads it as a string sees French, as before)
that also remembers its French template and its values. `Language.text` prints it through the
gettext catalog of the chosen language (the site's catalogs, plugins/results/i18n/locales), values
translated the same way, French when a template has no translation yet.

The language is `--lang`, else `RESULTS_LANG`, else the usual locale variables (`LC_ALL`,
`LC_MESSAGES`, `LANG`) when they name a language with a catalog; French otherwise. Nothing is
global: a `Language` is made per run and handed to the formatters.
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date
from results.i18n.catalogs import SOURCE_LANGUAGE, available_languages, translations

LANGUAGE_VARIABLES = ("RESULTS_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


class Message(str):
    """A French message (`str`) that keeps its template and values for translation.

    `Message("La valeur « {value} » n'est pas un nombre.", value=cell)` reads as the French sentence;
    the template is what `make translations` extracts (keyword `Message`).
    """

    msgid: str
    params: Mapping[str, Any]

    def __new__(cls, msgid: str, /, **params: Any) -> Message:
        text = super().__new__(cls, msgid.format(**params) if params or "{{" in msgid else msgid)  # {{ is an escaped {
        text.msgid = msgid
        text.params = params
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # pickled across worker processes with its template
        return (_rebuild, (self.msgid, dict(self.params)))


def _rebuild(msgid: str, params: dict[str, Any]) -> Message:
    return Message(msgid, **params)


def pluralised(singular: str, plural: str, count: int, **params: Any) -> Message:
    """`Message` whose French form agrees with `count` (French: singular up to 1); the other language's
    catalog gives its own form through `ngettext`."""
    text = PluralMessage(singular if abs(count) <= 1 else plural, count=count, **params)
    text.singular, text.plural = singular, plural
    return text


class PluralMessage(Message):
    singular: str
    plural: str

    def __reduce__(self) -> tuple[Any, ...]:
        params = dict(self.params)
        return (_rebuild_plural, (self.singular, self.plural, params.pop("count"), params))


def _rebuild_plural(singular: str, plural: str, count: int, params: dict[str, Any]) -> PluralMessage:
    return pluralised(singular, plural, count, **params)  # type: ignore[return-value]


class DayText(str):
    """A date quoted in a message: its French words as the `str` (« 15 février 2027 »), the reader's
    language's long form through `Language.text` (« 15 February 2027 »)."""

    day: dt.date

    def __new__(cls, day: dt.date, french: str) -> DayText:
        text = super().__new__(cls, french)
        text.day = day
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (DayText, (self.day, str(self)))


class Clause(str):
    """A catalog sentence quoted inside another message without its final period (a column's
    description: « une valeur (Libellé affiché au public) »), translated as the whole sentence."""

    sentence: str

    def __new__(cls, sentence: str) -> Clause:
        text = super().__new__(cls, sentence.rstrip("."))
        text.sentence = sentence
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (Clause, (self.sentence,))


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The first of RESULTS_LANG, LC_ALL, LC_MESSAGES, LANG that names a language with a catalog
    (`en_GB.UTF-8` → `en`); French when none does (`C.UTF-8`, unset, a language without catalog)."""
    environ = os.environ if environ is None else environ
    known = available_languages()
    for name in LANGUAGE_VARIABLES:
        value = environ.get(name, "")
        code = value.split(".")[0].split("@")[0].split("_")[0].lower()
        if code in known:
            return code
        if name == "RESULTS_LANG" and value:
            break  # an explicit but unknown language: French, not the system's
    return SOURCE_LANGUAGE


@dataclass(frozen=True)
class Language:
    """One run's language: translates `Message` messages and the formatters' own words."""

    code: str = SOURCE_LANGUAGE
    catalog: gettext.NullTranslations = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.catalog is None:
            object.__setattr__(self, "catalog", translations(self.code))

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        if self.code == SOURCE_LANGUAGE:
            return singular if abs(count) <= 1 else plural  # French: "0 erreur", "1 erreur", "2 erreurs"
        return self.catalog.ngettext(singular, plural, abs(count))

    def text(self, message: Any) -> Any:
        """`message` in this language: a `Message` through the catalog (its values too), a plain French
        string through the catalog as well (titles, fixed sentences), anything else as is."""
        if self.code == SOURCE_LANGUAGE or message is None:
            return message
        if isinstance(message, DayText):
            return format_date(message.day, "long", locale=self.code)
        if isinstance(message, Clause):
            return self.gettext(message.sentence).rstrip(".")
        if not isinstance(message, Message):
            return self.gettext(message) if isinstance(message, str) and message else message
        values = {name: self.text(value) for name, value in message.params.items()}
        if isinstance(message, PluralMessage):
            template = self.ngettext(message.singular, message.plural, int(message.params["count"]))
        else:
            template = self.gettext(message.msgid)
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a translator's typo must not hide the problem
            return str(message)


FRENCH = Language()
