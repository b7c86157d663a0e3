"""What a change to the data package does, summarised in Markdown for the pull request's reviewer.

`make data-diff` (scripts/data_diff.py) compares the package at a git ref with the working tree:
- tables.py      where rows come from (the only module to change for a new file layout)
- rows.py        row-by-row comparison of one resource, matched by primary key
- results.py     result rows per network and per file: new periods, changes, deletions
- schema.py      descriptor differences that change how the data is read or checked
- publication.py version, releases and as_of that new periods call for
- lateness.py    networks that moving as_of makes late, by the plugin's own rule
- compare.py     the whole comparison; markdown.py words it; gitbase.py reads the base from git
"""

from results.core.periods import period_order

from .compare import PackageDiff, diff_packages
from .gitbase import extract_base
from .markdown import render
from .tables import DiffError

__all__ = ["DiffError", "PackageDiff", "diff_packages", "extract_base", "period_order", "render"]
