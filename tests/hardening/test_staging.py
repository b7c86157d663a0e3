"""Issue #14, items 3 and 12: a failed write never publishes a broken site nor loses the live one.

The full disk is a real one for the build process: `RLIMIT_FSIZE` makes the kernel refuse any write
past 300 kB (EFBIG, as ENOSPC would), so `vega.min.js` (500 kB) is cut while Pelican only logs a
warning. The swap is watched from another thread: `output/` must exist at every instant.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
from pathlib import Path

import build as build_script
import staging
from hostile import package_copy, previous_output
from support.paths import GOOD_FIXTURE, ROOT

LIMIT = 300_000


def _small_disk() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def test_a_full_disk_fails_the_build_and_keeps_the_previous_site(tmp_path: Path) -> None:
    output = previous_output(tmp_path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--data", str(GOOD_FIXTURE), "--output", str(output),
         "--quiet", "--force"],
        preexec_fn=_small_disk, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "La construction a échoué" in result.stderr and "vega.min.js" in result.stderr
    assert "inchangé" in result.stderr and "Site construit" not in result.stdout
    assert (output / "index.html").read_text("utf-8") == "<html>site en ligne</html>"
    assert sorted(p.name for p in output.parent.iterdir()) == ["output"]  # no staging folder left


def test_a_truncated_copy_or_page_is_found_in_the_staged_site(tmp_path: Path) -> None:
    source = tmp_path / "static"
    (source / "js").mkdir(parents=True)
    (source / "js" / "app.js").write_text("console.log('ok');\n" * 100, "utf-8")
    (source / "site.css").write_text("body { color: black; }\n", "utf-8")
    staged = tmp_path / "staged"
    (staged / "theme" / "js").mkdir(parents=True)
    (staged / "theme" / "js" / "app.js").write_text("console.log('ok');\n" * 10, "utf-8")  # cut
    (staged / "index.html").write_text("<html><body>début", "utf-8")  # cut
    (staged / "a-propos").mkdir()
    (staged / "a-propos" / "index.html").write_text("<html><body>complet</body></html>\n", "utf-8")

    problems = staging.verify_staged(staged, [(source, staged / "theme")])

    assert problems == [
        "theme/js/app.js : copie incomplète de " + str(source / "js" / "app.js"),
        "theme/site.css : copie incomplète de " + str(source / "site.css"),
        "index.html : page vide ou tronquée (pas de </html> final)",
    ]


def test_output_never_disappears_during_the_swap(tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("0", "utf-8")
    missing: list[int] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not (output / "index.html").exists():
                missing.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    for number in range(1, 200):
        built = tmp_path / f"output.tmp-{number}"
        built.mkdir()
        (built / "index.html").write_text(str(number), "utf-8")
        staging.swap_in(built, output)
    done.set()
    watcher.join()

    assert missing == []
    assert (output / "index.html").read_text("utf-8") == "199"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_folders_of_killed_builds_are_removed_by_the_next_one(tmp_path: Path) -> None:
    killed = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    killed.kill()
    killed.wait()
    output = previous_output(tmp_path)
    stale = [output.with_name(f"output.tmp-{killed.pid}"), output.with_name(f"output.old-{killed.pid}")]
    running = output.with_name(f"output.tmp-{os.getppid()}")  # a build that still runs keeps its folder
    for folder in [*stale, running]:
        folder.mkdir()
        (folder / "index.html").write_text("<html>à moitié", "utf-8")
    descriptor = package_copy(tmp_path)
    (descriptor.parent / "targets.csv").write_text("", "utf-8")  # even a refused build cleans up

    assert build_script.main(["--data", str(descriptor), "--output", str(output), "--quiet"]) == 1

    assert sorted(p.name for p in output.parent.iterdir()) == sorted(["output", running.name])
