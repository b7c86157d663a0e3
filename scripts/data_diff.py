"""Summarise, in Markdown, what a change to the data package does (`make data-diff`).

A reviewer of a data pull request wants to know at a glance whether it does what it says: "publish
the fourth quarter" should add a new period for every structure of one network, move the version,
`as_of` and `releases`, and remove or silently rewrite nothing. This script compares two versions of
the Frictionless Data Package (the base and the head of the pull request) and prints warnings
first (schema changes, incomplete publication), then the rows added, changed and removed per
resource, then the results per network and file. The logic lives in scripts/datadiff/.

The pull-request workflow appends the output to `$GITHUB_STEP_SUMMARY`; a maintainer can run the
same command locally before pushing. The text is in French because the maintainers who read it are.

Usage:
    python scripts/data_diff.py --base OLD/datapackage.json --head data/datapackage.json
    python scripts/data_diff.py --base-ref origin/main --head data/datapackage.json
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from datadiff import DiffError, diff_packages, extract_base, period_order, render

__all__ = ["diff_packages", "main", "period_order", "render"]
ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Print the summary; exit 2 when the inputs cannot be read."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    base = parser.add_mutually_exclusive_group(required=True)
    base.add_argument("--base", type=Path, help="datapackage.json of the old version")
    base.add_argument("--base-ref", help="git commit or branch holding the old version (e.g. origin/main)")
    parser.add_argument(
        "--head", type=Path, default=Path("data/datapackage.json"), help="datapackage.json of the new version"
    )
    parser.add_argument(
        "--settings", type=Path, default=ROOT / "pelicanconf.py",
        help="Pelican settings giving RESULTS_STALE_GRACE_DAYS (lateness rule); the plugin's default otherwise",
    )
    args = parser.parse_args(argv)
    try:
        if args.base_ref:
            with tempfile.TemporaryDirectory(prefix="data-diff-") as tmp:
                base_path = extract_base(args.base_ref, args.head, Path(tmp))
                summary = render(diff_packages(base_path, args.head, args.settings))
        else:
            summary = render(diff_packages(args.base, args.head, args.settings))
    except DiffError as error:
        print(f"data_diff: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
