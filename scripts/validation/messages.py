"""Turn Frictionless errors into French explanations a maintainer can act on.

Each explanation says what is wrong, shows the value, says what was expected and how to fix it,
and points at the line an editor shows. Frictionless's English messages name record positions and
internal notes (`constraint "enum" is "[...]"`); maintainers need the rule in plain words.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from frictionless import Schema, errors

from .checks import DomainError
from .patterns import describe, fix_for
from .precheck import RESAVE_UTF8
from .report import Column, Issue
from .suggest import suggest_date
from .titles import CODE_TITLES, CONSTRAINT_TITLES

Text = tuple[str, str | None, str]  # message, expected, fix
LIST_LIMIT = 8


@dataclass(frozen=True)
class Context:
    """What the explanations need to know about the file an error comes from."""

    file: str
    resource: str
    schema: Schema
    line_of: Callable[[int], int] = lambda record: record
    files: Mapping[str, str] = field(default_factory=dict)  # resource name → shown path
    suggest: Callable[[str, str, str], str | None] = lambda resource, field, value: None

    def field(self, name: str):  # type: ignore[no-untyped-def]
        return self.schema.get_field(name) if name and self.schema.has_field(name) else None

    def names(self) -> str:
        names = self.schema.field_names
        return ", ".join(names)


def explain(error: errors.Error, ctx: Context) -> Issue:
    """One Issue for one Frictionless (or domain) error."""
    if isinstance(error, DomainError):
        text: Text = (error.note, error.expected or None, error.fix)
    else:
        text = EXPLAIN.get(error.type, _fallback)(error, ctx)
    message, expected, fix = text
    return Issue(
        file=ctx.file,
        resource=ctx.resource,
        line=_line(error, ctx),
        column=_column(error, ctx),
        value=_value(error, ctx),
        code=error.type,
        message=message,
        expected=expected,
        fix=fix,
        fatal=error.type in FATAL,
        title=_title(error),
    )


def _title(error: errors.Error) -> str:
    """The French title of the error: the domain check's own, or the constraint's, or the code's."""
    if isinstance(error, DomainError):
        return error.title
    if error.type == "constraint-error":
        found = re.search(r'constraint "(\w+)"', error.note)
        return CONSTRAINT_TITLES.get(found.group(1) if found else "", CODE_TITLES["constraint-error"])
    return CODE_TITLES.get(error.type, "")


FATAL = {"scheme-error", "resource-error", "schema-error", "field-error", "package-error"}


# Location


def _line(error: errors.Error, ctx: Context) -> int | None:
    if isinstance(error, errors.RowError):
        return ctx.line_of(error.row_number)
    if isinstance(error, errors.HeaderError):
        return ctx.line_of(error.row_numbers[0]) if error.row_numbers else 1
    return None


def _column(error: errors.Error, ctx: Context) -> Column | None:
    if isinstance(error, (errors.CellError, errors.LabelError)):
        name = error.field_name or getattr(error, "label", "")
        return Column(name, error.field_number)
    if isinstance(error, errors.ForeignKeyError):
        names = error.field_names
    elif isinstance(error, errors.PrimaryKeyError):
        names = ctx.schema.primary_key
    else:
        return None
    if names and ctx.schema.has_field(names[0]):
        return Column(names[0], ctx.schema.field_names.index(names[0]) + 1)
    return None


def _value(error: errors.Error, ctx: Context) -> str | None:
    if isinstance(error, errors.CellError):
        return error.cell
    if isinstance(error, errors.LabelError):
        return error.label
    if isinstance(error, errors.ForeignKeyError):
        return ", ".join(error.field_cells)
    if isinstance(error, errors.PrimaryKeyError):
        return ", ".join(_key_cells(error, ctx))
    return None


def _key_cells(error: errors.RowError, ctx: Context) -> list[str]:
    names = ctx.schema.field_names
    return [
        error.cells[names.index(key)] if names.index(key) < len(error.cells) else ""
        for key in ctx.schema.primary_key
    ]


# Cells


def _type_error(error: errors.TypeError, ctx: Context) -> Text:
    cell, name = error.cell, error.field_name
    field = ctx.field(name)
    kind = field.type if field else "string"
    if kind == "number":
        fix = "Écrivez un nombre, ou laissez la cellule vide si la valeur n'est pas disponible."
        if re.fullmatch(r"\s*[+-]?\d*,\d+\s*", cell):
            fix = f"Remplacez la virgule décimale par un point : {cell.strip().replace(',', '.')}."
        elif "%" in cell:
            fix = "Retirez le signe % : écrivez le nombre seul (87.5 pour 87,5 %)."
        elif re.search(r"\d[\s\u00a0\u202f.]\d{3}", cell):
            fix = "Retirez les séparateurs de milliers : 12500 et non 12 500."
        return f"« {cell} » n'est pas un nombre (colonne {name}).", _NUMBER, fix
    if kind == "integer":
        fix = "Écrivez un nombre entier, sans décimale, espace ni unité."
        if re.fullmatch(r"\s*\d+[.,]\d+\s*", cell):
            fix = "Arrondissez à l'entier : cette colonne compte des unités et n'a pas de décimale."
        return f"« {cell} » n'est pas un nombre entier (colonne {name}).", "un entier (ex. 412)", fix
    if kind == "date":
        fix = "Écrivez la date au format AAAA-MM-JJ."
        better = suggest_date(cell)
        if better:
            fix = f"Écrivez {better} (année-mois-jour)."
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
            fix = "Cette date n'existe pas : vérifiez le jour et le mois."
        return f"« {cell} » n'est pas une date valide (colonne {name}).", "une date AAAA-MM-JJ (ex. 2026-03-15)", fix
    if field is not None and field.format == "uri":
        return (
            f"« {cell} » n'est pas une adresse web complète (colonne {name}).",
            "une adresse complète (ex. https://www.exemple.fr)",
            "Écrivez l'adresse entière, préfixe https:// compris.",
        )
    return (
        f"« {cell} » n'est pas du type attendu ({kind}) dans la colonne {name}.",
        f"une valeur de type {kind}",
        "Corrigez la valeur.",
    )


_NUMBER = "un nombre avec un point décimal, sans espace ni unité (ex. 81.5)"


def _constraint_error(error: errors.ConstraintError, ctx: Context) -> Text:
    found = re.search(r'constraint "(\w+)"', error.note)
    constraint = found.group(1) if found else ""
    cell, name = error.cell, error.field_name
    field = ctx.field(name)
    bound = field.constraints.get(constraint) if field else None
    if constraint == "required":
        about = f" ({field.description.rstrip('.')})" if field and field.description else ""
        return (
            f"La colonne {name} est obligatoire et la cellule est vide.",
            f"une valeur{about}",
            "Renseignez la cellule.",
        )
    if constraint == "enum":
        allowed = [str(item) for item in bound or []]
        close = difflib.get_close_matches(cell.strip().lower(), allowed, n=1, cutoff=0.6)
        fix = f"Vouliez-vous écrire « {close[0]} » ? " if close else ""
        fix += "Utilisez exactement une des valeurs autorisées (minuscules, sans accents)."
        return f"« {cell} » n'est pas une valeur autorisée pour {name}.", f"une de : {', '.join(allowed)}", fix
    if constraint == "pattern":
        return _pattern(cell, name, str(bound), field)
    if constraint in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        words = {
            "minimum": ("inférieur au minimum", "≥"),
            "maximum": ("supérieur au maximum", "≤"),
            "exclusiveMinimum": ("inférieur ou égal au minimum", ">"),
            "exclusiveMaximum": ("supérieur ou égal au maximum", "<"),
        }[constraint]
        return (
            f"{cell} est {words[0]} autorisé ({bound}) pour {name}.",
            f"une valeur {words[1]} {bound}",
            "Vérifiez la valeur (signe, unité, colonnes inversées ?).",
        )
    if constraint in {"minLength", "maxLength"}:
        side = "au moins" if constraint == "minLength" else "au plus"
        return f"« {cell} » a {len(cell)} caractères.", f"{side} {bound} caractères", "Corrigez la longueur."
    return f"« {cell} » ne respecte pas la contrainte {constraint} de {name}.", str(bound), "Corrigez la valeur."


def _pattern(cell: str, name: str, pattern: str, field) -> Text:  # type: ignore[no-untyped-def]
    """In words and with an example (patterns.py): a maintainer never sees the regular expression."""
    description = field.description if field is not None else None
    return (
        f"« {cell} » n'a pas le format attendu pour {name}.",
        describe(pattern, name, description),
        fix_for(cell, pattern),
    )


def _unique_error(error: errors.UniqueError, ctx: Context) -> Text:
    other = re.search(r"position (\d+)", error.note)
    where = f" ligne {ctx.line_of(int(other.group(1)))}" if other else ""
    return (
        f"« {error.cell} » figure déjà{where} : la colonne {error.field_name} ne doit pas avoir de doublon.",
        "une valeur unique",
        "Supprimez le doublon ou corrigez la valeur.",
    )


def _extra_cell(error: errors.ExtraCellError, ctx: Context) -> Text:
    count = len(ctx.schema.fields)
    fix = 'Un texte contient une virgule ? Entourez-le de guillemets droits ("…"). Sinon supprimez la cellule en trop.'
    split = _split_number(error.cells, ctx)
    if split:
        fix = f"Une virgule décimale coupe sans doute la colonne {split[0]} en deux : écrivez {split[1]}."
    return (
        f"La ligne compte plus de cellules que l'en-tête ({count} colonnes) : cellule en trop en "
        f"position {error.field_number}.",
        f"{count} cellules par ligne",
        fix,
    )


def _split_number(cells: list[str], ctx: Context) -> tuple[str, str] | None:
    """A number column whose value looks cut in two by a decimal comma ("8,1" read as 8 | 1)."""
    for index, column in enumerate(ctx.schema.fields[: len(cells) - 1]):
        if column.type == "number" and re.fullmatch(r"-?\d+", cells[index]) and re.fullmatch(r"\d+", cells[index + 1]):
            return column.name, f"{cells[index]}.{cells[index + 1]}"
    return None


def _missing_cell(error: errors.MissingCellError, ctx: Context) -> Text:
    count = len(ctx.schema.fields)
    fix = "Ajoutez les virgules manquantes : une cellule vide s'écrit par deux virgules consécutives."
    joined = "".join(error.cells)
    for separator, name in (("\t", "des tabulations"), (";", "des points-virgules")):
        if len(error.cells) == 1 and joined.count(separator) >= count - 1:
            fix = f"Cette ligne est séparée par {name} : remplacez-les par des virgules."
    return (
        f"La ligne compte moins de cellules que l'en-tête : il manque la colonne {error.field_name} "
        f"(position {error.field_number}) et les suivantes éventuelles.",
        f"{count} cellules par ligne, même vides",
        fix,
    )


# Rows


def _primary_key(error: errors.PrimaryKeyError, ctx: Context) -> Text:
    keys = ", ".join(ctx.schema.primary_key)
    other = re.search(r"position (\d+)", error.note)
    if not other:
        return (
            f"Les colonnes de la clé ({keys}) sont toutes vides.",
            f"une clé {keys} renseignée",
            "Renseignez la clé ou supprimez la ligne.",
        )
    line = ctx.line_of(int(other.group(1)))
    return (
        f"Ligne en double : la clé ({keys}) = ({', '.join(_key_cells(error, ctx))}) figure déjà ligne {line}.",
        f"une seule ligne par valeur de ({keys})",
        f"Supprimez l'une des deux lignes ({line} ou celle-ci), ou corrigez la clé si elles diffèrent.",
    )


def _foreign_key(error: errors.ForeignKeyError, ctx: Context) -> Text:
    reference = error.reference_name or ctx.resource
    target = ctx.files.get(reference, f"{reference}.csv")
    columns = ", ".join(error.field_names)
    values = ", ".join(error.field_cells)
    ref_columns = ", ".join(error.reference_field_names)
    fix = f"Corrigez la valeur, ou ajoutez d'abord la ligne correspondante à {target}."
    close = ctx.suggest(reference, error.reference_field_names[0], error.field_cells[0])
    if close:
        fix = f"Vouliez-vous écrire « {close} » ? " + fix
    return (
        f"« {values} » ({columns}) n'existe pas dans {target} (colonne {ref_columns}).",
        f"un {ref_columns} présent dans {target}",
        fix,
    )


def _blank_row(error: errors.BlankRowError, ctx: Context) -> Text:
    return "Ligne vide.", "une ligne de données", "Supprimez cette ligne vide (en fin de fichier aussi)."


# Header


def _expected_order(ctx: Context) -> str:
    return f"les colonnes, dans cet ordre : {ctx.names()}"


def _duplicate_label(error: errors.DuplicateLabelError, ctx: Context) -> Text:
    other = re.search(r'position "?(\d+)', error.note)
    first = f"positions {other.group(1)} et {error.field_number}" if other else f"position {error.field_number}"
    return (
        f"La colonne « {error.label} » apparaît deux fois dans l'en-tête ({first}).",
        _expected_order(ctx),
        "Renommez la colonne en double avec le nom attendu à cette position, ou supprimez-la.",
    )


def _blank_label(error: errors.BlankLabelError, ctx: Context) -> Text:
    names = ctx.schema.field_names
    wanted = names[error.field_number - 1] if error.field_number <= len(names) else None
    fix = f"Nommez-la « {wanted} »." if wanted else "Supprimez-la (une virgule en trop en fin d'en-tête ?)."
    return f"L'en-tête de la colonne {error.field_number} est vide.", _expected_order(ctx), fix


def _missing_label(error: errors.MissingLabelError, ctx: Context) -> Text:
    return (
        f"La colonne {error.field_name} manque dans l'en-tête.",
        _expected_order(ctx),
        f"Ajoutez la colonne {error.field_name} en position {error.field_number}, avec une cellule "
        "(même vide) à chaque ligne.",
    )


def _extra_label(error: errors.ExtraLabelError, ctx: Context) -> Text:
    return (
        f"Colonne inattendue « {error.label} » (position {error.field_number}).",
        _expected_order(ctx),
        "Supprimez-la, ou déclarez-la d'abord dans le schéma de datapackage.json.",
    )


def _incorrect_label(error: errors.IncorrectLabelError, ctx: Context) -> Text:
    return (
        f"L'en-tête « {error.label} » en position {error.field_number} ne correspond pas à la colonne "
        f"attendue « {error.field_name} ».",
        _expected_order(ctx),
        f"Renommez-la « {error.field_name} », ou remettez les colonnes dans l'ordre attendu.",
    )


def _blank_header(error: errors.Error, ctx: Context) -> Text:
    return "La ligne d'en-tête est vide.", _expected_order(ctx), f"Écrivez l'en-tête : {ctx.names()}."


# Files


def _file_error(intro: str, fix: str) -> Callable[[errors.Error, Context], Text]:
    def explain_file(error: errors.Error, ctx: Context) -> Text:
        return f"{intro} : {error.note}", None, fix

    return explain_file


def _fallback(error: errors.Error, ctx: Context) -> Text:
    return (
        f"{error.title} : {error.message}",
        None,
        f"Voir la documentation de Frictionless pour l'erreur « {error.type} ».",
    )


EXPLAIN: dict[str, Callable[..., Text]] = {
    "type-error": _type_error,
    "constraint-error": _constraint_error,
    "unique-error": _unique_error,
    "extra-cell": _extra_cell,
    "missing-cell": _missing_cell,
    "primary-key": _primary_key,
    "foreign-key": _foreign_key,
    "blank-row": _blank_row,
    "duplicate-label": _duplicate_label,
    "blank-label": _blank_label,
    "missing-label": _missing_label,
    "extra-label": _extra_label,
    "incorrect-label": _incorrect_label,
    "blank-header": _blank_header,
    "encoding-error": _file_error("Le fichier n'est pas lisible en UTF-8", RESAVE_UTF8),
    "source-error": _file_error(
        "Le contenu du fichier ne peut pas être lu", "Vérifiez qu'il s'agit d'un fichier CSV texte non vide."
    ),
    "scheme-error": _file_error(
        "Le fichier est introuvable ou inaccessible", "Vérifiez son chemin (« path ») dans datapackage.json."
    ),
    "format-error": _file_error(
        "Le format du fichier n'est pas reconnu", "Vérifiez le format déclaré (csv) et l'extension du fichier."
    ),
    "compression-error": _file_error("Le fichier compressé est illisible", "Fournissez un CSV non compressé."),
    "hash-count": _file_error(
        "Le contenu ne correspond pas à l'empreinte déclarée", "Mettez à jour « hash » dans datapackage.json."
    ),
    "byte-count": _file_error(
        "La taille ne correspond pas à celle déclarée", "Mettez à jour « bytes » dans datapackage.json."
    ),
    "field-count": _file_error(
        "Le nombre de colonnes diffère de celui déclaré", "Mettez à jour « fields » dans datapackage.json."
    ),
    "row-count": _file_error(
        "Le nombre de lignes diffère de celui déclaré", "Mettez à jour « rows » dans datapackage.json."
    ),
    "resource-error": _file_error(
        "La ressource est mal décrite dans datapackage.json",
        "Corrigez la description de la ressource (clés étrangères, schéma) dans datapackage.json.",
    ),
}
