"""Text cells without invisible or control characters, and names short enough to become addresses.

A NUL, BEL, ESC or vertical tab in a structure name made its SVG chart invalid XML; bidirectional
overrides (U+202E…) and zero-width characters (U+200B…) make a published name read differently from
what the reviewer saw in the pull request. Line breaks and tabs stay allowed in long texts. A name
or an id becomes a file name (its slug); a 10 000-character name made the build fail with "file
name too long", so ids, names, titles and labels are limited to 200 characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .base import DomainCheck, DomainError

# C0 controls but tab, LF, CR; DEL and C1; bidi marks, embeddings, overrides, isolates; zero-width
# characters, word joiner, BOM; interlinear annotations; non-characters.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
SHORT_FIELDS = re.compile(r"^(id|.*_id|code|.*_code|name|short_name|title|label|original_label)$")
SHORT_LIMIT = 200


class PlainTextError(DomainError):
    type = "invisible-character"
    title = N_("Caractère invisible ou de contrôle")
    description = "Le texte contient un caractère invisible ou de contrôle, ou un nom trop long."


class NameTooLongError(DomainError):
    type = "name-too-long"
    title = N_("Nom trop long")
    description = "Un identifiant, un nom ou un titre sert d'adresse de page : 200 caractères au plus."


def describe(char: str) -> str | Message:
    """U+202E (RIGHT-TO-LEFT OVERRIDE): how a maintainer can find the character."""
    name = unicodedata.name(char, "")
    code = f"{ord(char):04X}"
    return f"U+{code} ({name})" if name else Message("U+{code} (caractère de contrôle)", code=code)


def text_problem(text: str, short: bool) -> str | None:
    found = INVISIBLE.search(text)
    if found:
        return f"invisible:{found.group()}"
    if short and len(text) > SHORT_LIMIT:
        return "long"
    return None


@attrs.define(kw_only=True, repr=False)
class plain_text(DomainCheck):
    """Check every string cell of the resource."""

    type = "invisible-character"
    title = N_("Texte sans caractère invisible")
    screens = True  # screen() below: the rule on each distinct text
    Errors: ClassVar[list[type[errors.Error]]] = [PlainTextError, NameTooLongError]

    def connect(self, resource):  # type: ignore[no-untyped-def]
        super().connect(resource)
        self._fields = {field.name: bool(SHORT_FIELDS.match(field.name)) for field in resource.schema.fields
                        if field.type == "string"}

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        for name, short in self._fields.items():
            text = row.get(name)
            if not isinstance(text, str) or not text:
                continue
            problem = text_problem(text, short)
            if problem is None:
                continue
            if problem == "long":
                yield NameTooLongError.for_cell(
                    row, name,
                    note=Message(
                        'Ce texte compte {len} caractères : un identifiant, un nom ou un titre en a au '
                        "plus {SHORT_LIMIT} (il sert aussi d'adresse de page).",
                        len=len(text), SHORT_LIMIT=SHORT_LIMIT,
                    ),
                    expected=Message('au plus {SHORT_LIMIT} caractères', SHORT_LIMIT=SHORT_LIMIT),
                    fix=Message(
                        'Raccourcissez le texte ; une description longue va dans la colonne prévue à cet '
                        'effet.',
                    ),
                )
                continue
            char = problem.split(":", 1)[1]
            position = text.index(char) + 1
            yield PlainTextError.for_cell(
                row, name,
                note=Message(
                    'Caractère invisible {describe} en position {position} du texte : il serait publié '
                    'tel quel et peut rendre la page, le graphique ou le flux illisible.',
                    describe=describe(char), position=position,
                ),
                expected=Message(
                    "du texte sans caractère de contrôle, d'espace de largeur nulle ni de marque de sens "
                    "d'écriture",
                ),
                fix=Message(
                    "Supprimez ce caractère (il vient souvent d'un copier-coller) : retapez le texte "
                    'autour de la position {position}.',
                    position=position,
                ),
            )

    def screen(self, frame: Frame) -> bool:
        """Vectorised: the rule on each distinct text of each string column."""
        return not any(
            isinstance(text, str) and text_problem(text, short)
            for name, short in self._fields.items()
            if frame.has(name)
            for text in frame.values(name)
        )
