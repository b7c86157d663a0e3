"""The size check run before upload: a site over the host's limits is refused, naming where the weight is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.paths import ROOT

SCRIPT = ROOT / "scripts" / "pages_limits.py"


def site(tmp_path: Path) -> Path:
    """A small site: `services/` heavy and numerous, `assets/` light, one page at the root."""
    root = tmp_path / "output"
    for number in range(30):
        page = root / "services" / f"caf-{number:02d}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_bytes(b"x" * 1000)
    (root / "assets").mkdir()
    (root / "assets" / "site.css").write_bytes(b"y" * 500)
    (root / "index.html").write_bytes(b"z" * 100)
    return root


def check(root: Path, *limits: str, summary: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--summary", str(summary)] if summary else []
    return subprocess.run([sys.executable, str(SCRIPT), str(root), *limits, *extra],
                          capture_output=True, text=True, check=False)


def test_a_site_within_the_limits_passes_and_says_its_size(tmp_path: Path) -> None:
    result = check(site(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "31\u00a0ko en 32 fichiers (limites : 1,0\u00a0Go, 100\u202f000 fichiers)" in result.stdout


def test_a_site_too_heavy_is_refused_naming_its_heaviest_folder(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = check(site(tmp_path), "--max-bytes", "20000", summary=summary)
    assert result.returncode == 1
    assert "au-delà de la limite de 20\u00a0ko" in result.stderr
    lines = result.stderr.splitlines()
    folders = [line for line in lines if line.startswith("- `")]
    assert folders[0] == "- `services/` : 30\u00a0ko (98 %)"
    assert "rien n'est publié" in summary.read_text(encoding="utf-8")


def test_a_site_with_too_many_files_is_refused_naming_the_folder_that_holds_them(tmp_path: Path) -> None:
    result = check(site(tmp_path), "--max-files", "10")
    assert result.returncode == 1
    assert "Le site compte 32 fichiers, au-delà de la limite de 10 fichiers." in result.stderr
    assert "- `services/` : 30 fichiers (94 %)" in result.stderr
    assert "- `assets/` : 1 fichier (3 %)" in result.stderr
    assert "pèse" not in result.stderr  # the byte budget holds: only the file count is reported


def test_a_missing_site_is_a_clear_error(tmp_path: Path) -> None:
    result = check(tmp_path / "nowhere")
    assert result.returncode == 2
    assert "construisez d'abord le site" in result.stderr
