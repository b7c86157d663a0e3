"""Read datapackage.json and turn every way it can be unusable into a fatal, located issue.

Frictionless reports a broken JSON file as an opaque exception; a maintainer who forgot a comma wants
the line and column of the mistake, in French, and the run to stop with exit code 2.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from results.i18n.formats import N_

from .language import Message
from .paths import display_path
from .report import Issue

DESCRIPTOR_NAME = "datapackage.json"
MAX_DEPTH = 32  # the Data Package profile needs 6; deeper nesting only serves to exhaust a parser

# json.JSONDecodeError.msg → French (the start of the message is enough to recognise it).
JSON_MESSAGES = {
    "Expecting ',' delimiter": Message("une virgule est attendue entre deux éléments"),
    "Expecting ':' delimiter": Message("deux-points « : » attendus après le nom de la propriété"),
    "Expecting property name enclosed in double quotes": Message(
        "un nom de propriété entre guillemets doubles est attendu (virgule en trop avant « } » ?)"
    ),
    "Expecting value": Message("une valeur est attendue (virgule en trop avant « ] » ou valeur manquante ?)"),
    "Extra data": Message("du texte suit la fin du document JSON"),
    "Unterminated string starting at": Message("une chaîne de caractères n'est pas fermée par un guillemet"),
    "Invalid control character at": Message(
        "caractère de contrôle interdit dans une chaîne (tabulation, retour à la ligne ?)"),
    "Invalid \\escape": Message("séquence d'échappement invalide (une barre oblique inverse « \\ » à doubler ?)"),
}
RESTART = Message("Repartez de la dernière version valide de datapackage.json (git log / git diff).")


@dataclass(frozen=True, slots=True)
class LoadedDescriptor:
    """The parsed descriptor and the folder its resource paths are relative to."""

    path: Path
    basepath: Path
    data: dict[str, Any]
    text: str


def locate_descriptor(source: str | Path) -> Path:
    """Accept either the descriptor itself or the folder that holds it."""
    path = Path(source)
    return path / DESCRIPTOR_NAME if path.is_dir() else path


def load_descriptor(source: str | Path) -> tuple[LoadedDescriptor | None, list[Issue]]:
    """Parse the descriptor; on failure return no descriptor and one fatal issue saying where."""
    path = locate_descriptor(source)
    shown = display_path(path)
    if not path.is_file():
        return None, [
            Issue(
                file=shown,
                code="missing-descriptor",
                message=Message("Le descripteur {shown} est introuvable.", shown=shown),
                fix=Message("Indiquez le chemin d'un fichier datapackage.json existant "
                            "(par défaut data/datapackage.json)."),
                fatal=True,
            )
        ]
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):  # the build and most JSON readers refuse it
        return None, [
            Issue(
                file=shown,
                line=1,
                code="utf8-bom",
                message=Message("Le descripteur commence par une marque d'ordre des octets (BOM UTF-8, invisible "
                                "dans la plupart des éditeurs) : de nombreux lecteurs JSON le refusent."),
                expected=Message("de l'UTF-8 sans BOM"),
                fix=Message("Réenregistrez datapackage.json en « UTF-8 sans BOM » (VS Code : barre d'état → "
                            "« Save with Encoding » → UTF-8)."),
                fatal=True,
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Issue(
                file=shown,
                line=line,
                code="invalid-json",
                message=Message("Le descripteur n'est pas encodé en UTF-8 (octet 0x{byte}).",
                                byte=format(raw[error.start], "02X")),
                fix=Message("Réenregistrez datapackage.json en UTF-8."),
                fatal=True,
            )
        ]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [_json_issue(shown, text, error)]
    except RecursionError:
        data = None
    if data is None or _depth(data) > MAX_DEPTH:
        return None, [
            Issue(
                file=shown,
                code="invalid-descriptor",
                message=Message("Le descripteur est imbriqué sur plus de {depth} niveaux ([[[…]]]) : ce n'est "
                                "pas un Data Package lisible.", depth=MAX_DEPTH),
                expected=Message("un objet JSON de quelques niveaux : resources → schema → fields → constraints"),
                fix=RESTART,
                fatal=True,
            )
        ]
    if not isinstance(data, dict) or not isinstance(data.get("resources"), list):
        return None, [
            Issue(
                file=shown,
                code="invalid-descriptor",
                message=Message("Le descripteur n'a pas de liste « resources » : ce n'est pas un Data Package."),
                expected=Message('un objet JSON avec une propriété "resources" (liste des fichiers décrits)'),
                fix=RESTART,
                fatal=True,
            )
        ]
    return LoadedDescriptor(path=path, basepath=path.parent, data=data, text=text), []


def _depth(data: Any) -> int:
    """How deeply lists and objects nest (iterative: no recursion limit to hit)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:
                stack.extend((item, level + 1) for item in (value.values() if isinstance(value, dict) else value))
    return deepest


def _json_issue(shown: str, text: str, error: json.JSONDecodeError) -> Issue:
    """A located, French explanation of a JSON syntax error."""
    reason = next(
        (french for english, french in JSON_MESSAGES.items() if error.msg.startswith(english)),
        error.msg,
    )
    line, column = error.lineno, error.colno
    hint = Message("Corrigez la syntaxe à cet endroit ; une erreur signalée en début de ligne vient souvent de la "
                   "fin de la ligne précédente (virgule manquante ou en trop).")
    if error.msg.startswith("Expecting ',' delimiter"):
        # The parser stops at the next element; the comma is missing after the previous one.
        before = text[: error.pos].rstrip()
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        hint = Message("Ajoutez une virgule à la fin de cette ligne, après la valeur.")
    lines = text.splitlines()
    excerpt = lines[line - 1].strip() if 0 < line <= len(lines) else None
    return Issue(
        file=shown,
        line=line,
        code="invalid-json",
        message=Message("Le descripteur n'est pas un JSON valide (colonne {column}) : {reason}.",
                        column=column, reason=reason),
        value=excerpt[:120] if excerpt else None,
        expected=Message("un document JSON bien formé"),
        fix=hint,
        fatal=True,
    )


# Frictionless's notes about descriptors → French (regular expression, message of its named groups).
METADATA_NOTES = [
    (r'field type "(?P<type>[^"]+)" is not supported', N_("le type de colonne « {type} » n'existe pas")),
    (r"'(?P<name>[^']+)' is a required property", N_("la propriété « {name} » est obligatoire")),
    (r"'(?P<value>[^']+)' is not of type '(?P<type>[^']+)'", N_("« {value} » n'est pas du type attendu ({type})")),
    (r'"(?P<name>[^"]+)" should be set as "constraints\.(?P=name)"',
     N_("« {name} » doit être placé dans « constraints »")),
    # never show a regular expression: say what the format is
    (r"'(?P<value>[^']*)' does not match '[^']*' at property 'name'",
     N_("« {value} » ne convient pas comme nom (name) : minuscules sans accent, chiffres, tirets, points "
        "ou soulignés")),
    (r"'(?P<value>[^']*)' does not match '[^']*'(?: at property '(?P<name>[^']*)')?",
     N_("« {value} » n'a pas le format exigé pour « {name} »")),
]
AROUND = "{before}{text}{after}"  # a note's recognised part translated, the rest kept as Frictionless wrote it


def _french_note(note: str) -> str:
    """Frictionless's note, its first recognised part as a translatable French `Message`."""
    for pattern, template in METADATA_NOTES:
        match = re.search(pattern, note)
        if match:
            text = Message(template, **{name: value or "" for name, value in match.groupdict().items()})
            before, after = note[: match.start()], note[match.end():]
            return Message(AROUND, before=before, text=text, after=after) if before or after else text
    return note


def metadata_issue(shown: str, note: str, text: str = "") -> Issue:
    """A descriptor that parses but that Frictionless rejects (unknown type, bad schema…).

    The line is the first one quoting a value named in Frictionless's note, when there is one.
    """
    field = re.search(r'field (?:type )?"([^"]+)"', note)
    line = None
    for quoted in re.findall(r'"([^"]+)"', note):
        found = text.find(f'"{quoted}"')
        if found >= 0:
            line = text.count("\n", 0, found) + 1
            break
    message = (Message("Le descripteur ne respecte pas la spécification Data Package (à propos de « {field} ») : "
                       "{note}.", field=field.group(1), note=_french_note(note)) if field else
               Message("Le descripteur ne respecte pas la spécification Data Package : {note}.",
                       note=_french_note(note)))
    return Issue(
        file=shown,
        line=line,
        code="invalid-descriptor",
        message=message,
        expected=Message("un descripteur conforme à https://datapackage.org (types : string, integer, number, date…)"),
        fix=Message("Corrigez datapackage.json ; `git diff data/datapackage.json` montre ce qui a changé."),
        fatal=True,
    )
