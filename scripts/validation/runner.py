"""Validate a data package file by file and collect every error as a located French Issue.

Order of work: read the descriptor (fatal issues stop here), scan every CSV file's raw bytes, load
the small reference tables the domain checks need, then validate each resource on its own with a
fresh Checklist (check objects keep state). `fastpath.route` decides whether a file first tries
the fast path (every file but the tiniest, by default); otherwise, or when the screen has a doubt, Frictionless's
errors are streamed row by row (stream.py): every error is counted, the first ones of each kind are
explained, and memory does not grow with the number of errors. Why a file went row by row is
logged. Never `parallel=True`: Frictionless does not pass custom checks to its worker processes.
"""

from __future__ import annotations

import csv
import logging
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from frictionless import Checklist, Dialect, FrictionlessException, Package, Resource, errors, formats
from results.core.parts import SPLIT_BYTES, part_of_path, table_of
from results.i18n.formats import N_

from .absent import absent_reference_issues, absent_tables, keys_to_absent
from .canonical import check_canonical
from .checks import domain_checks
from .descriptor import load_descriptor, locate_descriptor, metadata_issue
from .fastpath import ENGINES, Route, fast_screen, route
from .language import Message
from .lines import LineMap
from .lookups import Lookups, load_lookups
from .messages import FATAL, Context, explain
from .paths import display_path
from .precheck import FileFacts, inspect_file
from .publication import RESULTS, ResultsFile, publication_issues
from .report import GroupCount, Issue, Report, ResourceStats
from .resources import check_descriptor_file, check_resources
from .stream import iter_errors
from .suggest import KeyIndex
from .translations import translation_issues
from .widerows import may_have_wide_rows, trimmed_copy

DETAIL_PER_GROUP = 1000  # errors kept in detail per (file, code); the others are counted
logger = logging.getLogger(__name__)


@dataclass
class _Run:
    """State shared by the resources of one run."""

    basepath: Path
    facts: dict[str, FileFacts] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # path as written in the descriptor
    lookups: Lookups = field(default_factory=Lookups)
    references: dict[tuple[str, str], KeyIndex] = field(default_factory=dict)
    custom_dialects: set[str] = field(default_factory=set)  # resources whose descriptor sets a dialect
    absent: set[str] = field(default_factory=set)  # optional tables the package leaves out (absent.py)
    workdir: Path | None = None  # trimmed copies of files with very wide rows (widerows.py)


class _Collector:
    """Keeps the first `per_group` issues of each (file, code) in detail and counts every issue."""

    def __init__(self, per_group: int | None) -> None:
        self.per_group = per_group
        self.kept: list[Issue] = []
        self.warnings: list[Issue] = []
        self.counts: dict[tuple[str, str], int] = {}

    def add(self, issue: Issue) -> None:
        if issue.warning:  # shown apart, never counted as an error
            self.warnings.append(issue)
            return
        key = (issue.file, issue.code)
        seen = self.counts.get(key, 0)
        self.counts[key] = seen + 1
        if self.per_group is None or seen < self.per_group or issue.fatal:
            self.kept.append(issue)

    def full(self, file: str, code: str) -> bool:
        """True when another issue of this kind would only be counted (no need to explain it)."""
        return self.per_group is not None and self.counts.get((file, code), 0) >= self.per_group

    def count(self, file: str, code: str) -> None:
        self.counts[(file, code)] = self.counts.get((file, code), 0) + 1

    def report(self, source: str, files: list[str], resources: list[ResourceStats], started: float) -> Report:
        rank = {file: position for position, file in enumerate(files)}
        # Descriptor first, then files in descriptor order; within a file, raw checks then Frictionless's order.
        kept = sorted(self.kept, key=lambda issue: rank.get(issue.file, len(rank)))
        totals = sorted(
            (GroupCount(file, code, count) for (file, code), count in self.counts.items()),
            key=lambda group: rank.get(group.file, len(rank)),
        )
        warnings = sorted(self.warnings, key=lambda issue: rank.get(issue.file, len(rank)))
        return Report(
            source, tuple(kept), tuple(resources), time.perf_counter() - started, tuple(totals), tuple(warnings)
        )


def validate_package(
    source: str | Path = "data/datapackage.json",
    *,
    engine: str = "auto",
    per_group: int | None = DETAIL_PER_GROUP,
    limit_errors: int | None = None,
) -> Report:
    """Validate the package at `source` (a datapackage.json or its folder) and return the report.

    `engine`: "frictionless" checks every row with Frictionless; "fast" first screens each file with
    vectorised checks and runs Frictionless only on files the screen cannot prove valid; "auto" uses
    the screen for every file but the tiniest. Every error is counted; `per_group` bounds how many of each kind
    per file are kept in detail (None: all). `limit_errors` stops a file after that many errors
    (reported as an "error-limit" failure); by default nothing stops.
    """
    if engine not in ENGINES:  # before any file is read (route() says the same for each file)
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    started = time.perf_counter()
    descriptor_path = locate_descriptor(source)
    shown = display_path(descriptor_path)
    unsafe = check_descriptor_file(descriptor_path, shown)
    loaded, issues = (None, unsafe) if unsafe else load_descriptor(descriptor_path)
    if loaded is None:
        return Report(source=shown, errors=tuple(issues), seconds=time.perf_counter() - started)
    unsafe = check_resources(loaded.data, loaded.basepath, shown, loaded.text)
    if unsafe:  # never hand Frictionless a link, a URL or a path outside the package
        return Report(source=shown, errors=tuple(unsafe), seconds=time.perf_counter() - started)
    try:
        package = Package(loaded.data, basepath=str(loaded.basepath))
        package.to_descriptor(validate=True)
    except FrictionlessException as exception:
        found = [
            metadata_issue(shown, error.note or error.message, loaded.text) for error in exception.to_errors()
        ]
        return Report(source=shown, errors=tuple(found), seconds=time.perf_counter() - started)
    changed = check_canonical(loaded.data, shown, loaded.text)
    if changed:  # rows are only ever checked against the programme's own schema
        return Report(source=shown, errors=tuple(changed), seconds=time.perf_counter() - started)

    with tempfile.TemporaryDirectory(prefix="validation-") as workdir:
        run = _Run(basepath=loaded.basepath, workdir=Path(workdir))
        run.custom_dialects = {
            item.get("name") for item in loaded.data["resources"] if isinstance(item, dict) and "dialect" in item
        }
        collector = _Collector(per_group)
        for resource in package.resources:
            for issue in _inspect(resource, run):
                collector.add(issue)
        readable = {name: run.paths[name] if facts.usable else None for name, facts in run.facts.items()}
        run.lookups = load_lookups(readable)
        run.absent = absent_tables(package.resource_names)
        for resource in package.resources:  # all first: foreign keys read the other resources
            for issue in _keys_to_absent_tables(resource, run):
                collector.add(issue)
            _prepare(resource, run)

        stats = [
            _validate_resource(resource, run, collector, engine=engine, limit_errors=limit_errors)
            for resource in package.resources
        ]
        readable = {name: run.paths[name] if facts.usable else None for name, facts in run.facts.items()}
        for issue in translation_issues(readable, run.shown):
            collector.add(issue)
        results_files = [
            ResultsFile(run.paths[name], run.shown[name], run.facts[name])
            for name in run.paths
            if table_of(name) == RESULTS and name in run.facts
        ]
        for issue in publication_issues(loaded.data, loaded.text, shown, results_files):
            collector.add(issue)
        for name, path in run.names.items():
            issue = _oversized(name, path, run)
            if issue is not None:
                collector.add(issue)
        return collector.report(shown, [shown, *run.shown.values()], stats, started)


def _oversized(name: str, path: str, run: _Run) -> Issue | None:
    """A warning for a network's results file past SPLIT_BYTES: split it by year before it grows
    past what GitHub's editor opens (core/parts.py)."""
    part, facts = part_of_path(path), run.facts.get(name)
    if part is None or part.year is not None or facts is None or facts.size is None or facts.size <= SPLIT_BYTES:
        return None
    size, limit = f"{facts.size / 1e6:.1f}", f"{SPLIT_BYTES / 1e6:.0f}"
    return Issue(
        file=run.shown[name], resource=name, code="file-too-big", level="warning",
        title=N_("Fichier de résultats trop gros"),
        message=Message("{file} pèse {size} Mo : au-delà de {limit} Mo, l'éditeur de GitHub ne l'ouvre plus "
                        "facilement et chaque publication le réécrit en entier.",
                        file=run.shown[name], size=size, limit=limit),
        fix=Message("Découpez-le par année : {table}/{network}/<année>.csv, un fichier par année déclaré dans "
                    "datapackage.json (CONTRIBUTING.md, « Un réseau découpé par année »).",
                    table=part.table, network=part.network),
    )


def _local_path(resource: Resource, basepath: Path) -> Path | None:
    path = resource.path
    if not isinstance(path, str) or "://" in path:
        return None
    return basepath / path


def _inspect(resource: Resource, run: _Run) -> list[Issue]:
    path = _local_path(resource, run.basepath)
    if path is None or resource.format not in (None, "csv"):
        return []
    run.paths[resource.name] = path
    run.shown[resource.name] = display_path(path)
    run.names[resource.name] = str(resource.path)
    encoding = (resource.encoding or "utf-8").lower().replace("_", "-")
    facts, issues = inspect_file(
        path,
        shown=run.shown[resource.name],
        resource=resource.name,
        field_names=resource.schema.field_names,
        utf8=encoding in ("utf-8", "utf8", "utf-8-sig"),
    )
    run.facts[resource.name] = facts
    field_count = len(resource.schema.field_names)
    if run.workdir is not None and may_have_wide_rows(facts, field_count):
        copy = trimmed_copy(path, field_count, run.workdir)
        if copy is not None:  # Frictionless reads the copy; lines and the file shown stay the maintainer's
            run.paths[resource.name] = copy
            resource.basepath = str(run.workdir)
            resource.path = copy.name
    return issues


def _validate_resource(
    resource: Resource, run: _Run, collector: _Collector, *, engine: str, limit_errors: int | None
) -> ResourceStats:
    name = resource.name
    shown = run.shown.get(name, name)
    facts = run.facts.get(name)
    if facts is not None and not facts.usable:
        return ResourceStats(name, shown, 0, 0.0, "skipped")
    started = time.perf_counter()
    path = run.paths.get(name)
    part = part_of_path(run.names.get(name))
    checks = domain_checks(name, run.lookups, part=part)
    way = route(
        resource,
        checks,
        engine=engine,
        path=path,
        size=facts.size if facts is not None else None,
        custom_dialect=name in run.custom_dialects,
    )
    if way.fast and path is not None:  # route() sends only local CSV files
        readable = {other: p for other, p in run.paths.items() if run.facts[other].usable}
        screening = fast_screen(
            resource, checks, path, run.lookups, readable, multiline=facts is None or facts.has_quotes
        )
        if screening.rows is not None:
            return ResourceStats(name, shown, screening.rows, time.perf_counter() - started, "fast")
        way = Route(False, screening.reason, logging.INFO)  # Frictionless will explain the doubt
    logger.log(way.level, "%s : validation ligne à ligne par Frictionless (%s).", shown, way.reason)
    checklist = Checklist(checks=domain_checks(name, run.lookups, part=part))
    line_map = LineMap(path, multiline=facts.multiline_records) if path and facts else None
    ctx = Context(
        file=shown,
        resource=name,
        schema=resource.schema,
        line_of=line_map.line if line_map else (lambda record: record),
        files=run.names,
        suggest=lambda reference, column, value: _suggest(run, reference or name, column, value),
    )
    found = 0
    for batch in iter_errors(resource, checklist):
        for error in _dedupe(batch):
            if collector.full(shown, error.type) and error.type not in FATAL:
                collector.count(shown, error.type)
            else:
                collector.add(explain(error, ctx))
            found += 1
        if limit_errors is not None and found >= limit_errors:
            collector.add(
                Issue(
                    file=shown,
                    resource=name,
                    code="error-limit",
                    message=Message("Validation du fichier interrompue après {found} erreurs : d'autres peuvent "
                                    "suivre.", found=found),
                    fix=Message("Corrigez les erreurs signalées puis relancez la validation."),
                )
            )
            break
    rows = int(resource.stats.rows or 0)
    return ResourceStats(name, shown, rows, time.perf_counter() - started, "frictionless")


def _keys_to_absent_tables(resource: Resource, run: _Run) -> list[Issue]:
    """Errors for the filled cells of a key into an optional table the package left out (absent.py);
    the key itself is dropped by `_prepare` (Frictionless cannot look into a table that is not there)."""
    keys = keys_to_absent(resource.schema.foreign_keys, run.absent)
    facts = run.facts.get(resource.name)
    if not keys or facts is None or not facts.usable:
        return []
    return absent_reference_issues(resource.name, run.paths[resource.name], run.shown[resource.name], keys,
                                   resource.schema.field_names)


def _prepare(resource: Resource, run: _Run) -> None:
    """Pin the CSV dialect (no sniffing) and drop foreign keys into unreadable files or absent tables.

    A file that cannot be read is reported once by the pre-checks; without this, every row of every
    file pointing at it would be reported as a broken reference as well. A key into an optional table
    the package leaves out is checked by absent.py instead.
    """
    if resource.name not in run.custom_dialects:
        control = formats.CsvControl(delimiter=",", quote_char='"', skip_initial_space=False)
        resource.dialect = Dialect(header_rows=[1], controls=[control])  # never guessed from the widest row
    unreadable = {name for name, facts in run.facts.items() if not facts.usable} | run.absent
    if unreadable and resource.schema.foreign_keys:
        resource.schema.foreign_keys = [
            key for key in resource.schema.foreign_keys if key["reference"]["resource"] not in unreadable
        ]


# A mistyped cell also fails the domain rules: report the cause only.
_PRIORITY = {"type-error": 1, "plain-number": 1, "implausible-date": 1, "constraint-error": 2}


def _dedupe(found: Iterable[errors.Error]) -> list[errors.Error]:
    """Keep one cause per cell, one structural error per row, and nothing else on a blank row."""
    kept: list[errors.Error] = []
    row_errors: list[errors.Error] = []
    current = None
    for error in found:
        number = error.row_number if isinstance(error, errors.RowError) else None
        if number != current:
            kept += _dedupe_row(row_errors)
            row_errors, current = [], number
        if number is None:
            kept.append(error)
        else:
            row_errors.append(error)
    kept += _dedupe_row(row_errors)
    return kept


def _dedupe_row(row_errors: list[errors.Error]) -> list[errors.Error]:
    if not row_errors:
        return []
    blank = [error for error in row_errors if error.type == "blank-row"]
    if blank:
        return blank[:1]
    # A row with too many or too few cells is shifted: its other errors are consequences.
    ragged = [error for error in row_errors if error.type in ("missing-cell", "extra-cell")]
    if ragged:
        return ragged[:1]
    best: dict[str, int] = {}
    for error in row_errors:
        if isinstance(error, errors.CellError):
            rank = _PRIORITY.get(error.type, 3)
            best[error.field_name] = min(rank, best.get(error.field_name, rank))
    return [
        error
        for error in row_errors
        if not isinstance(error, errors.CellError) or _PRIORITY.get(error.type, 3) == best[error.field_name]
    ]


def _suggest(run: _Run, reference: str, column: str, value: str) -> str | None:
    """The existing key a mistyped reference most likely meant (case, spaces or a near match), if any."""
    key = (reference, column)
    if key not in run.references:
        path = run.paths.get(reference)
        known: list[str] = []
        if path is not None and run.facts[reference].usable:
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
                known = [row[column] for row in csv.DictReader(stream) if row.get(column)]
        run.references[key] = KeyIndex(known)
    return run.references[key].suggest(value)
