"""The import report: what was read, imported and set aside, and why, in French.

A maintainer publishing a quarter needs to see at a glance that the import did what they expect:
every file read (with the encoding and delimiter detected), rows read per file, rows imported per
table, rows skipped per reason with a few examples named by file and line, and references that
matched nothing (a result whose structure code is unknown, an experience whose structure cannot be
identified). Those are reported, never dropped silently, and never fatal: the rest imports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from results.core.parts import files_of

EXAMPLES = 3  # examples kept per reason


@dataclass
class Reason:
    """One reason rows were set aside: how many, and the first few (file, line, detail)."""

    count: int = 0
    examples: list[tuple[str, int, str]] = field(default_factory=list)

    def add(self, file: str, line: int, detail: str) -> None:
        """Count the row; keep it as an example while fewer than EXAMPLES, each with a new detail."""
        self.count += 1
        if len(self.examples) < EXAMPLES and all(detail != seen for _f, _l, seen in self.examples):
            self.examples.append((file, line, detail))


@dataclass
class ImportReport:
    """Collected while importing; `text()` words it. Keys are French sentences (the reasons)."""

    kind: str
    files: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (file, format, ignored columns)
    read: Counter = field(default_factory=Counter)  # file → rows read
    imported: dict[str, int] = field(default_factory=dict)  # table → rows written
    skipped: dict[str, Reason] = field(default_factory=dict)  # reason → rows
    unmatched: dict[str, Reason] = field(default_factory=dict)  # reference kind → rows
    corrected: dict[str, Reason] = field(default_factory=dict)  # a cell fixed or emptied → rows
    notes: list[str] = field(default_factory=list)  # what was derived or changed (re-import)

    def opened(self, file: str, described: str, ignored: list[str]) -> None:
        self.files.append((file, described, ignored))

    def row_read(self, file: str) -> None:
        self.read[file] += 1

    def skip(self, reason: str, file: str, line: int, detail: str = "") -> None:
        self.skipped.setdefault(reason, Reason()).add(file, line, detail)

    def unmatched_reference(self, kind: str, file: str, line: int, detail: str) -> None:
        self.unmatched.setdefault(kind, Reason()).add(file, line, detail)

    def correct(self, what: str, file: str, line: int, detail: str) -> None:
        """A cell the import fixed (a postcode's lost leading zero) or left empty (a postcode too short)."""
        self.corrected.setdefault(what, Reason()).add(file, line, detail)

    def note(self, text: str) -> None:
        self.notes.append(text)

    def text(self) -> str:
        lines = [f"Import « {self.kind} »", ""]
        lines.append("Fichiers lus :")
        for file, described, ignored in self.files:
            lines.append(f"  - {file} ({described}) : {_count(self.read[file], 'ligne lue', 'lignes lues')}")
            if ignored:
                lines.append(f"      colonnes non utilisées : {', '.join(ignored)}")
        lines.append("")
        lines.append("Lignes écrites dans le paquet :")
        lines += [f"  - {files_of(table)} : {_count(count, 'ligne', 'lignes')}"
                  for table, count in self.imported.items()]
        sections = (("Lignes écartées", self.skipped), ("Références sans correspondance", self.unmatched),
                    ("Cellules corrigées ou laissées vides", self.corrected))
        for title, reasons in sections:
            lines.append("")
            if not reasons:
                lines.append(f"{title} : aucune.")
                continue
            lines.append(f"{title} :")
            for reason, found in reasons.items():
                lines.append(f"  - {reason} : {_count(found.count, 'ligne', 'lignes')}")
                for file, line, detail in found.examples:
                    where = f"{file}, ligne {line}" if line else f"{file}.csv"
                    lines.append(f"      {where}" + (f" : {detail}" if detail else ""))
        if self.notes:
            lines.append("")
            lines.append("À savoir :")
            lines += [f"  - {note}" for note in self.notes]
        return "\n".join(lines) + "\n"


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,}".replace(",", "\u202f") + " " + (one if number <= 1 else many)
