"""Open data downloads: per-page CSV/XLSX, the full Data Package and its zip, the static JSON API
and the data page. `DownloadsSection` is the only entry point the generator needs."""

from .section import DownloadsSection

__all__ = ["DownloadsSection"]
