"""What a downloaded file says about itself: source, licence, date, citation and field meanings.

A workbook travels alone (attached to an e-mail, pasted into an article's sources), so its
"À propos" sheet repeats what the data page says; the same wording feeds the package README.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.safety import neutralize
from ..i18n.formats import N_, Formats
from ..model import PackageInfo
from .columns import Column
from .encoding import EMPTY, xml_string_tail
from .xlsx import HEADER_STYLE, WRAP_STYLE, Sheet, render_rows

ABOUT_SHEET = N_("À propos")
TYPE_WORDING = {"string": N_("texte"), "number": N_("nombre"), "integer": N_("nombre entier"),
                "date": N_("date (AAAA-MM-JJ)")}


@dataclass(frozen=True)
class Provenance:
    """Package-level facts every download repeats."""

    info: PackageInfo
    publisher: str
    site_url: str  # absolute when known, for the citation
    formats: Formats  # the build's language: dates and words of the citation and the "about" sheet

    @property
    def licence(self) -> str:
        url = self.info.license_url
        return f"{self.info.license_title} ({url})" if url else self.info.license_title

    @property
    def sources(self) -> str:
        return " ; ".join(f"{title} ({path})" if path else title for title, path in self.info.sources)

    def citation(self, page_url: str = "") -> str:
        """`Publisher, « Title », version, données à jour au …, URL` (the form Etalab recommends)."""
        parts = [
            self.publisher,
            self.formats.gettext("« {title} »").format(title=self.info.title),  # “{title}” in English
            self.formats.gettext("version {version}").format(version=self.info.version),
            self.formats.gettext("données à jour au {date}").format(date=self.formats.date(self.info.as_of)),
            page_url or self.site_url,
            self.info.license_title,
        ]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class AboutText:
    """What one language's "about" sheet says of its file: its title, its rows, its page (in that language)."""

    title: str
    scope: str
    page_url: str


class AboutSheets:
    """Builds "À propos" sheets: facts as label/value rows, then one row per field of each data sheet.

    A workbook is one file for every language of the site (its data is language-neutral), so it has one
    "about" sheet per language (`provenances`, the build's languages in order: « À propos », « About »).
    The field rows are the same in thousands of files: they are rendered once per language and set of sheets.
    """

    WIDTH = 4

    def __init__(self, provenances: Sequence[Provenance]) -> None:
        self.provenances = tuple(provenances)
        self._fields: dict[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], tuple[str, int]] = {}

    def sheets(self, texts: Sequence[AboutText], tables: Sequence[tuple[str, Sequence[Column]]]) -> list[Sheet]:
        """One sheet per language, `texts[i]` worded in the language of `provenances[i]`."""
        return [self.sheet(provenance, text, tables) for provenance, text in zip(self.provenances, texts, strict=True)]

    @staticmethod
    def facts(provenance: Provenance, title: str, scope: str, page_url: str) -> list[tuple[str, str]]:
        info = provenance.info
        _ = provenance.formats.gettext
        facts = [
            (_("Contenu"), title),
            (_("Lignes"), scope),
            (_("Page du site"), page_url),
            (_("Jeu de données"), _("{title} (version {version})").format(title=info.title, version=info.version)),
            (_("Données à jour au"), info.as_of.isoformat()),
            (_("Producteur"), provenance.publisher),
            (_("Sources"), provenance.sources),
            (_("Licence"), provenance.licence),
            (_("Citer ces données"), provenance.citation(page_url)),
            (_("Valeurs"), _("Les valeurs sont celles du jeu de données, sans arrondi ; une cellule vide est une "
                             "valeur manquante. Les colonnes sont décrites ci-dessous.")),
        ]
        if info.demo:
            facts.insert(0, (_("Attention"), _("Données de démonstration : structures et chiffres fictifs.")))
        return facts

    def sheet(self, provenance: Provenance, text: AboutText, tables: Sequence[tuple[str, Sequence[Column]]]) -> Sheet:
        _ = provenance.formats.gettext
        rows = [_row(label, value) for label, value in self.facts(provenance, text.title, text.scope, text.page_url)]
        # page kinds differ in their sheets and columns, languages in their words
        key = (provenance.formats.language, tuple((name, tuple(c.name for c in columns)) for name, columns in tables))
        if key not in self._fields:
            field_rows: list[tuple[str, ...]] = []
            for sheet_name, columns in tables:
                field_rows.append(_row())
                field_rows.append(tuple(
                    xml_string_tail(text, HEADER_STYLE)
                    for text in (_("Feuille « {sheet} » : colonne").format(sheet=sheet_name), _("Intitulé"),
                                 _("Type"), _("Description"))
                ))
                field_rows.extend(
                    _row(c.name, _(c.title), _(TYPE_WORDING.get(c.type, c.type)), _(c.description)) for c in columns
                )
            self._fields[key] = (render_rows(self.WIDTH, field_rows, len(rows) + 2), len(field_rows))
        tail, tail_rows = self._fields[key]
        return Sheet(_(ABOUT_SHEET), (_("Rubrique"), _("Valeur"), "", ""), rows, widths=(30, 40, 16, 80),
                     freeze_header=False, tail=tail, tail_rows=tail_rows)


def _row(*texts: str) -> tuple[str, ...]:
    cells = [xml_string_tail(neutralize(text), WRAP_STYLE) if text else EMPTY.xml for text in texts]
    return tuple(cells + [EMPTY.xml] * (AboutSheets.WIDTH - len(cells)))
