"""French number and date formats for Vega, identical in the static render and in the browser.

d3's stock fr-FR locale groups thousands with a no-break space; the site writes numbers with a narrow
no-break space (formatting.py), so the locale is spelled out here. theme/static/js/charts.js carries
the same two objects (a test checks they match).
"""

from __future__ import annotations

FORMAT_LOCALE = {
    "decimal": ",",
    "thousands": "\u202f",
    "grouping": [3],
    "currency": ["", "\u00a0€"],
    "percent": "\u202f%",
    "minus": "\u2212",
}

TIME_FORMAT_LOCALE = {
    "dateTime": "%A %e %B %Y à %X",
    "date": "%d/%m/%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
    "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
    "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre"],
    "shortMonths": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
                    "déc."],
}
