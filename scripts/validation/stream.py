"""Run Frictionless's checks on one resource and hand errors on row by row, keeping none.

`Resource.validate` keeps every error object (about 5 kB each, with a copy of the row) until the
end: a national file with one shifted column would need gigabytes. This is the same loop —
metadata, open, `validate_start`, `validate_row` on every row, `validate_end` — as a generator, so
the caller can turn each error into a small Issue, or only count it, and let it go.
"""

from __future__ import annotations

from collections.abc import Iterator

from frictionless import Checklist, FrictionlessException, Resource, errors


def iter_errors(resource: Resource, checklist: Checklist) -> Iterator[list[errors.Error]]:
    """Errors in file order: one list for the header and file-level errors, then one list per row."""
    try:
        resource.to_descriptor(validate=True)
    except FrictionlessException as exception:
        yield exception.to_errors()
        return
    checks = checklist.connect(resource)
    try:
        resource.open()
    except FrictionlessException as exception:
        resource.close()
        yield exception.to_errors()
        return
    with resource:
        found: list[errors.Error] = []
        for check in list(checks):
            for error in check.validate_start():
                if error.type == "check-error" and check in checks:
                    checks.remove(check)
                if checklist.match(error):
                    found.append(error)
        if found:
            yield found
        if resource.tabular:
            yield from _rows(resource, checklist, checks)
        found = [error for check in checks for error in check.validate_end() if checklist.match(error)]
        if found:
            yield found


def _rows(resource: Resource, checklist: Checklist, checks: list) -> Iterator[list[errors.Error]]:  # type: ignore[type-arg]
    stream = resource.row_stream  # type: ignore[attr-defined]
    while True:
        try:
            row = next(stream)
        except FrictionlessException as exception:
            yield [exception.error]
            continue
        except StopIteration:
            return
        found = [error for check in checks for error in check.validate_row(row) if checklist.match(error)]
        if found:
            yield found
