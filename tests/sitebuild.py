"""Build a site from a Data Package with the real Pelican and the real plugin (shared by test folders).

Import from here (`from sitebuild import build_site`), not from conftest: several folders may have
a conftest.py, and `import conftest` would then be ambiguous.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_PACKAGE = ROOT / "data" / "datapackage.json"
GOOD_FIXTURE = ROOT / "tests" / "fixtures" / "good" / "datapackage.json"


def build_site(data: Path, output: Path, **overrides) -> Path:
    """Run Pelican in-process on `data` into `output` (no validation step: tests feed valid packages)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(ROOT / "content"),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "OUTPUT_PATH": str(output),
            "RESULTS_DATA": str(data),
            "RESULTS_CHART_CACHE": str(output.parent / "chart-cache"),
            **overrides,
        },
    )
    Pelican(settings).run()
    return output


def copy_package(source: Path, destination: Path) -> Path:
    """A writable copy of a package folder, to add one defect or one record in a test."""
    shutil.copytree(source.parent, destination)
    return destination / "datapackage.json"
