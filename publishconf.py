"""Production settings: absolute URLs, old output deleted. Used by `make publish` and the deploy workflow."""

from __future__ import annotations

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL") or "https://example.org/resultats"
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
