"""The page script formats numbers and dates exactly like the static render."""

from __future__ import annotations

import json
import re
from pathlib import Path

from results.charts.locale import FORMAT_LOCALE, TIME_FORMAT_LOCALE

SCRIPT = Path(__file__).resolve().parents[2] / "theme/static/js/charts.js"


def test_charts_js_locales_match_python():
    source = SCRIPT.read_text(encoding="utf-8")
    found = {name: json.loads(value) for name, value in re.findall(r"var (\w*FORMAT_LOCALE) = (\{.*\});", source)}
    assert found == {"FORMAT_LOCALE": FORMAT_LOCALE, "TIME_FORMAT_LOCALE": TIME_FORMAT_LOCALE}


def test_charts_js_has_no_eval():
    source = re.sub(r"/\*.*?\*/", "", SCRIPT.read_text(encoding="utf-8"), flags=re.S)  # code, not comments
    assert "eval(" not in source and "new Function" not in source and "innerHTML" not in source
