"""Print a report for people (text), for GitHub pull requests (annotations), for a job summary
(Markdown) or for tools (JSON).

Text groups errors by file, then by kind, under the kind's French title. A run of the same error on
consecutive lines (909 pasted-twice rows) is one entry, "lignes 1200 à 2108", shown with its first
example; long groups end with "… et 812 autres erreurs du même type". GitHub shows only 10 error
and 10 warning annotations per step, so annotations are spread over the kinds of problems (the
first of each kind first) and the complete report goes to the log and to the job summary.
Warnings are listed apart: they never make the package invalid.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from results.i18n.formats import N_plural

from .language import FRENCH, Language
from .report import Issue, Report
from .titles import CODE_TITLES, title_of

TEXT_PER_GROUP = 20
MARKDOWN_PER_GROUP = 10
GITHUB_ANNOTATIONS = 10  # GitHub keeps 10 error and 10 warning annotations per step, drops the rest
RUN_MIN = 3  # consecutive lines with the same error, from which they are shown as one entry
FORMATS = ("text", "github", "json", "markdown")


def format_report(report: Report, fmt: str = "text", *, per_group: int | None = None, collapse: bool = True,
                  language: Language = FRENCH) -> str:
    """Render `report` as "text", "github", "json" or "markdown" in `language` (French by default);
    `per_group=0` shows every entry; `collapse=False` lists each error of a run on its own line (text)."""
    if fmt == "text":
        return _text(report, TEXT_PER_GROUP if per_group is None else per_group, collapse, language)
    if fmt == "github":
        return _github(report, GITHUB_ANNOTATIONS, language)
    if fmt == "json":
        return _json(report, language)
    if fmt == "markdown":
        return _markdown(report, MARKDOWN_PER_GROUP if per_group is None else per_group, language)
    raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")


@dataclass(frozen=True)
class Entry:
    """One line of a report: an issue alone, or a run of `count` issues of the same kind on the
    consecutive lines `issue.line` … `last_line` (the first one stands for all)."""

    issue: Issue
    count: int = 1
    last_line: int | None = None


@dataclass(frozen=True)
class _Group:
    """The problems of one kind in one file: those kept in detail and how many there are in all."""

    code: str
    issues: list[Issue]
    total: int

    @property
    def title(self) -> str:
        titles = {title_of(issue) for issue in self.issues}
        return titles.pop() if len(titles) == 1 else CODE_TITLES.get(self.code, self.code)

    def entries(self, collapse: bool = True) -> list[Entry]:
        return list(runs(self.issues)) if collapse else [Entry(issue) for issue in self.issues]


def runs(issues: Iterable[Issue]) -> Iterable[Entry]:
    """Collapse RUN_MIN or more issues on consecutive lines, same column and title, into one Entry."""
    pending: list[Issue] = []

    def flush() -> Iterable[Entry]:
        if len(pending) >= RUN_MIN:
            yield Entry(pending[0], len(pending), pending[-1].line)
        else:
            yield from (Entry(issue) for issue in pending)

    for issue in issues:
        if pending:
            last = pending[-1]
            follows = (
                issue.line is not None
                and last.line is not None
                and issue.line == last.line + 1
                and issue.column == last.column
                and title_of(issue) == title_of(last)
            )
            if not follows:
                yield from flush()
                pending = []
        pending.append(issue)
    yield from flush()


Groups = list[tuple[str, list[_Group]]]


def _groups(issues: Iterable[Issue], totals: dict[tuple[str, str], int] | None = None) -> Groups:
    """[(file, [group])] in report order; `totals` counts issues not kept in detail too."""
    by_file: dict[str, dict[str, list[Issue]]] = {}
    for file, code in totals or {}:
        by_file.setdefault(file, {}).setdefault(code, [])
    for issue in issues:
        by_file.setdefault(issue.file, {}).setdefault(issue.code, []).append(issue)
    totals = totals or {}
    return [
        (file, [_Group(code, found, max(totals.get((file, code), 0), len(found))) for code, found in codes.items()])
        for file, codes in by_file.items()
    ]


def _error_groups(report: Report) -> list[tuple[str, list[_Group]]]:
    return _groups(report.errors, {(group.file, group.code): group.count for group in report.totals})


# The report's counted words, French singular and plural (each language's catalog has its own forms).
WORDS = {
    "erreur": N_plural("{count} erreur", "{count} erreurs"),
    "avertissement": N_plural("{count} avertissement", "{count} avertissements"),
    "fichier": N_plural("{count} fichier", "{count} fichiers"),
}
OTHERS = {
    "erreur": N_plural("… et {count} autre erreur", "… et {count} autres erreurs"),
    "avertissement": N_plural("… et {count} autre avertissement", "… et {count} autres avertissements"),
}


def _plural(count: int, word: str, lang: Language) -> str:
    return lang.ngettext(*WORDS[word], count).format(count=count)


def _others(hidden: int, lang: Language, word: str = "erreur") -> str:
    return lang.ngettext(*OTHERS[word], hidden).format(count=hidden)


def _where(issue: Issue, lang: Language) -> str:
    where = issue.location
    if issue.column is not None:
        json_file = issue.file.endswith(".json")
        if issue.column.name:
            kind = lang.gettext("propriété {name}") if json_file else lang.gettext("colonne {name}")
            where += f" ({kind.format(name=issue.column.name)})"
        else:
            unnamed = lang.gettext("propriété sans nom") if json_file else lang.gettext("colonne sans nom")
            where += f" ({unnamed})"
    return where


def _span(entry: Entry, lang: Language) -> str:
    """'lignes 1200 à 2108 (909 lignes) : ' for a run, '' for a single issue."""
    if entry.count == 1:
        return ""
    return lang.gettext("lignes {first} à {last} ({count} lignes, même erreur), par exemple : ").format(
        first=entry.issue.line, last=entry.last_line, count=entry.count)


def _title(title: str, lang: Language) -> str:
    return lang.text(title)


# Text


def _text(report: Report, per_group: int, collapse: bool, lang: Language) -> str:
    _ = lang.gettext
    lines: list[str] = []
    groups = _error_groups(report)
    if report.valid:
        files = len(report.resources)
        lines.append(_("{source} : données valides ({files}, {rows} lignes vérifiées en {seconds} s).").format(
            source=report.source, files=_plural(files, "fichier", lang), rows=report.rows,
            seconds=f"{report.seconds:.1f}"))
    else:
        lines += _text_groups(groups, per_group, "erreur", collapse, lang)
        verdict = _("descripteur ou fichier inutilisable") if report.fatal else _("données non valides")
        lines.append(_("{source} : {verdict} — {errors} dans {files}.").format(
            source=report.source, verdict=verdict, errors=_plural(report.error_count, "erreur", lang),
            files=_plural(len(groups), "fichier", lang)))
    if report.warnings:
        count = len(report.warnings)
        lines += ["", _("Avertissements ({count}) : ils n'empêchent pas la publication, vérifiez-les.").format(
            count=count), ""]
        lines += _text_groups(_groups(report.warnings), per_group, "avertissement", collapse, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _text_groups(groups: Groups, per_group: int, word: str, collapse: bool, lang: Language) -> list[str]:
    lines: list[str] = []
    for file, kinds in groups:
        lines.append(f"{file} — {_plural(sum(group.total for group in kinds), word, lang)}")
        for group in kinds:
            lines.append(f"  {_title(group.title, lang)} [{group.code}] — {_plural(group.total, word, lang)}")
            entries = group.entries(collapse)
            shown = entries if per_group <= 0 else entries[:per_group]
            for entry in shown:
                lines += _text_entry(entry, lang)
            hidden = group.total - sum(entry.count for entry in shown)
            if hidden:
                more = (lang.gettext("--all pour les afficher") if len(shown) < len(entries)
                        else lang.gettext("détail limité aux premières"))
                lines.append("    " + lang.gettext("{others} du même type ({more} ; --format json pour un export).")
                             .format(others=_others(hidden, lang, word), more=more))
        lines.append("")
    return lines


def _text_entry(entry: Entry, lang: Language) -> list[str]:
    issue = entry.issue
    message = lang.text(issue.message)
    out = ["    " + lang.gettext("{where} : {message}").format(where=_where(issue, lang),
                                                              message=_span(entry, lang) + message)]
    if issue.value is not None and issue.value not in issue.message:
        out.append("      " + lang.gettext("Valeur : « {value} »").format(value=_one_line(issue.value)))
    if issue.expected:
        out.append("      " + lang.gettext("Attendu : {expected}").format(expected=lang.text(issue.expected)))
    out.append("      " + lang.gettext("Correction : {fix}").format(fix=lang.text(issue.fix)))
    return out


def _one_line(text: str, limit: int = 120) -> str:
    flat = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# GitHub annotations


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(entry: Entry, lang: Language) -> str:
    issue = entry.issue
    props = [f"file={_escape_property(issue.file)}"]
    if issue.line is not None:
        props.append(f"line={issue.line}")
        if entry.last_line is not None:
            props.append(f"endLine={entry.last_line}")
        elif issue.column is not None:
            props.append(f"col={issue.column.index}")
    title = _title(title_of(issue), lang)
    if issue.column is not None and issue.column.name:
        kind = lang.gettext("propriété {name}") if issue.file.endswith(".json") else lang.gettext("colonne {name}")
        title += f" ({kind.format(name=issue.column.name)})"
    props.append(f"title={_escape_property(title)}")
    body = _span(entry, lang) + lang.text(issue.message)
    if issue.expected:
        body += "\n" + lang.gettext("Attendu : {expected}").format(expected=lang.text(issue.expected))
    body += "\n" + lang.gettext("Correction : {fix}").format(fix=lang.text(issue.fix))
    command = "warning" if issue.warning else "error"
    return f"::{command} {','.join(props)}::{_escape_data(body)}"


def spread(groups: Groups, budget: int) -> tuple[list[Entry], int]:
    """At most `budget` entries, taken in turn from each kind of problem (the first of each kind
    first); also returns how many problems are left without an annotation."""
    queues = [group.entries() for _file, kinds in groups for group in kinds]
    total = sum(group.total for _file, kinds in groups for group in kinds)
    chosen: list[Entry] = []
    depth = 0
    while len(chosen) < budget and any(depth < len(queue) for queue in queues):
        for queue in queues:
            if depth < len(queue) and len(chosen) < budget:
                chosen.append(queue[depth])
        depth += 1
    return chosen, total - sum(entry.count for entry in chosen)


def _github(report: Report, budget: int, lang: Language) -> str:
    _ = lang.gettext
    title = _escape_property(_("Validation des données"))
    lines: list[str] = []
    for groups, word in ((_error_groups(report), "erreur"), (_groups(report.warnings), "avertissement")):
        chosen, left = spread(groups, budget)
        lines += [_annotation(entry, lang) for entry in chosen]
        if left:
            lines.append(f"::notice title={title}::" + _(
                "{others} sans annotation : voir le résumé de la vérification (Summary) ou le journal de l'étape."
            ).format(others=_others(left, lang, word)))
    if report.valid:
        lines.append(f"::notice title={title}::" + _("{source} : données valides.").format(source=report.source))
    return "\n".join(lines) + "\n"


# Markdown (GitHub job summary)


def _md(text: str) -> str:
    """Data-derived text made inert in Markdown: no HTML, no line break, no table cell break."""
    flat = _one_line(text, 300)
    return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("[", "\\[")


def _markdown(report: Report, per_group: int, lang: Language) -> str:
    _ = lang.gettext
    groups = _error_groups(report)
    if report.valid:
        head = "### ✅ " + _("Validation des données : valides ({rows} lignes vérifiées)").format(rows=report.rows)
    else:
        head = "### ❌ " + _("Validation des données : {errors} à corriger").format(
            errors=_plural(report.error_count, "erreur", lang))
    lines = [head, ""]
    sections = [(groups, "erreur", "✘")]
    if report.warnings:
        sections.append((_groups(report.warnings), "avertissement", "⚠️"))
        lines += [_("{warnings} : à vérifier, sans empêcher la publication.").format(
            warnings=_plural(len(report.warnings), "avertissement", lang)), ""]
    for section, word, mark in sections:
        for file, kinds in section:
            for group in kinds:
                lines.append(f"**{mark} {_md(_title(group.title, lang))}** — `{_md(file)}`, "
                             f"{_plural(group.total, word, lang)}")
                lines.append("")
                entries = group.entries()
                shown = entries if per_group <= 0 else entries[:per_group]
                for entry in shown:
                    issue = entry.issue
                    message = _md(_span(entry, lang) + lang.text(issue.message))
                    where = f"`{_md(_where(issue, lang))}`"
                    text = "- " + _("{where} : {message}").format(where=where, message=message)
                    if issue.expected:
                        text += "<br>" + _("Attendu : {expected}").format(expected=_md(lang.text(issue.expected)))
                    lines.append(text + "<br>" + _("Correction : {fix}").format(fix=_md(lang.text(issue.fix))))
                hidden = group.total - sum(entry.count for entry in shown)
                if hidden:
                    lines.append("- " + _("{others} du même type : voir le journal de l'étape.").format(
                        others=_others(hidden, lang, word)))
                lines.append("")
    if not report.valid:
        lines.append(_("Le détail complet est dans le journal de l'étape « Validate the data » ; "
                       "`make validate` affiche les mêmes messages sur un poste local."))
    return "\n".join(lines).rstrip("\n") + "\n"


# JSON


def _json(report: Report, lang: Language) -> str:
    payload = {
        "source": report.source,
        "valid": report.valid,
        "fatal": report.fatal,
        "exit_code": report.exit_code,
        "error_count": report.error_count,
        "warning_count": len(report.warnings),
        "truncated": report.truncated,
        "counts": {file: {group.code: group.total for group in kinds} for file, kinds in _error_groups(report)},
        "errors": [_translated(issue.to_dict(), lang) for issue in report.errors],
        "warnings": [_translated(issue.to_dict(), lang) for issue in report.warnings],
        "resources": [
            {"name": s.name, "file": s.file, "rows": s.rows, "seconds": round(s.seconds, 3), "engine": s.engine}
            for s in report.resources
        ],
        "seconds": round(report.seconds, 3),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _translated(record: dict[str, object], lang: Language) -> dict[str, object]:
    """An issue's JSON record with its words (message, expected, fix, title) in `lang`."""
    return {key: lang.text(value) if key in ("message", "expected", "fix", "title") else value
            for key, value in record.items()}


__all__ = ["FORMATS", "Entry", "format_report", "runs", "spread"]
