"""Internationalisation: gettext catalogs (French is the source language) and CLDR formatting."""
