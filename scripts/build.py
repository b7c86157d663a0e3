#!/usr/bin/env python3
"""Validate the Data Package, then build the site with Pelican into a temporary folder and swap it in.

An invalid package, a duplicate slug or any error logged during the build leaves the previously
built site untouched: nothing already published is lost.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Before Arrow loads (the plugin's package loads it): what Arrow frees goes back to the heap that Python
# reuses and `give_back_memory` trims, instead of staying in Arrow's own allocator (results/core/memory.py).
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

from buildcache import input_fingerprint, is_up_to_date, page_manifest, record, settings_inputs  # noqa: E402
from content_check import page_problems  # noqa: E402
from jobsummary import append_summary, build_markdown, recorded_warnings  # noqa: E402
from results.core.memory import give_back_memory  # noqa: E402
from staging import WriteFailures, link_unchanged, remove_stale, swap_in, verify_staged  # noqa: E402
from validation import format_report, validate_package  # noqa: E402


def run_pelican(
    settings_file: Path,
    data: Path,
    output: Path,
    strict: bool,
    quiet: bool,
    chart_cache: Path | None = None,
    content: Path | None = None,
    previous: Path | None = None,
    manifest: Path | None = None,
) -> tuple[list[str], list[tuple[Path, Path]]]:
    """Run Pelican in this process; return the errors and failed writes it logged, and the folders it
    copies into the site (source, destination), for `verify_staged`.

    With `previous` (the published site) and `manifest` (its pages' fingerprints), pages whose inputs
    did not change are copied from `previous` instead of rendered (plugins/results/carryover.py)."""
    from pelican import Pelican
    from pelican.log import LimitFilter
    from pelican.settings import read_settings

    # Pelican drops a warning already logged once in this process: a second build (make serve, tests)
    # would then miss a failed write or a late network. Each build starts with a clean slate.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    counter = WriteFailures()
    logging.getLogger().addHandler(counter)
    logging.getLogger().setLevel(logging.WARNING if quiet else logging.INFO)
    if not logging.getLogger().handlers[:-1]:
        logging.getLogger().addHandler(logging.StreamHandler())
    try:
        settings = read_settings(
            str(settings_file),
            override={
                "OUTPUT_PATH": str(output),
                "RESULTS_DATA": str(data),
                "RESULTS_STRICT": strict,
                "DELETE_OUTPUT_DIRECTORY": False,
                **({"RESULTS_CHART_CACHE": str(chart_cache)} if chart_cache else {}),
                **({"PATH": str(content)} if content else {}),
                "RESULTS_PREVIOUS_OUTPUT": str(previous) if previous else "",
                "RESULTS_PAGE_MANIFEST": str(manifest) if manifest else "",
            },
        )
        theme = Path(settings["THEME"])
        # Pelican copies the *contents* of each theme static folder into THEME_STATIC_DIR.
        copied = [(theme / folder, output / settings["THEME_STATIC_DIR"]) for folder in settings["THEME_STATIC_PATHS"]]
        Pelican(settings).run()
    finally:
        logging.getLogger().removeHandler(counter)
    return counter.messages, copied


def next_manifests(manifest: Path) -> list[Path]:
    """The manifests a build wrote beside `manifest` (carryover.next_manifest): `<stem>.next.json`, and
    `<stem>.<language>.next.json` for each other language of the site (plugins/results/i18n/sites.py)."""
    return sorted(manifest.parent.glob(f"{manifest.stem}.*next{manifest.suffix}"))


def build(
    settings_file: Path,
    data: Path,
    output: Path,
    strict: bool = False,
    quiet: bool = False,
    force: bool = False,
    chart_cache: Path | None = None,
    content: Path | None = None,
    summary: Path | None = None,
) -> int:
    remove_stale(output)  # folders left behind by killed builds
    fingerprint = input_fingerprint(data, settings_file, {"strict": strict, "chart_cache": chart_cache},
                                    settings_inputs(settings_file, content))
    if not force and is_up_to_date(output, fingerprint):
        print(f"Rien n'a changé depuis la dernière construction : {output}/ est à jour.")
        return 0
    try:
        report = validate_package(str(data))
    except Exception:  # a bug of ours: say so, never publish, never read as "invalid data"
        traceback.print_exc()
        print(f"\nErreur interne du validateur : merci de la signaler. Site non construit : {output}/ est inchangé.",
              file=sys.stderr)
        return 3
    if not report.valid:
        print(format_report(report, "text"), file=sys.stderr)
        print(f"\nSite non construit : {output}/ est inchangé.", file=sys.stderr)
        return 2 if report.fatal else 1
    del report
    give_back_memory()  # the validator's buffers, before Pelican loads the package again

    os.chdir(ROOT)  # pelicanconf paths (content/, theme/, plugins/) are relative to the repository
    pages = page_problems(Path("content") / "pages")
    if pages:  # before Pelican: it would skip the page after reading everything, in English
        print("\n".join(pages), file=sys.stderr)
        print(f"\nSite non construit : {output}/ est inchangé.", file=sys.stderr)
        return 1
    staging = output.with_name(f"{output.name}.tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    manifest = page_manifest(output)
    for stale in next_manifests(manifest):
        stale.unlink()
    previous = output if output.is_dir() and not force else None  # --force: every page rendered
    started = time.perf_counter()
    with recorded_warnings() as warnings:
        try:
            errors, copied = run_pelican(settings_file, data, staging, strict, quiet, chart_cache, content,
                                         previous, manifest)
            if not errors:  # a full disk or a quota: some file is missing, empty or cut
                errors = verify_staged(staging, copied)
        except Exception as error:  # a duplicate slug, a broken template, a full disk…: report, keep the old site
            errors = [f"{type(error).__name__}: {error}"]
    if summary is not None:  # the reviewer's job summary: late networks and other warnings
        append_summary(summary, build_markdown(warnings, errors))
    if errors:
        shutil.rmtree(staging, ignore_errors=True)
        print("\nLa construction a échoué :", file=sys.stderr)
        for message in errors:
            print(f"  - {message}", file=sys.stderr)
        print(f"Site non publié : {output}/ est inchangé.", file=sys.stderr)
        for written in next_manifests(manifest):
            written.unlink()
        return 1
    # Last step before the swap: nothing writes into the staged site any more.
    rewritten, kept = link_unchanged(staging, output) if output.is_dir() else (None, 0)
    swap_in(staging, output)
    record(output, fingerprint)
    pages_report = ""
    written = next_manifests(manifest)
    if written:  # the plugin's page fingerprints (one manifest per language) describe the site now in place
        rendered = carried = 0
        for path in written:
            counts = json.loads(path.read_text("utf-8"))
            rendered, carried = rendered + counts["rendered"], carried + counts["carried"]
            os.replace(path, path.with_name(path.name.replace(".next.", ".")))
        pages_report = f" ; {rendered} pages rendues, {carried} reprises telles quelles"
    pages = sum(1 for _ in output.rglob("*.html"))
    files = f" ; {rewritten} fichiers réécrits, {kept} inchangés" if rewritten is not None else ""
    print(f"Site construit dans {output}/ : {pages} pages HTML en {time.perf_counter() - started:.1f} s"
          f"{pages_report}{files}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--settings", default="pelicanconf.py", help="pelicanconf.py or publishconf.py")
    parser.add_argument("--data", default="data/datapackage.json", help="the Data Package to publish")
    parser.add_argument("--output", default="output", help="where the site goes")
    parser.add_argument("--strict", action="store_true", help="fail on data warnings (late results)")
    parser.add_argument("--quiet", action="store_true", help="log warnings and errors only")
    parser.add_argument("--force", action="store_true", help="build even if no input changed, rendering every page")
    parser.add_argument("--chart-cache", type=Path, help="folder of rendered charts (default .cache/charts)")
    parser.add_argument("--summary", type=Path, help="append warnings and errors in Markdown (GitHub job summary)")
    args = parser.parse_args(argv)
    return build(
        (ROOT / args.settings).resolve() if not Path(args.settings).is_absolute() else Path(args.settings),
        Path(args.data).resolve(),
        Path(args.output).resolve(),
        strict=args.strict,
        quiet=args.quiet,
        force=args.force,
        chart_cache=args.chart_cache.resolve() if args.chart_cache else None,
        summary=args.summary,
    )


if __name__ == "__main__":
    sys.exit(main())
