"""Production settings: absolute URLs, old output deleted. Used by `make publish` and the deploy workflow."""

from __future__ import annotations

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The public address is one setting, given by the environment (GitHub Actions: the SITE_URL variable).
# It is every absolute link of the site (QR codes, citations, badges, API, sitemap); the plugin refuses
# to build for publication without it or with an example address (RESULTS_PUBLICATION).
SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
if SITEURL.startswith(("https://", "http://")):
    RESULTS_PUBLIC_URL = SITEURL
RESULTS_PUBLICATION = True
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
