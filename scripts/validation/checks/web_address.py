"""Web addresses the site publishes as links: `https://` or `http://` only.

Frictionless's `uri` format accepts `javascript:alert(1)` and `data:text/html,…`; a network's website
is published as a link on its page, so such a value would run in a visitor's browser. The rule
applies to the columns declared `format: uri` and to URL templates (`*_url`, `*_url_template`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

import attrs
from frictionless import errors
from frictionless.table import Row
from results.i18n.formats import N_

from ..frame import Frame
from ..language import Message
from .base import DomainCheck, DomainError

WEB = re.compile(r"https?://[^\s\"'<>\\]+", re.ASCII | re.IGNORECASE)
URL_FIELDS = re.compile(r"(^|_)(url|url_template|website)$")


def is_web_address(text: str) -> bool:
    return bool(WEB.fullmatch(text))


class WebAddressError(DomainError):
    type = "unsafe-url"
    title = N_("Adresse web refusée")
    description = "Seules les adresses http:// et https:// sont publiées comme liens."


@attrs.define(kw_only=True, repr=False)
class web_address(DomainCheck):
    """Check every URL cell of the resource."""

    type = "unsafe-url"
    title = N_("Liens http(s) seulement")
    screens = True  # screen() below: the rule on each distinct address
    Errors: ClassVar[list[type[errors.Error]]] = [WebAddressError]

    def connect(self, resource):  # type: ignore[no-untyped-def]
        super().connect(resource)
        self._fields = [field.name for field in resource.schema.fields
                        if field.type == "string" and (field.format == "uri" or URL_FIELDS.search(field.name))]

    def validate_row(self, row: Row) -> Iterable[DomainError]:
        for name in self._fields:
            text = row.get(name)
            if isinstance(text, str) and text and not is_web_address(text):
                yield WebAddressError.for_cell(
                    row,
                    name,
                    note=Message("« {text} » n'est pas une adresse web publiable.", text=text[:60]),
                    expected=Message('une adresse qui commence par https:// (ou http://), sans espace'),
                    fix=Message("Indiquez l'adresse complète du site, par exemple https://www.exemple.fr/."),
                )

    def screen(self, frame: Frame) -> bool:
        return not any(
            isinstance(text, str) and text and not is_web_address(text)
            for name in self._fields
            if frame.has(name)
            for text in frame.values(name)
        )
