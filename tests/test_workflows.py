"""The GitHub Actions workflows: linted, pinned, least privilege, and built on our make targets.

A workflow mistake is only seen on GitHub, after a push: these tests catch it locally. The linter
is jactionlint (a maintained fork of actionlint, installed from requirements.lock as a PyPI wheel
that bundles its binary); the other rules are ours and read the YAML directly.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
SHA_PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^v?\d+(\.\d+)*$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*?))?\s*$")
# The only write scopes a job may hold, and the action that needs each.
WRITE_SCOPES = {"pages": "actions/deploy-pages", "id-token": "actions/deploy-pages"}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def jobs(path: Path) -> dict[str, dict]:
    return load(path).get("jobs") or {}


def all_uses(workflow: dict) -> list[str]:
    """Every `uses:` of a workflow: steps' actions and jobs' reusable workflows."""
    found = []
    for job in (workflow.get("jobs") or {}).values():
        if "uses" in job:
            found.append(job["uses"])
        found += [step["uses"] for step in job.get("steps") or [] if "uses" in step]
    return found


def find_linter() -> str:
    """The jactionlint installed beside this Python (the venv), else the one on PATH."""
    beside = Path(sys.executable).parent / "jactionlint"
    if beside.exists():
        return str(beside)
    on_path = shutil.which("jactionlint")
    if on_path is None:
        pytest.fail("jactionlint is not installed: run `make test`, which installs requirements.lock")
    return on_path


def test_the_workflows_exist() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"pull-request.yml", "deploy.yml"} <= names


def test_workflow_lint_passes() -> None:
    """jactionlint's default profile: syntax, expressions, action inputs, injection, permissions."""
    files = [*WORKFLOWS, *([DEPENDABOT] if DEPENDABOT.exists() else [])]
    run = subprocess.run(
        [find_linter(), "--no-color", *map(str, files)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_sha_with_its_version(path: Path) -> None:
    """A tag can be moved to other code; a full commit SHA cannot. The comment says which release."""
    lines = [match for line in path.read_text("utf-8").splitlines() if (match := USES_LINE.match(line))]
    # Every `uses:` the YAML holds is on a line of its own, where its comment can be read.
    assert sorted(match["ref"] for match in lines) == sorted(all_uses(load(path)))
    for match in lines:
        ref, comment = match["ref"], match["comment"]
        if ref.startswith("./"):
            continue  # an action of this repository, pinned by the checkout itself
        assert SHA_PINNED.match(ref), f"{path.name}: {ref} is not pinned to a 40-hex commit SHA"
        assert comment and VERSION_COMMENT.match(comment), (
            f"{path.name}: {ref} needs its release as a comment, e.g. `# v4.2.2`"
        )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_workflow_and_job_declares_least_privilege_permissions(path: Path) -> None:
    workflow = load(path)
    assert "permissions" in workflow, f"{path.name}: no top-level permissions"
    assert workflow["permissions"] == {"contents": "read"}, f"{path.name}: the workflow grants more than read"
    for name, job in jobs(path).items():
        assert "permissions" in job, f"{path.name}: job {name} declares no permissions"
        granted = job["permissions"]
        assert isinstance(granted, dict), f"{path.name}: job {name} must list its scopes, not {granted!r}"
        actions = {uses.split("@")[0] for uses in all_uses({"jobs": {name: job}})}
        for scope, level in granted.items():
            if level == "read":
                continue
            assert scope in WRITE_SCOPES, f"{path.name}: job {name} may not get {scope}: {level}"
            assert WRITE_SCOPES[scope] in actions, f"{path.name}: job {name} gets {scope} but does not deploy"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_secret_and_no_privileged_trigger(path: Path) -> None:
    """The workflows need no secret, and never run pull-request code with a write token."""
    text = path.read_text("utf-8")
    assert "secrets." not in text, f"{path.name} uses a secret"
    events = load(path).get(True) or load(path).get("on") or {}  # YAML 1.1 reads `on:` as True
    assert "pull_request_target" not in events and "workflow_run" not in events


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_run_steps_call_make_targets_that_exist(path: Path) -> None:
    """The workflows do what a maintainer does locally: every `make X` names a target of the Makefile."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w-]*):", makefile, flags=re.MULTILINE))
    for job in jobs(path).values():
        for step in job.get("steps") or []:
            for target in re.findall(r"\bmake\s+(?:-{1,2}[\w-]+\s+)*([A-Za-z][\w-]*)", step.get("run", "")):
                assert target in targets, f"{path.name}: `make {target}` is not a Makefile target"


@pytest.mark.parametrize("name", ["deploy.yml", "pull-request.yml"])
def test_the_site_size_is_checked_before_any_upload(name: str) -> None:
    """An oversized site is refused in the build job, before the host ever sees it (issue #15)."""
    steps = [step for job in jobs(ROOT / ".github" / "workflows" / name).values() for step in job.get("steps") or []]
    runs = [step.get("run", "") + step.get("uses", "") for step in steps]
    check = next(i for i, text in enumerate(runs) if "make check-size" in text)
    upload = next(i for i, text in enumerate(runs) if "upload-" in text)
    assert check < upload


def test_the_deployment_keeps_its_chart_cache_keyed_on_drawing_code_and_libraries() -> None:
    steps = jobs(ROOT / ".github" / "workflows" / "deploy.yml")["build"]["steps"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/charts"
    for part in ("requirements.lock", "plugins/results/charts/**"):
        assert part in cache["with"]["key"] and part in cache["with"]["restore-keys"]
    build = next(i for i, step in enumerate(steps) if "make publish" in step.get("run", ""))
    assert steps.index(cache) < build


def test_a_pull_request_build_needs_no_repository_variable() -> None:
    """GitHub passes no repository variable to a pull request from a fork: the review build must not
    depend on one (the publication address is the deployment's business)."""
    text = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    assert "vars." not in text and "secrets." not in text
    steps = [step for job in jobs(ROOT / ".github" / "workflows" / "pull-request.yml").values()
             for step in job.get("steps") or []]
    assert any("make site" in step.get("run", "") for step in steps)
