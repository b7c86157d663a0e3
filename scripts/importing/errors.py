"""The one error a source file can cause: located (file, line, column) and worded in French."""

from __future__ import annotations


class SourceError(Exception):
    """A source file the importer cannot read as its kind promises; the import stops, exit 1.

    Problems that concern one row only (a structure code nobody knows, a placeholder row) are not
    errors: they are reported (report.py) and the import goes on.
    """

    def __init__(self, file: str, line: int | None, column: str | None, problem: str, fix: str = "") -> None:
        self.file, self.line, self.column, self.problem, self.fix = file, line, column, problem, fix
        self.matched = 0  # columns the header did match (a missing column: which file kind was closest)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", ligne {self.line}"
        if self.column:
            where += f", colonne « {self.column} »"
        text = f"{where} : {self.problem}"
        return f"{text} {self.fix}".strip() if self.fix else text


class MappingError(Exception):
    """A mapping file (declared or a maintainer's override) that cannot be used, in French."""
