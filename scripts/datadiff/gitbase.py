"""The base version of the package, read from git (the pull request's base branch)."""

from __future__ import annotations

import json
import posixpath
import subprocess
from pathlib import Path

from .tables import DiffError, resource_file, resources_by_name


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)


def extract_base(ref: str, head_descriptor: Path, destination: Path) -> Path:
    """Write the package as it is at git `ref` into `destination`; return its descriptor path.

    The package is looked up at the same place in the repository as `head_descriptor`. When `ref`
    has no package there (a first publication), the returned path does not exist. Files are written
    from git's blobs, so a symbolic link in the base becomes a small file holding its target's name.
    """
    cwd = head_descriptor.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise DiffError(f"pas un dépôt git ({top.stderr.decode(errors='replace').strip()})")
    root = Path(top.stdout.decode().strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode != 0:
        raise DiffError(f"référence git inconnue : {ref} (faut-il un « git fetch » ?)")
    try:
        relative = head_descriptor.resolve().relative_to(root).as_posix()
    except ValueError as error:
        raise DiffError(f"{head_descriptor} n'est pas dans le dépôt {root}") from error
    package_dir = posixpath.dirname(relative)
    target = destination / "datapackage.json"
    shown = _git(["show", f"{ref}:{relative}"], root)
    if shown.returncode != 0:
        return target  # no package at that ref: an empty base
    target.write_bytes(shown.stdout)
    try:
        descriptor = json.loads(shown.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return target  # reported when the descriptor is loaded
    for resource in resources_by_name(descriptor if isinstance(descriptor, dict) else None).values():
        try:
            local = resource_file(destination, resource)
        except ValueError:
            continue
        inside = posixpath.join(package_dir, local.relative_to(destination).as_posix())
        content = _git(["show", f"{ref}:{inside}"], root)
        if content.returncode == 0:
            local.parent.mkdir(parents=True, exist_ok=True)
            local.write_bytes(content.stdout)
    return target
