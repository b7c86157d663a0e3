"""Internationalisation: gettext catalogs (French is the source language) and CLDR formatting."""


def N_(text: str) -> str:
    """Marks a French string for `make translations` where it is declared (a menu title, a footer
    link); it is translated where it is shown, by `_()` in the templates."""
    return text
