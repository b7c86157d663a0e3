"""Issue #14: the pull-request workflow builds unreviewed files, so it runs with nothing worth stealing.

tests/test_workflows.py checks pinning, permissions and triggers for every workflow; this file checks
what the threat model in CONTRIBUTING.md promises for the pull-request run and its artifact.
"""

from __future__ import annotations

import yaml
from support.paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pull-request.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def test_no_secret_no_token_and_read_only_everywhere() -> None:
    text = WORKFLOW.read_text("utf-8")
    for forbidden in ("secrets.", "github.token", "GITHUB_TOKEN", "pull_request_target", "workflow_run"):
        assert forbidden not in text, forbidden
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
        for value in (job.get("env") or {}).values():
            assert "${{" not in str(value)  # nothing injected from the event or the context


def test_checkout_keeps_no_credentials_and_the_artifact_is_the_validated_build() -> None:
    steps = _workflow()["jobs"]["check"]["steps"]
    checkouts = [step for step in steps if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts and all(step["with"]["persist-credentials"] is False for step in checkouts)
    runs = [str(step.get("run", "")) for step in steps]
    upload = next(i for i, step in enumerate(steps) if str(step.get("uses", "")).startswith("actions/upload-artifact@"))
    build = next(i for i, run in enumerate(runs) if "make site" in run)
    assert build < upload  # make site = validation + content guard + build, or no output
    assert steps[upload]["with"]["path"] == "output/"
    assert "if" not in steps[upload]  # only after every step before it succeeded
