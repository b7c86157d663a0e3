"""The validator in English (`--lang en`, or RESULTS_LANG/LANG): the same problems, at the same file,
line and column, with the same exit code, in English."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from support.paths import ROOT
from validation import format_report, validate_package
from validation.language import Language, Message, language_from_environment

SCRIPT = ROOT / "scripts" / "validate.py"
BROKEN = ROOT / "tests" / "fixtures" / "broken"
FIXTURES = ["type-error-date", "bad-enum", "duplicate-key", "missing-column", "unknown-foreign-key", "decimal-comma",
            "ragged-missing-cell", "out-of-range", "missing-value-without-reason", "confidence-interval",
            "formula-injection", "non-finite-number"]
FRENCH_WORDS = re.compile(r"\b(Correction|Attendu|erreurs?|colonne|Écrivez|n'est pas|Valeur du mauvais type)\b")


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False, env={**os.environ, **env})


@pytest.mark.parametrize("fixture", FIXTURES)
def test_the_english_report_names_the_same_places_and_codes(fixture: str) -> None:
    report = validate_package(BROKEN / fixture)
    french = json.loads(format_report(report, "json"))
    english = json.loads(format_report(report, "json", language=Language("en")))
    assert [(e["location"], e["code"], e["value"]) for e in english["errors"]] == \
        [(e["location"], e["code"], e["value"]) for e in french["errors"]]
    assert english["exit_code"] == french["exit_code"] == 1
    for issue in english["errors"]:
        assert not FRENCH_WORDS.search(f"{issue['message']} {issue['expected']} {issue['fix']}"), issue


def test_the_command_line_speaks_english_on_request_or_from_the_environment() -> None:
    asked = run(str(BROKEN / "type-error-date"), "--lang", "en")
    from_environment = run(str(BROKEN / "type-error-date"), RESULTS_LANG="en")
    french = run(str(BROKEN / "type-error-date"), RESULTS_LANG="", LANG="C.UTF-8")
    assert asked.returncode == from_environment.returncode == french.returncode == 1
    assert asked.stdout == from_environment.stdout
    location = "tests/fixtures/broken/type-error-date/labels.csv:2:3"
    assert f"{location} (column awarded_on): “12/03/2024” is not a valid date (column awarded_on)." in asked.stdout
    assert "Fix: Write 2024-03-12 (year-month-day)." in asked.stdout
    assert "1 error in 1 file." in asked.stdout
    assert f"{location} (colonne awarded_on) : « 12/03/2024 » n'est pas une date valide" in french.stdout


def test_github_annotations_in_english_keep_their_place() -> None:
    result = run(str(BROKEN / "bad-enum"), "--format", "github", "--lang", "en")
    annotation = next(line for line in result.stdout.splitlines() if line.startswith("::error "))
    assert "line=4,col=8" in annotation and "title=Value not allowed (column status)" in annotation
    assert "Did you mean “final”?" in annotation


@pytest.mark.parametrize(("environment", "language"), [
    ({"RESULTS_LANG": "en"}, "en"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_GB.UTF-8"}, "fr"),  # POSIX order: LC_ALL first
    ({"LANG": "C.UTF-8"}, "fr"),
    ({"RESULTS_LANG": "de", "LANG": "en_GB.UTF-8"}, "fr"),  # an explicit unknown language: French
    ({}, "fr"),
])
def test_the_language_comes_from_the_environment(environment: dict[str, str], language: str) -> None:
    assert language_from_environment(environment) == language


def test_a_message_is_french_text_that_remembers_how_to_translate_itself() -> None:
    message = Message("« {cell} » n'est pas un nombre (colonne {name}).", cell="8,1", name="value")
    assert message == "« 8,1 » n'est pas un nombre (colonne value)."
    assert Language("en").text(message) == "“8,1” is not a number (column value)."
    assert Language("fr").text(message) == message


# A French sentence left in an English report: French function words, elisions and accented letters,
# once the values the messages quote (“…”: the data's own words, a file's name) are taken out.
FRENCH_LEFT = re.compile(r"\b(?:le|la|les|des|du|une|est|dans|pour|sans|avec|pas|ou|et|ligne|colonne|fichier|"
                         r"erreurs?|Correction|Attendu|Valeur)\b|\b(?:n|l|d|qu|s)'\w|[éèêàâçùûôîÉÀ«»]")
PROPER_TERMS = ("département",)  # French words English keeps (a département is not a "department")


def french_left(report: str) -> list[str]:
    """Each line of an English report that still holds French outside its quoted values."""
    lines = []
    for line in report.splitlines():
        text = re.sub(r"“[^”]*”", "", line)
        for term in PROPER_TERMS:
            text = text.replace(term, "")
        if FRENCH_LEFT.search(text):
            lines.append(line)
    return lines


@pytest.mark.parametrize("fixture", sorted(path.name for path in BROKEN.iterdir() if path.is_dir()))
def test_no_french_sentence_is_left_in_an_english_report(fixture: str) -> None:
    """Every broken fixture's report in English (messages, expectations, fixes, titles, summary): the
    precheck's, the descriptor's and the publication rules' as much as the Frictionless errors'."""
    report = validate_package(BROKEN / fixture)
    assert not report.valid
    english = format_report(report, "text", language=Language("en"))
    assert french_left(english) == [], english
    french = format_report(report, "text")
    assert french_left(french), "the detector finds the French report's French (it can fail)"


def test_a_missing_file_is_explained_in_english_on_the_command_line() -> None:
    """« Fichier manquant » (precheck), with the same file and the fix, from `--lang en`."""
    result = run(str(BROKEN / "missing-file"), "--lang", "en")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Missing file" in result.stdout and "Fichier manquant" not in result.stdout
    assert "tests/fixtures/broken/missing-file/actions.csv: The file actions.csv declared by the resource " \
           "“actions” cannot be found." in result.stdout
    assert "Fix: Add the file (git add) or correct its path in datapackage.json. This table is optional" \
        in result.stdout
    assert french_left(result.stdout) == [], result.stdout
