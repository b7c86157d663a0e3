"""The local static server of the browser tests: the one the benchmarks use (scripts/localserver.py)."""

from localserver import serve

__all__ = ["serve"]
