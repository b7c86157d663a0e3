"""CONTRIBUTING.md, "Publier un trimestre par import": the command and the choices file of the guide,
run as written on exports reproducing the portal's, then the summary `make data-diff` shows."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

from importcheck import csv_rows, run_importer
from odsexports import DECROCHE, RESULTS, result, write_exports
from support.paths import ROOT
from test_reimport import data_diff

GUIDE = ROOT / "CONTRIBUTING.md"


def example(name: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    marker = f"<!-- example: import-quarter {name} -->\n"
    assert marker in text, f"exemple « {name} » absent de CONTRIBUTING.md"
    block = text.split(marker, 1)[1].split("```", 2)[1]
    return block.split("\n", 1)[1]


def test_the_guides_import_command_and_choices_work_as_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    exports = tmp_path / "exports"
    assert run_importer("opendatasoft", *write_exports(tmp_path / "last-quarter"), "--output", data).code == 0
    base = tmp_path / "base"
    shutil.copytree(data, base)
    write_exports(exports, results=[*RESULTS, result(7, "SP-CAF04", DECROCHE, "88", "2024-10-09")])
    (tmp_path / "choix.json").write_text(example("choix.json"), encoding="utf-8")
    assert json.loads(example("choix.json"))  # the guide's choices file is valid JSON

    words = shlex.split(example("command").strip())
    assert words[:2] == ["python", "scripts/import_data.py"]
    arguments = [str(tmp_path / word) if word.startswith(("exports/", "data", "choix")) else word
                 for word in words[2:]]
    run = run_importer(*arguments)
    assert run.code == 0, run.out + run.err
    assert "Paquet écrit et validé" in run.out
    delay = next(i for i in csv_rows(data / "indicators.csv") if i["id"] == "ind-delai")
    assert (delay["direction"], delay["decimals"]) == ("lower", "0")
    summary = data_diff(base, data)
    assert "Nouvelle période `2024-Q3`" in summary
