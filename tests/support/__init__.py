"""Helpers shared by every test folder: paths, site builds, the generated demo package, CSV and HTML
reading, a local HTTP server and Chromium.

Import them as `from support.site import build_site` (tests/ is on pytest's `pythonpath`). Fixtures
that use them live in tests/conftest.py. Helpers that deliberately re-compute one of the site's rules
without its code (a slug, a period's end) live in `support.recompute`, named as such.
"""
