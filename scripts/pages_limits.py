#!/usr/bin/env python3
"""Check a built site against the static hosts' limits before it is uploaded.

GitHub Pages documents a published site of at most 1 GB; GitLab Pages caps a site at 1 GB and
200 000 files. Our budget keeps the stricter of both with room to grow: 1 GB and 100 000 files.
A site over budget is refused here, in the build job, with the folders that weigh most, instead of
an upload that fails (or silently breaks the host's terms) after the deploy has started.

    python scripts/pages_limits.py output [--max-bytes N] [--max-files N] [--summary FILE]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from jobsummary import append_summary
from results.core.sizes import file_size

MAX_BYTES = 1_000_000_000  # GitHub Pages: "published sites may be no larger than 1 GB"
MAX_FILES = 100_000  # GitLab Pages allows 200 000; half of it leaves room for a few more years
SHOWN_FOLDERS = 8


def files(count: int) -> str:
    """`1 fichier`, `32 fichiers`, `125 456 fichiers` (narrow no-break space between thousands)."""
    return f"{count:,}".replace(",", "\u202f") + (" fichier" if count < 2 else " fichiers")


@dataclass(frozen=True)
class SiteSize:
    """Bytes and files of a site, in all and per folder (a folder's figures include its subfolders)."""

    total_bytes: int
    total_files: int
    folder_bytes: Counter[str]
    folder_files: Counter[str]


def measure(site: Path) -> SiteSize:
    """Walk the site once; symbolic links are counted as what the host stores (the link, not its target)."""
    folder_bytes: Counter[str] = Counter()
    folder_files: Counter[str] = Counter()
    total_bytes = total_files = 0
    for directory, _, names in os.walk(site):
        relative = Path(directory).relative_to(site)
        ancestors = [relative, *relative.parents][:-1]  # every folder above the file, but not the root
        for name in names:
            size = (Path(directory) / name).lstat().st_size
            total_bytes += size
            total_files += 1
            for folder in ancestors:
                folder_bytes[folder.as_posix()] += size
                folder_files[folder.as_posix()] += 1
    return SiteSize(total_bytes, total_files, folder_bytes, folder_files)


def heaviest(size: SiteSize, by_files: bool) -> list[str]:
    """The top-level folders that weigh most, with their share, for the maintainer to look at first."""
    counts = size.folder_files if by_files else size.folder_bytes
    total = size.total_files if by_files else size.total_bytes
    top_level = Counter({name: value for name, value in counts.items() if "/" not in name})
    lines = []
    for name, value in top_level.most_common(SHOWN_FOLDERS):
        shown = files(value) if by_files else file_size(value)
        lines.append(f"- `{name}/` : {shown} ({100 * value / max(total, 1):.0f} %)")
    return lines


def problems(size: SiteSize, max_bytes: int, max_files: int) -> list[str]:
    """French explanations of every limit the site passes, each followed by where the weight is."""
    found = []
    if size.total_bytes > max_bytes:
        found.append(
            f"Le site pèse {file_size(size.total_bytes)}, au-delà de la limite de {file_size(max_bytes)} "
            "de l'hébergeur (GitHub Pages : 1 Go). Dossiers les plus lourds :\n" + "\n".join(heaviest(size, False))
        )
    if size.total_files > max_files:
        found.append(
            f"Le site compte {files(size.total_files)}, au-delà de la limite de {files(max_files)}. "
            "Dossiers qui en comptent le plus :\n" + "\n".join(heaviest(size, True))
        )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (output/)")
    parser.add_argument("--max-bytes", type=int, default=MAX_BYTES)
    parser.add_argument("--max-files", type=int, default=MAX_FILES)
    parser.add_argument("--summary", type=Path, help="also append the outcome to this Markdown file")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"Le dossier {args.site} n'existe pas : construisez d'abord le site (make publish).", file=sys.stderr)
        return 2
    size = measure(args.site)
    found = problems(size, args.max_bytes, args.max_files)
    headline = (
        f"{file_size(size.total_bytes)} en {files(size.total_files)}"
        f" (limites : {file_size(args.max_bytes)}, {files(args.max_files)})"
    )
    if found:
        report = "### ❌ Taille du site : trop gros pour l'hébergeur, rien n'est publié\n\n" + headline + "\n\n"
        report += "\n\n".join(found) + "\n\nRéduisez les fichiers produits par page (voir README, « Taille du site »)."
        print(report, file=sys.stderr)
    else:
        report = f"### ✅ Taille du site : {headline}"
        print(report)
    if args.summary:
        append_summary(args.summary, report + "\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
