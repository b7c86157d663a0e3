"""Skip a build whose inputs have not changed since its output was built (a no-change rebuild).

The fingerprint covers everything a build reads: the data folder, the editorial content, the theme,
the plugin, the settings, the validator and build scripts, the lock file and the options. Any change
to one of them, or a missing output, means a real build.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE_INPUTS = ("content", "theme", "plugins", "scripts/build.py", "scripts/buildcache.py", "scripts/staging.py",
               "scripts/validation",
               "scripts/validate.py", "pelicanconf.py", "publishconf.py", "requirements.lock")
STAMPS = ROOT / ".cache" / "builds"
PAGE_MANIFESTS = ROOT / ".cache" / "pages"


def _files(path: Path) -> Iterable[Path]:
    if path.is_file():
        yield path
    elif path.is_dir():
        for file in sorted(path.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                yield file


def settings_inputs(settings_file: Path, content: Path | None = None) -> list[Path]:
    """The folders a settings file points to (theme, content, plugins), wherever they are."""
    from pelican.settings import read_settings

    settings = read_settings(str(settings_file))
    return [Path(settings["THEME"]), content or Path(settings["PATH"]),
            *(Path(path) for path in settings.get("PLUGIN_PATHS") or ())]


def input_fingerprint(data: Path, settings_file: Path, options: dict[str, object],
                      extra: list[Path] | None = None) -> str:
    """sha256 over the inputs' relative names and bytes, the options and the environment that matters."""
    digest = hashlib.sha256()
    roots = [data.parent, settings_file, *(ROOT / name for name in CODE_INPUTS), *(extra or ())]
    for root in roots:
        for file in _files(root):
            digest.update(str(file.resolve()).encode() + b"\0")
            with file.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    environment = {name: os.environ.get(name, "") for name in ("SITEURL",)}
    digest.update(json.dumps({"options": options, "env": environment}, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def _stamp(output: Path) -> Path:
    return STAMPS / (hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16] + ".json")


def is_up_to_date(output: Path, fingerprint: str) -> bool:
    stamp = _stamp(output)
    if not (output / "index.html").exists() or not stamp.exists():
        return False
    return json.loads(stamp.read_text("utf-8")).get("fingerprint") == fingerprint


def record(output: Path, fingerprint: str) -> None:
    stamp = _stamp(output)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps({"output": str(output.resolve()), "fingerprint": fingerprint}), "utf-8")


def page_manifest(output: Path) -> Path:
    """The fingerprints of the pages of the site in `output` (read by the plugin, never published)."""
    return PAGE_MANIFESTS / (hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16] + ".json")
