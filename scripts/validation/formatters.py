"""Print a report for people (text), for GitHub pull requests (annotations) or for tools (JSON).

Text groups errors by file, then by kind, and summarises long runs ("… et 812 autres erreurs du
même type") so a shifted column does not bury the other problems under thousands of lines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .report import Issue, Report

TEXT_PER_GROUP = 20
GITHUB_PER_GROUP = 10  # GitHub shows a limited number of annotations per step anyway
FORMATS = ("text", "github", "json")


def format_report(report: Report, fmt: str = "text", *, per_group: int | None = None) -> str:
    """Render `report` as "text", "github" or "json"; `per_group=0` shows every error in text."""
    if fmt == "text":
        return _text(report, TEXT_PER_GROUP if per_group is None else per_group)
    if fmt == "github":
        return _github(report, GITHUB_PER_GROUP if per_group is None else per_group)
    if fmt == "json":
        return _json(report)
    raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")


@dataclass(frozen=True)
class _Group:
    """The errors of one kind in one file: those kept in detail and how many there are in all."""

    code: str
    issues: list[Issue]
    total: int


def _groups(report: Report) -> list[tuple[str, list[_Group]]]:
    """[(file, [group])] in report order."""
    by_file: dict[str, dict[str, list[Issue]]] = {}
    for group in report.totals:
        by_file.setdefault(group.file, {}).setdefault(group.code, [])
    for issue in report.errors:
        by_file.setdefault(issue.file, {}).setdefault(issue.code, []).append(issue)
    totals = {(group.file, group.code): group.count for group in report.totals}
    return [
        (file, [_Group(code, issues, max(totals.get((file, code), 0), len(issues))) for code, issues in codes.items()])
        for file, codes in by_file.items()
    ]


def _others(hidden: int, what: str) -> str:
    return f"… et {hidden} autre{'s' if hidden > 1 else ''} erreur{'s' if hidden > 1 else ''} {what}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def _text(report: Report, per_group: int) -> str:
    if report.valid:
        files = len(report.resources)
        return (
            f"{report.source} : données valides ({_plural(files, 'fichier')}, "
            f"{report.rows} lignes vérifiées en {report.seconds:.1f} s).\n"
        )
    lines: list[str] = []
    groups = _groups(report)
    for file, kinds in groups:
        lines.append(f"{file} — {_plural(sum(group.total for group in kinds), 'erreur')}")
        for group in kinds:
            lines.append(f"  [{group.code}] {_plural(group.total, 'erreur')}")
            shown = group.issues if per_group <= 0 else group.issues[:per_group]
            for issue in shown:
                lines += _text_issue(issue)
            hidden = group.total - len(shown)
            if hidden:
                more = "--all pour les afficher" if len(shown) < len(group.issues) else "détail limité aux premières"
                lines.append(f"    {_others(hidden, 'du même type')} ({more} ; --format json pour un export).")
        lines.append("")
    verdict = "descripteur ou fichier inutilisable" if report.fatal else "données non valides"
    lines.append(
        f"{report.source} : {verdict} — {_plural(report.error_count, 'erreur')} dans "
        f"{_plural(len(groups), 'fichier')}."
    )
    return "\n".join(lines) + "\n"


def _text_issue(issue: Issue) -> list[str]:
    where = issue.location
    if issue.column is not None:
        where += f" (colonne {issue.column.name})" if issue.column.name else " (colonne sans nom)"
    out = [f"    {where} : {issue.message}"]
    if issue.value is not None and issue.value not in issue.message:
        out.append(f"      Valeur : « {_one_line(issue.value)} »")
    if issue.expected:
        out.append(f"      Attendu : {issue.expected}")
    out.append(f"      Correction : {issue.fix}")
    return out


def _one_line(text: str, limit: int = 120) -> str:
    flat = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(issue: Issue, title: str, body: str) -> str:
    props = [f"file={_escape_property(issue.file)}"]
    if issue.line is not None:
        props.append(f"line={issue.line}")
        if issue.column is not None:
            props.append(f"col={issue.column.index}")
    props.append(f"title={_escape_property(title)}")
    return f"::error {','.join(props)}::{_escape_data(body)}"


def _github(report: Report, per_group: int) -> str:
    lines: list[str] = []
    for _file, kinds in _groups(report):
        for group in kinds:
            shown = group.issues if per_group <= 0 else group.issues[:per_group]
            for issue in shown:
                column = f" colonne {issue.column.name}" if issue.column and issue.column.name else ""
                body = issue.message
                if issue.expected:
                    body += f"\nAttendu : {issue.expected}"
                body += f"\nCorrection : {issue.fix}"
                lines.append(_annotation(issue, f"{group.code}{column}", body))
            hidden = group.total - len(shown)
            if hidden and shown:
                summary = f"{_others(hidden, f'« {group.code} »')} dans ce fichier (voir le journal de validation)."
                lines.append(_annotation(shown[-1], f"{group.code} (suite)", summary))
    if report.valid:
        lines.append(f"::notice title=Validation des données::{report.source} : données valides.")
    return "\n".join(lines) + "\n"


def _json(report: Report) -> str:
    payload = {
        "source": report.source,
        "valid": report.valid,
        "fatal": report.fatal,
        "exit_code": report.exit_code,
        "error_count": report.error_count,
        "truncated": report.truncated,
        "counts": {file: {group.code: group.total for group in kinds} for file, kinds in _groups(report)},
        "errors": [issue.to_dict() for issue in report.errors],
        "resources": [
            {"name": s.name, "file": s.file, "rows": s.rows, "seconds": round(s.seconds, 3), "engine": s.engine}
            for s in report.resources
        ],
        "seconds": round(report.seconds, 3),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


__all__ = ["FORMATS", "format_report"]
