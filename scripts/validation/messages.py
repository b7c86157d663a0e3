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
from results.i18n.formats import N_

from .checks import DomainError
from .language import Clause, Message
from .patterns import describe, fix_for
from .precheck import RESAVE_UTF8
from .report import Column, Issue
from .suggest import suggest_date
from .titles import CODE_TITLES, CONSTRAINT_TITLES

Explanation = tuple[str, str | None, str]  # message, expected, fix (`Message`: French, translatable)
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
        text: Explanation = (error.note, error.expected or None, error.fix)
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


def _type_error(error: errors.TypeError, ctx: Context) -> Explanation:
    cell, name = error.cell, error.field_name
    field = ctx.field(name)
    kind = field.type if field else "string"
    if kind == "number":
        fix = Message("Écrivez un nombre, ou laissez la cellule vide si la valeur n'est pas disponible.")
        if re.fullmatch(r"\s*[+-]?\d*,\d+\s*", cell):
            fix = Message("Remplacez la virgule décimale par un point : {number}.",
                          number=cell.strip().replace(",", "."))
        elif "%" in cell:
            fix = Message("Retirez le signe % : écrivez le nombre seul (87.5 pour 87,5 %).")
        elif re.search(r"\d[\s\u00a0\u202f.]\d{3}", cell):
            fix = Message("Retirez les séparateurs de milliers : 12500 et non 12 500.")
        return Message("« {cell} » n'est pas un nombre (colonne {name}).", cell=cell, name=name), _NUMBER, fix
    if kind == "integer":
        fix = Message("Écrivez un nombre entier, sans décimale, espace ni unité.")
        if re.fullmatch(r"\s*\d+[.,]\d+\s*", cell):
            fix = Message("Arrondissez à l'entier : cette colonne compte des unités et n'a pas de décimale.")
        return (Message("« {cell} » n'est pas un nombre entier (colonne {name}).", cell=cell, name=name),
                Message("un entier (ex. 412)"), fix)
    if kind == "date":
        fix = Message("Écrivez la date au format AAAA-MM-JJ.")
        better = suggest_date(cell)
        if better:
            fix = Message("Écrivez {date} (année-mois-jour).", date=better)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
            fix = Message("Cette date n'existe pas : vérifiez le jour et le mois.")
        return (Message("« {cell} » n'est pas une date valide (colonne {name}).", cell=cell, name=name),
                Message("une date AAAA-MM-JJ (ex. 2026-03-15)"), fix)
    if field is not None and field.format == "uri":
        return (
            Message("« {cell} » n'est pas une adresse web complète (colonne {name}).", cell=cell, name=name),
            Message("une adresse complète (ex. https://www.exemple.fr)"),
            Message("Écrivez l'adresse entière, préfixe https:// compris."),
        )
    return (
        Message("« {cell} » n'est pas du type attendu ({kind}) dans la colonne {name}.", cell=cell, kind=kind,
                name=name),
        Message("une valeur de type {kind}", kind=kind),
        Message("Corrigez la valeur."),
    )


_NUMBER = Message("un nombre avec un point décimal, sans espace ni unité (ex. 81.5)")
BOUNDS = {
    "minimum": (N_("{cell} est inférieur au minimum autorisé ({bound}) pour {name}."), "≥"),
    "maximum": (N_("{cell} est supérieur au maximum autorisé ({bound}) pour {name}."), "≤"),
    "exclusiveMinimum": (N_("{cell} est inférieur ou égal au minimum autorisé ({bound}) pour {name}."), ">"),
    "exclusiveMaximum": (N_("{cell} est supérieur ou égal au maximum autorisé ({bound}) pour {name}."), "<"),
}


def _constraint_error(error: errors.ConstraintError, ctx: Context) -> Explanation:
    found = re.search(r'constraint "(\w+)"', error.note)
    constraint = found.group(1) if found else ""
    cell, name = error.cell, error.field_name
    field = ctx.field(name)
    bound = field.constraints.get(constraint) if field else None
    if constraint == "required":
        expected = (Message("une valeur ({about})", about=Clause(field.description)) if field and field.description
                    else Message("une valeur"))
        return (
            Message("La colonne {name} est obligatoire et la cellule est vide.", name=name),
            expected,
            Message("Renseignez la cellule."),
        )
    if constraint == "enum":
        allowed = [str(item) for item in bound or []]
        close = difflib.get_close_matches(cell.strip().lower(), allowed, n=1, cutoff=0.6)
        fix = Message("Utilisez exactement une des valeurs autorisées (minuscules, sans accents).")
        if close:
            fix = Message("Vouliez-vous écrire « {close} » ? {fix}", close=close[0], fix=fix)
        return (Message("« {cell} » n'est pas une valeur autorisée pour {name}.", cell=cell, name=name),
                Message("une de : {values}", values=", ".join(allowed)), fix)
    if constraint == "pattern":
        return _pattern(cell, name, str(bound), field)
    if constraint in BOUNDS:
        message, sign = BOUNDS[constraint]
        return (
            Message(message, cell=cell, bound=bound, name=name),
            Message("une valeur {sign} {bound}", sign=sign, bound=bound),
            Message("Vérifiez la valeur (signe, unité, colonnes inversées ?)."),
        )
    if constraint in {"minLength", "maxLength"}:
        expected = (Message("au moins {bound} caractères", bound=bound) if constraint == "minLength"
                    else Message("au plus {bound} caractères", bound=bound))
        return (Message("« {cell} » a {length} caractères.", cell=cell, length=len(cell)), expected,
                Message("Corrigez la longueur."))
    return (Message("« {cell} » ne respecte pas la contrainte {constraint} de {name}.", cell=cell,
                 constraint=constraint, name=name), str(bound), Message("Corrigez la valeur."))


def _pattern(cell: str, name: str, pattern: str, field) -> Explanation:  # type: ignore[no-untyped-def]
    """In words and with an example (patterns.py): a maintainer never sees the regular expression."""
    description = field.description if field is not None else None
    return (
        Message("« {cell} » n'a pas le format attendu pour {name}.", cell=cell, name=name),
        describe(pattern, name, description),
        fix_for(cell, pattern),
    )


def _unique_error(error: errors.UniqueError, ctx: Context) -> Explanation:
    other = re.search(r"position (\d+)", error.note)
    if other:
        message = Message("« {cell} » figure déjà ligne {line} : la colonne {name} ne doit pas avoir de doublon.",
                       cell=error.cell, line=ctx.line_of(int(other.group(1))), name=error.field_name)
    else:
        message = Message("« {cell} » figure déjà : la colonne {name} ne doit pas avoir de doublon.",
                       cell=error.cell, name=error.field_name)
    return message, Message("une valeur unique"), Message("Supprimez le doublon ou corrigez la valeur.")


def _extra_cell(error: errors.ExtraCellError, ctx: Context) -> Explanation:
    count = len(ctx.schema.fields)
    fix = Message('Un texte contient une virgule ? Entourez-le de guillemets droits ("…"). '
               'Sinon supprimez la cellule en trop.')
    split = _split_number(error.cells, ctx)
    if split:
        fix = Message("Une virgule décimale coupe sans doute la colonne {name} en deux : écrivez {number}.",
                   name=split[0], number=split[1])
    return (
        Message("La ligne compte plus de cellules que l'en-tête ({count} colonnes) : cellule en trop en "
             "position {position}.", count=count, position=error.field_number),
        Message("{count} cellules par ligne", count=count),
        fix,
    )


def _split_number(cells: list[str], ctx: Context) -> tuple[str, str] | None:
    """A number column whose value looks cut in two by a decimal comma ("8,1" read as 8 | 1)."""
    for index, column in enumerate(ctx.schema.fields[: len(cells) - 1]):
        if column.type == "number" and re.fullmatch(r"-?\d+", cells[index]) and re.fullmatch(r"\d+", cells[index + 1]):
            return column.name, f"{cells[index]}.{cells[index + 1]}"
    return None


def _missing_cell(error: errors.MissingCellError, ctx: Context) -> Explanation:
    count = len(ctx.schema.fields)
    fix = Message("Ajoutez les virgules manquantes : une cellule vide s'écrit par deux virgules consécutives.")
    joined = "".join(error.cells)
    separators = (("\t", Message("Cette ligne est séparée par des tabulations : remplacez-les par des virgules.")),
                  (";", Message("Cette ligne est séparée par des points-virgules : remplacez-les par des virgules.")))
    for separator, advice in separators:
        if len(error.cells) == 1 and joined.count(separator) >= count - 1:
            fix = advice
    return (
        Message("La ligne compte moins de cellules que l'en-tête : il manque la colonne {name} "
             "(position {position}) et les suivantes éventuelles.", name=error.field_name,
             position=error.field_number),
        Message("{count} cellules par ligne, même vides", count=count),
        fix,
    )


# Rows


def _primary_key(error: errors.PrimaryKeyError, ctx: Context) -> Explanation:
    keys = ", ".join(ctx.schema.primary_key)
    other = re.search(r"position (\d+)", error.note)
    if not other:
        return (
            Message("Les colonnes de la clé ({keys}) sont toutes vides.", keys=keys),
            Message("une clé {keys} renseignée", keys=keys),
            Message("Renseignez la clé ou supprimez la ligne."),
        )
    line = ctx.line_of(int(other.group(1)))
    return (
        Message("Ligne en double : la clé ({keys}) = ({values}) figure déjà ligne {line}.", keys=keys,
             values=", ".join(_key_cells(error, ctx)), line=line),
        Message("une seule ligne par valeur de ({keys})", keys=keys),
        Message("Supprimez l'une des deux lignes ({line} ou celle-ci), ou corrigez la clé si elles diffèrent.",
             line=line),
    )


def _foreign_key(error: errors.ForeignKeyError, ctx: Context) -> Explanation:
    reference = error.reference_name or ctx.resource
    target = ctx.files.get(reference, f"{reference}.csv")
    columns = ", ".join(error.field_names)
    values = ", ".join(error.field_cells)
    ref_columns = ", ".join(error.reference_field_names)
    fix = Message("Corrigez la valeur, ou ajoutez d'abord la ligne correspondante à {target}.", target=target)
    close = ctx.suggest(reference, error.reference_field_names[0], error.field_cells[0])
    if close:
        fix = Message("Vouliez-vous écrire « {close} » ? {fix}", close=close, fix=fix)
    return (
        Message("« {values} » ({columns}) n'existe pas dans {target} (colonne {ref_columns}).", values=values,
             columns=columns, target=target, ref_columns=ref_columns),
        Message("un {ref_columns} présent dans {target}", ref_columns=ref_columns, target=target),
        fix,
    )


def _blank_row(error: errors.BlankRowError, ctx: Context) -> Explanation:
    return (Message("Ligne vide."), Message("une ligne de données"),
            Message("Supprimez cette ligne vide (en fin de fichier aussi)."))


# Header


def _expected_order(ctx: Context) -> Message:
    return Message("les colonnes, dans cet ordre : {names}", names=ctx.names())


def _duplicate_label(error: errors.DuplicateLabelError, ctx: Context) -> Explanation:
    other = re.search(r'position "?(\d+)', error.note)
    first = (Message("positions {first} et {second}", first=other.group(1), second=error.field_number) if other
             else Message("position {position}", position=error.field_number))
    return (
        Message("La colonne « {label} » apparaît deux fois dans l'en-tête ({first}).", label=error.label, first=first),
        _expected_order(ctx),
        Message("Renommez la colonne en double avec le nom attendu à cette position, ou supprimez-la."),
    )


def _blank_label(error: errors.BlankLabelError, ctx: Context) -> Explanation:
    names = ctx.schema.field_names
    wanted = names[error.field_number - 1] if error.field_number <= len(names) else None
    fix = (Message("Nommez-la « {name} ».", name=wanted) if wanted
           else Message("Supprimez-la (une virgule en trop en fin d'en-tête ?)."))
    message = Message("L'en-tête de la colonne {position} est vide.", position=error.field_number)
    return message, _expected_order(ctx), fix


def _missing_label(error: errors.MissingLabelError, ctx: Context) -> Explanation:
    return (
        Message("La colonne {name} manque dans l'en-tête.", name=error.field_name),
        _expected_order(ctx),
        Message("Ajoutez la colonne {name} en position {position}, avec une cellule (même vide) à chaque ligne.",
             name=error.field_name, position=error.field_number),
    )


def _extra_label(error: errors.ExtraLabelError, ctx: Context) -> Explanation:
    return (
        Message("Colonne inattendue « {label} » (position {position}).", label=error.label,
                position=error.field_number),
        _expected_order(ctx),
        Message("Supprimez-la, ou déclarez-la d'abord dans le schéma de datapackage.json."),
    )


def _incorrect_label(error: errors.IncorrectLabelError, ctx: Context) -> Explanation:
    return (
        Message("L'en-tête « {label} » en position {position} ne correspond pas à la colonne attendue « {name} ».",
             label=error.label, position=error.field_number, name=error.field_name),
        _expected_order(ctx),
        Message("Renommez-la « {name} », ou remettez les colonnes dans l'ordre attendu.", name=error.field_name),
    )


def _blank_header(error: errors.Error, ctx: Context) -> Explanation:
    return (Message("La ligne d'en-tête est vide."), _expected_order(ctx),
            Message("Écrivez l'en-tête : {names}.", names=ctx.names()))


# Files


def _file_error(intro: str, fix: str) -> Callable[[errors.Error, Context], Explanation]:
    def explain_file(error: errors.Error, ctx: Context) -> Explanation:
        return Message("{intro} : {note}", intro=Message(intro), note=error.note), None, Message(fix)

    return explain_file


def _fallback(error: errors.Error, ctx: Context) -> Explanation:
    return (
        f"{error.title} : {error.message}",
        None,
        Message("Voir la documentation de Frictionless pour l'erreur « {code} ».", code=error.type),
    )


EXPLAIN: dict[str, Callable[..., Explanation]] = {
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
    "encoding-error": _file_error(N_("Le fichier n'est pas lisible en UTF-8"), RESAVE_UTF8),
    "source-error": _file_error(
        N_("Le contenu du fichier ne peut pas être lu"), N_("Vérifiez qu'il s'agit d'un fichier CSV texte non vide.")
    ),
    "scheme-error": _file_error(
        N_("Le fichier est introuvable ou inaccessible"), N_("Vérifiez son chemin (« path ») dans datapackage.json.")
    ),
    "format-error": _file_error(
        N_("Le format du fichier n'est pas reconnu"), N_("Vérifiez le format déclaré (csv) et l'extension du fichier.")
    ),
    "compression-error": _file_error(N_("Le fichier compressé est illisible"), N_("Fournissez un CSV non compressé.")),
    "hash-count": _file_error(
        N_("Le contenu ne correspond pas à l'empreinte déclarée"), N_("Mettez à jour « hash » dans datapackage.json.")
    ),
    "byte-count": _file_error(
        N_("La taille ne correspond pas à celle déclarée"), N_("Mettez à jour « bytes » dans datapackage.json.")
    ),
    "field-count": _file_error(
        N_("Le nombre de colonnes diffère de celui déclaré"), N_("Mettez à jour « fields » dans datapackage.json.")
    ),
    "row-count": _file_error(
        N_("Le nombre de lignes diffère de celui déclaré"), N_("Mettez à jour « rows » dans datapackage.json.")
    ),
    "resource-error": _file_error(
        N_("La ressource est mal décrite dans datapackage.json"),
        N_("Corrigez la description de la ressource (clés étrangères, schéma) dans datapackage.json."),
    ),
}
