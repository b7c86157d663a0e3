"""Specs as data: the canonical JSON form, templates and how a chart's data part joins its template.

Kept apart from specs.py so that the render workers never import Altair (a second of start-up each).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

Spec = dict[str, Any]
DATA_KEYS = ("datasets", "params", "description", "usermeta")  # what differs between charts of one shape


def canonical_json(value: Any) -> str:
    """Sorted keys, compact, UTF-8: the form that is hashed, rendered and published."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


@dataclass(frozen=True)
class Template:
    """A chart shape's Vega-Lite spec without per-chart data; `id` is the sha256 of its canonical JSON."""

    id: str
    spec: Spec
    json: str


def merge_spec(template: Spec, data: Spec) -> Spec:
    """A full spec: the template plus one chart's data part (shares nested objects: do not mutate)."""
    return {**template, **data, "datasets": {**template.get("datasets", {}), **data.get("datasets", {})}}
