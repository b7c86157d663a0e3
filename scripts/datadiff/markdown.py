"""The summary a reviewer reads on the pull request, in French, warnings first, results per network.

Every value from the data goes through `code` or `text`, so that a cell cannot break the Markdown
around it; every list is capped ("… et 12 autres"): a reviewer reads the gist, the data is in the
pull request's files.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from results.core.periods import period_order

from .addresses import LostAddress
from .compare import PackageDiff
from .lateness import Lateness
from .results import MAX_LISTED, FileFindings, NetworkFindings, ValueChange
from .rows import ResourceDiff
from .schema import ABSENT, SchemaChange

MAX_PERIODS = 6
MAX_COVERAGE_LINES = 3
MAX_SCHEMA_LINES = 15
MAX_NETWORKS_LATE = 12


def number(value: int) -> str:
    """French thousands separator (narrow no-break space)."""
    return f"{value:,}".replace(",", "\u202f")


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 ligne", "12 lignes", "2 valeurs définitives"."""
    return f"{number(count)} {word if count == 1 else words or word + 's'}"


def rows(count: int) -> str:
    """ "1 ligne", "12 lignes"."""
    return plural(count, "ligne")


def visible(value: object) -> str:
    """One line of text, control and invisible characters (NUL, bidi overrides, zero-width…) shown as
    "�": they would hide or reorder what the reviewer reads."""
    flat = " ".join(str(value).split())
    return "".join("�" if unicodedata.category(char) in ("Cc", "Cf") else char for char in flat)


def text(value: str) -> str:
    """Plain text from the data, escaped so that it cannot break the Markdown around it."""
    return "".join("\\" + char if char in "\\`*_[]<>|#!~" else char for char in visible(value))


def code(value: str) -> str:
    """A value from the data as inline code (a backtick in it would end the span)."""
    flat = visible(value).replace("`", "'")
    return f"`{flat}`" if flat else "`(vide)`"


def capped(items: Sequence[str], total: int | None = None, limit: int = MAX_LISTED) -> str:
    """ "a, b, c" or "a, b, c … et 12 autres" (`total` when `items` is already a sample)."""
    total = len(items) if total is None else total
    shown = list(items[:limit])
    rest = total - len(shown)
    return ", ".join(shown) + (f" … et {number(rest)} autre{'s' if rest > 1 else ''}" if rest > 0 else "")


def render(diff: PackageDiff) -> str:
    """The Markdown summary shown on the pull request."""
    lines = ["## Ce que change cette version des données", ""]
    if diff.base_missing:
        lines += ["Première publication : la version de base ne contient pas encore de paquet de données.", ""]
    lines += _metadata(diff)
    lines += _schema(diff.schema)
    if diff.publication_gaps:
        lines += [
            "### ⚠️ Nouvelles périodes, mais publication incomplète",
            "",
            "De nouvelles périodes arrivent, mais " + " ; ".join(diff.publication_gaps) + ".",
            "Mettez à jour `version`, `as_of` et `releases` en haut de `datapackage.json` "
            "(CONTRIBUTING.md, section 3, étape 2).",
            "",
        ]
    lines += _lost_addresses(diff.lost_addresses)
    lines += _table(diff.resources)
    lines += _networks(diff.networks)
    if diff.lateness is not None:
        lines += _lateness(diff.lateness)
    lines += _resource_notes(diff.resources)
    return "\n".join(lines).rstrip() + "\n"


def _lost_addresses(lost: list[LostAddress]) -> list[str]:
    """Published page addresses that would stop working: QR codes on posters already printed."""
    if not lost:
        return []
    lines = [
        "### ⚠️ Des adresses publiées ne fonctionneraient plus",
        "",
        "Ces adresses de pages de structures sont publiées (QR codes des affiches, liens, favoris). Gardez le "
        "`slug`, ou ajoutez l'ancienne adresse à `former_slugs` : elle redirigera vers la nouvelle "
        "(CONTRIBUTING.md, « Changer l'adresse d'une structure »).",
        "",
    ]
    for item in lost[:MAX_LISTED]:
        lines.append(
            f"- ⚠️ {code(item.structure)} ({text(item.name)}) : l'adresse publiée {code(item.lost)} ne fonctionnerait "
            f"plus. Ajoutez {code(item.lost)} à `former_slugs` (adresse actuelle : {code(item.current)})."
        )
    if len(lost) > MAX_LISTED:
        lines.append(f"- … et {number(len(lost) - MAX_LISTED)} autres adresses")
    return [*lines, ""]


def _metadata(diff: PackageDiff) -> list[str]:
    parts = []
    old_version, new_version = diff.publication.version
    if diff.publication.version_changed:
        parts.append(f"Version du paquet : {code(old_version or '—')} → {code(new_version or '—')}")
    if diff.publication.as_of_changed:
        old_as_of, new_as_of = diff.publication.as_of
        parts.append(f"date des données (`as_of`) : {code(old_as_of or '—')} → {code(new_as_of or '—')}")
    if not parts:
        return []
    sentence = " ; ".join(parts)
    return [sentence[0].upper() + sentence[1:] + ".", ""]


# -- schema ----------------------------------------------------------------------------------------


def _schema(changes: list[SchemaChange]) -> list[str]:
    if not changes:
        return []
    lines = [
        "### ⚠️ Le schéma des données change",
        "",
        "La description des colonnes (types, contraintes, clés, format des fichiers) change. Le validateur et "
        "le site en dépendent : **faites relire ces lignes par l'équipe technique avant de fusionner.**",
        "",
    ]
    lines += [f"- {_schema_line(change)}" for change in changes[:MAX_SCHEMA_LINES]]
    if len(changes) > MAX_SCHEMA_LINES:
        lines.append(f"- … et {number(len(changes) - MAX_SCHEMA_LINES)} autres différences")
    return [*lines, ""]


def _schema_line(change: SchemaChange) -> str:
    where = code(change.resource) + (f", champ {code(change.field)}" if change.field else "")
    if change.aspect in ("ressource", "champ"):
        if change.before is ABSENT:
            return f"{where} : ajouté" + (f" (type {_json(change.after)})" if change.aspect == "champ" else "e")
        if change.after is ABSENT:
            return f"{where} : retiré" + ("" if change.aspect == "champ" else "e")
    return f"{where} : {text(change.aspect)} {_json(change.before)} → {_json(change.after)}"


def _json(value: Any) -> str:
    if value is ABSENT:
        return "(absent)"
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return code(shown if len(shown) <= 80 else shown[:77] + "…")


# -- resources table -------------------------------------------------------------------------------


def _table(resources: list[ResourceDiff]) -> list[str]:
    changed = [r for r in resources if r.has_changes]
    if not changed:
        return ["Aucune ligne de données ne change.", ""]
    lines = ["| Fichier | Lignes ajoutées | modifiées | supprimées |", "| --- | ---: | ---: | ---: |"]
    for r in changed:
        label = f"{text(r.title)} ({code(r.file or r.name).replace('|', chr(92) + '|')})"
        if r.presence == "added":
            label += " — nouvelle ressource"
        elif r.presence == "removed":
            label += " — ressource retirée"
        if r.problem:
            lines.append(f"| {label} | ⚠️ non comparée : {text(r.problem)} | | |")
        else:
            removed = f"⚠️ {number(r.removed)}" if r.removed and r.presence == "both" else number(r.removed)
            lines.append(f"| {label} | {number(r.added)} | {number(r.changed)} | {removed} |")
    return [*lines, ""]


# -- results per network ---------------------------------------------------------------------------


def _networks(networks: list[NetworkFindings]) -> list[str]:
    lines: list[str] = []
    for network in networks:
        title = f"{text(network.name)} ({code(network.network_id)})" if network.network_id else (
            "Réseau inconnu (structures absentes de `structures.csv` ou sans réseau)"
        )
        if len(network.files) == 1:
            title += f" — {code(network.files[0].file)}"
        lines += [f"### {title}", ""]
        for findings in network.files:
            if len(network.files) > 1:
                lines += [f"Fichier {code(findings.file)} :", ""]
            lines += _file_lines(findings, network.structures)
        if network.dropped_periods:
            shown = capped([code(p) for p in network.dropped_periods])
            several = len(network.dropped_periods) > 1
            words = "Périodes qui disparaissent" if several else "Période qui disparaît"
            lines.append(f"- ⚠️ **{words}** : {shown}. Une valeur publiée ne s'efface pas : vérifiez que c'est voulu.")
        lines.append("")
    return lines


def _file_lines(findings: FileFindings, structures: list[str]) -> list[str]:
    lines = [f"- {plural(findings.added, 'ligne ajoutée', 'lignes ajoutées')}."] if findings.added else []
    lines += _coverage(findings.coverage, structures)
    if findings.unrevised.count:
        lines.append(
            f"- ⚠️ **{plural(findings.unrevised.count, 'valeur définitive modifiée', 'valeurs définitives modifiées')}"
            " sans le statut `revised`** : une correction passe `status` à `revised` et s'explique dans `note`"
            " (CONTRIBUTING.md, section 5)."
        )
        lines += [f"  - {_change(c)}" for c in findings.unrevised.items]
        lines += _more(findings.unrevised.count, len(findings.unrevised.items))
    if findings.changes.count:
        lines.append(f"- {plural(findings.changes.count, 'ligne modifiée', 'lignes modifiées')} :")
        lines += [f"  - {_change(c)}" for c in findings.changes.items]
        lines += _more(findings.changes.count, len(findings.changes.items))
    if findings.removed.count:
        keys = capped([code(k) for k in findings.removed.items], findings.removed.count)
        lines.append(
            f"- ⚠️ **{plural(findings.removed.count, 'ligne supprimée', 'lignes supprimées')}** : {keys}. "
            "Une valeur publiée ne s'efface pas : vérifiez que c'est voulu."
        )
    return lines


def _coverage(coverage: dict[str, set[str]], structures: list[str]) -> list[str]:
    """ "Nouvelle période `2026-Q4` : 101/101 structures", periods with the same structures together,
    the most recent first (a first publication brings dozens: the older ones are only counted)."""
    members = set(structures)
    groups: dict[frozenset[str], list[str]] = {}
    for period in sorted(coverage, key=period_order, reverse=True):
        groups.setdefault(frozenset(coverage[period]), []).append(period)
    lines = []
    for covered, periods in list(groups.items())[:MAX_COVERAGE_LINES]:
        periods.sort(key=period_order)
        word = "Nouvelles périodes" if len(periods) > 1 else "Nouvelle période"
        shown = capped([code(p) for p in periods], limit=MAX_PERIODS)
        if members:
            line = f"- {word} {shown} : {number(len(covered & members))}/{number(len(members))} structures"
            missing = [s for s in structures if s not in covered]
            if missing:
                line += f" (sans ligne : {capped([code(s) for s in missing])})"
        else:
            line = f"- {word} {shown} : {plural(len(covered), 'structure')}"
        lines.append(line + ".")
    older = sum(len(periods) for periods in list(groups.values())[MAX_COVERAGE_LINES:])
    if older:
        lines.append(f"- … et {plural(older, 'nouvelle période plus ancienne', 'nouvelles périodes plus anciennes')}.")
    return lines


def _change(change: ValueChange) -> str:
    parts = []
    if change.old_value != change.new_value:
        parts.append(f"{code(change.old_value)} → {code(change.new_value)}")
    if change.old_status != change.new_status:
        parts.append(f"statut {code(change.old_status)} → {code(change.new_status)}")
    others = [c for c in change.other_columns if c != "status"]
    if others:
        parts.append(f"{capped([code(c) for c in others])} modifié{'s' if len(others) > 1 else ''}")
    return f"{code(change.key)} : " + ", ".join(parts)


def _more(total: int, shown: int) -> list[str]:
    return [f"  - … et {number(total - shown)} autre{'s' if total - shown > 1 else ''}"] if total > shown else []


# -- lateness --------------------------------------------------------------------------------------


def _lateness(lateness: Lateness) -> list[str]:
    if lateness.problem:
        return [f"Retards des réseaux non calculés : {lateness.problem}.", ""]  # our wording, no data
    if not lateness.newly_late:
        return []
    assert lateness.old_as_of is not None and lateness.new_as_of is not None
    count = len(lateness.newly_late)
    lines = [
        "### Réseaux qui apparaîtront en retard",
        "",
        f"En passant `as_of` du {lateness.old_as_of.isoformat()} au {lateness.new_as_of.isoformat()}, "
        f"{plural(count, 'réseau', 'réseaux')} à jour jusqu'ici "
        f"{'apparaîtra' if count == 1 else 'apparaîtront'} **en retard** sur la page « Suivi du programme » "
        f"(une période est due {lateness.grace_days} jours après sa fin). C'est normal "
        + ("s'il n'a" if count == 1 else "s'ils n'ont") + " pas encore publié ; sinon, vérifiez la date `as_of`.",
        "",
    ]
    lines += [f"- {text(message)}" for message in lateness.newly_late[:MAX_NETWORKS_LATE]]
    if count > MAX_NETWORKS_LATE:
        lines.append(f"- … et {number(count - MAX_NETWORKS_LATE)} autres")
    return [*lines, ""]


# -- other resources -------------------------------------------------------------------------------


def _resource_notes(resources: list[ResourceDiff]) -> list[str]:
    lines: list[str] = []
    changed = [r for r in resources if r.has_changes]
    for r in changed:
        if r.changed_by_status:
            parts = ", ".join(f"{code(status)} : {number(n)}" for status, n in sorted(r.changed_by_status.items()))
            lines += [f"Lignes modifiées de {code(r.name)} par statut — {parts}.", ""]
        if r.added_columns:
            lines += [f"Colonnes ajoutées à {code(r.name)} : {_codes(r.added_columns)}.", ""]
        if r.removed_columns:
            lines += [f"⚠️ Colonnes retirées de {code(r.name)} : {_codes(r.removed_columns)}.", ""]
        if r.duplicate_keys:
            lines += [f"⚠️ {code(r.name)} : {rows(r.duplicate_keys)} en double (même clé).", ""]
    examples = [r for r in changed if r.examples and r.presence == "both" and not r.per_network]
    if examples:
        lines += ["<details><summary>Exemples de lignes concernées</summary>", ""]
        words = {"added": "ajoutées", "changed": "modifiées", "removed": "supprimées"}
        for r in examples:
            key = " · ".join(r.key_fields) or "ligne entière"
            for kind in ("added", "changed", "removed"):
                if kind == "changed" and r.changed_cells:
                    shown = ", ".join(_cells_change(k, cells) for k, cells in r.changed_cells)
                    lines.append(f"- {code(r.name)} ({text(key)}), {words[kind]} : {shown}")
                elif r.examples.get(kind):
                    lines.append(f"- {code(r.name)} ({text(key)}), {words[kind]} : {_codes(r.examples[kind])}")
        lines += ["", "</details>", ""]
    return lines


def _codes(values: Iterable[str]) -> str:
    return ", ".join(code(v) for v in values)


def _cells_change(key: str, cells: list[tuple[str, str, str]]) -> str:
    """`CAF-75` (name : `CAF de Paris` → `CAF Paris`): a renamed structure changes its page address."""
    shown = "; ".join(f"{text(column)} : {_short(old)} → {_short(new)}" for column, old, new in cells[:3])
    more = f"; … et {number(len(cells) - 3)} autres" if len(cells) > 3 else ""
    return f"{code(key)} ({shown}{more})"


def _short(value: str) -> str:
    flat = visible(value)
    return code(flat if len(flat) <= 60 else flat[:57] + "…")
