"""Where things are: the repository, the test fixtures, and the live data (checked for validity only)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOOD_FIXTURE = FIXTURES / "good" / "datapackage.json"
LABELS_FIXTURE = FIXTURES / "labels" / "datapackage.json"
MONITORING_FIXTURE = FIXTURES / "monitoring" / "datapackage.json"
# The programme's live data: a test may check that it is valid, never what it contains (it changes
# with every publication). Demo-specific expectations use the generated package (support.demo).
LIVE_DATA = ROOT / "data" / "datapackage.json"
