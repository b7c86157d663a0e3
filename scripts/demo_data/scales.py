"""How big the generated package is: the committed demo, or a national-scale benchmark."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """Counts of sites for the site-level networks, and of the stories around them."""

    name: str
    france_travail: int  # agencies (plus 18 regional directions)
    tax_departements: int  # départements with a direction of public finances
    tax_offices: int  # services des impôts des particuliers
    police: int
    france_services: int
    courts: int
    experiences: int
    actions: int


SCALES = {
    "demo": Scale("demo", france_travail=110, tax_departements=14, tax_offices=50, police=70,
                  france_services=80, courts=35, experiences=320, actions=150),
    # About an eighth of national: a build that shows how time and memory grow with structures.
    "regional": Scale("regional", france_travail=200, tax_departements=13, tax_offices=375, police=500,
                      france_services=750, courts=38, experiences=1125, actions=500),
    "national": Scale("national", france_travail=1600, tax_departements=101, tax_offices=3000, police=4000,
                      france_services=6000, courts=300, experiences=9000, actions=4000),
}
