"""The English versions of the demo's own words, written by hand, for `translations.csv`.

The tables stay French (the programme's source language); an English text is one row of
translations.csv (`table,id,field,lang,text`, convention in plugins/results/core/translations.py).
Every translatable field (`TRANSLATABLE`) of every commitment, network and indicator of
demo_data.catalog has its English here, keyed by id: `translation_rows` refuses a catalog entry
without one, so the demo never ships a missing translation. Structure names are proper names
(« CAF du Rhône », `PROPER_NAMES`) and are not translated.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from results.core.translations import PROPER_NAMES, TRANSLATABLE

from demo_data.catalog import COMMITMENTS, INDICATORS, NETWORKS

LANG = "en"

COMMITMENTS_EN: dict[str, dict[str, str]] = {
    "accueil-attentif": {
        "title": "A courteous and attentive welcome",
        "description": "We treat you with respect and kindness, adapt our welcome to your situation and tell "
                       "you clearly who is answering you.",
    },
    "service-joignable": {
        "title": "A service that is easy to reach",
        "description": "You can reach us by phone, online or at the counter, at convenient hours, and we call "
                       "you back when we have said we would.",
    },
    "accompagnement-adapte": {
        "title": "Support for everyone",
        "description": "If digital services are hard for you or your situation is complex, we help you with "
                       "your formalities, in person or by phone.",
    },
    "delais-annonces": {
        "title": "Deadlines announced and kept",
        "description": "We tell you from the start how long your request will take and we keep to it; if it "
                       "is late, we let you know.",
    },
    "reponses-claires": {
        "title": "Clear and complete answers",
        "description": "We answer you in plain language, explaining the decision taken and how you can "
                       "appeal against it.",
    },
    "bonne-orientation": {
        "title": "The right answer the first time",
        "description": "We deal with your request without sending you from one office to another; if it is "
                       "not ours to handle, we direct you to the right contact.",
    },
    "demarches-simples": {
        "title": "Simple formalities, online as at the counter",
        "description": "We simplify our forms and online services, and we never ask you for information the "
                       "administration already holds.",
    },
    "ecoute-amelioration": {
        "title": "Your opinion to help us improve",
        "description": "We measure your satisfaction, publish our results and take your feedback into "
                       "account to improve our services.",
    },
}

NETWORKS_EN: dict[str, dict[str, str]] = {
    "caf": {
        "name": "Family allowance funds",
        "short_name": "CAF",
        "description": "The family allowance funds (CAF) pay family benefits, housing benefits, the active "
                       "solidarity income (RSA) and the in-work bonus. Each fund publishes its results for its "
                       "département.",
    },
    "assurance-maladie": {
        "name": "Health Insurance",
        "short_name": "Health Insurance",
        "description": "The local health insurance funds (CPAM) and, overseas, the general social security "
                       "funds reimburse medical care, pay daily sickness allowances and grant the solidarity "
                       "supplementary health cover. Results are published by département fund.",
    },
    "urssaf": {
        "name": "Urssaf",
        "short_name": "Urssaf",
        "description": "The Urssaf collect the social contributions of companies, the self-employed and "
                       "private employers, and support people starting a business. Results are published by "
                       "région.",
    },
    "assurance-retraite": {
        "name": "Pension Insurance",
        "short_name": "Pension Insurance",
        "description": "The pension and occupational health insurance funds (Carsat) and the Île-de-France "
                       "Pension Insurance calculate and pay the basic pension of private-sector employees. "
                       "Results are published by région.",
    },
    "france-travail": {
        "name": "France Travail",
        "short_name": "France Travail",
        "description": "France Travail, the public employment service, registers and supports jobseekers, pays "
                       "their benefits and helps companies recruit. Each agency publishes its results; the "
                       "regional directorates run the agencies of their région.",
    },
    "finances-publiques": {
        "name": "Directorate General of Public Finances",
        "short_name": "DGFiP",
        "description": "The individual tax offices (SIP) of the Directorate General of Public Finances answer "
                       "questions on income tax, tax withheld at source and local taxes. Each office publishes "
                       "its results; the département directorates coordinate them.",
    },
    "police-nationale": {
        "name": "National Police",
        "short_name": "National Police",
        "description": "Police stations welcome the public day and night, record complaints and support "
                       "victims. Results are published by police station.",
    },
    "france-services": {
        "name": "France Services",
        "short_name": "France Services",
        "description": "France Services centres bring a dozen public bodies together in one place and help "
                       "everyone with their everyday administrative formalities, less than thirty minutes from "
                       "home.",
    },
    "prefectures": {
        "name": "Prefectures",
        "short_name": "Prefectures",
        "description": "Prefectures issue residence permits, examine naturalisation applications and receive "
                       "the public for the formalities that fall to the State in the département.",
    },
    "titres-securises": {
        "name": "National Agency for Secure Documents",
        "short_name": "ANTS",
        "description": "The National Agency for Secure Documents examines and has produced identity cards, "
                       "passports, driving licences and vehicle registration certificates; it publishes "
                       "national results.",
    },
    "justice": {
        "name": "Courts of justice",
        "short_name": "Justice",
        "description": "The single reception desk for court users (SAUJ) of each court of justice informs "
                       "users about their proceedings and helps them with their formalities, whatever the "
                       "court concerned.",
    },
}

SURVEY_NOTE = "95% confidence interval by the Wilson method; no result published below 10 answers."
NET_NOTE = (
    "Net satisfaction: share of very satisfied or satisfied users (scores 9 and 10 out of 10) minus share of "
    "dissatisfied users (scores 0 to 6), from -100 to +100."
)
NORMAL_NOTE = "95% confidence interval (normal distribution)."


def _indicator(label: str, methods: str) -> dict[str, str]:
    return {"label": label, "methods": methods}


INDICATORS_EN: dict[str, dict[str, str]] = {
    "satisfaction": _indicator(
        "Satisfied users",
        "Share of users who answered “satisfied” or “very satisfied” to the question “Overall, are you "
        "satisfied with the service you received?”, asked by email or text message in the days after a contact "
        "(counter, phone, email). Continuous survey, results pooled over the quarter. " + SURVEY_NOTE),
    "taux-decroche": _indicator(
        "Phone calls answered",
        "Number of calls handled by an adviser or an interactive voice server, divided by the number of calls "
        "received during opening hours, excluding calls abandoned within 10 seconds. Monthly calculation from "
        "the phone platform's statistics."),
    "caf-satisfaction-nette": _indicator(
        "Net satisfaction of claimants",
        "Question “Would you recommend the CAF to someone close to you?” scored from 0 to 10. " + NET_NOTE
        + " Quarterly survey of a sample of claimants who contacted the fund."),
    "caf-rsa-10-jours": _indicator(
        "RSA applications processed within 10 days",
        "Share of complete applications for the active solidarity income (RSA) whose decision was notified "
        "less than 10 days after they were received. Source: the CAF information system (extract on the last "
        "day of the quarter)."),
    "caf-delai-traitement": _indicator(
        "Average time to process files",
        "Average number of calendar days between the receipt of a document (form, proof, declaration) and its "
        "processing, all benefits together. Calculated each month on the documents processed in the month."),
    "cpam-feuilles-soins-delai": _indicator(
        "Time to reimburse paper claim forms",
        "Average number of days between the fund's receipt of a paper claim form and the transfer of the "
        "reimbursement to the insured person's account. Electronic claim forms, reimbursed within a few days, "
        "are not counted."),
    "cpam-ij-30-jours": _indicator(
        "First daily sickness allowances paid within 30 days",
        "Share of first payments of daily sickness allowances (excluding those advanced by the employer) made "
        "less than 30 days after receipt of the sick note and the salary certificate."),
    "cpam-css-30-jours": _indicator(
        "Solidarity health cover applications processed within 30 days",
        "Share of applications for the solidarity supplementary health cover (with or without a financial "
        "contribution) decided less than 30 days after a complete file was submitted."),
    "cpam-note-compte-ameli": _indicator(
        "Score given to the ameli account",
        "Average score out of 10 given by the fund's insured people who answered the questionnaire offered when "
        "they log out of their ameli account. " + NORMAL_NOTE),
    "urssaf-satisfaction-nette": _indicator(
        "Net satisfaction of contributors",
        "Question “Would you recommend the Urssaf to another contributor?” scored from 0 to 10. " + NET_NOTE),
    "urssaf-demarches-8-sur-10": _indicator(
        "Online formalities scored 8/10 or more",
        "Share of contributors who gave a score of 8, 9 or 10 out of 10 to the online formality they had just "
        "completed on urssaf.fr (declaration, payment, certificate). " + SURVEY_NOTE),
    "urssaf-courriels-48h": _indicator(
        "Messages answered within 48 hours",
        "Share of messages received through the online account's secure messaging that were answered within "
        "48 working hours. Source: the contact management tool."),
    "urssaf-delai-immatriculation": _indicator(
        "Time to register new business owners",
        "Average number of days between the declaration of the start of activity on the single business "
        "portal and the allocation of the contributor number."),
    "retraite-paiement-sans-rupture": _indicator(
        "Pensions paid with no gap in income",
        "Share of new pensioners whose first pension was paid in the month after their work or unemployment "
        "benefit ended, when the application was made at least four months before the retirement date."),
    "retraite-delai-attribution": _indicator(
        "Average time to grant a pension",
        "Average number of days between the receipt of a complete pension application and the notification "
        "of the decision to grant it."),
    "retraite-note-services-en-ligne": _indicator(
        "Score given to the online services",
        "Average score out of 10 given by insured people to the online formality they have just completed "
        "(pension application, certificate, change of contact details). 95% confidence interval."),
    "retraite-satisfaction-nouveaux-retraites": _indicator(
        "New pensioners satisfied with their move into retirement",
        "Share of people who retired during the year who say they are satisfied with their whole journey "
        "(information, application, first payment). Annual survey by online and paper questionnaire. "
        + SURVEY_NOTE),
    "ft-satisfaction-accompagnement": _indicator(
        "Jobseekers satisfied with their support",
        "Share of jobseekers who say they are satisfied with the follow-up and support of their adviser. "
        "Quarterly email survey of jobseekers registered for at least three months. " + SURVEY_NOTE),
    "ft-satisfaction-entreprises": _indicator(
        "Companies satisfied with the handling of their job offers",
        "Share of employers satisfied with the help the agency gave for their latest recruitment. Quarterly "
        "survey of companies that posted a job offer. " + SURVEY_NOTE),
    "ft-entretien-15-jours": _indicator(
        "First interview within 15 days of registration",
        "Share of newly registered jobseekers who had their first interview with an adviser within 15 "
        "calendar days of registering."),
    "ft-attente-accueil": _indicator(
        "Waiting time at reception",
        "Average time between taking a ticket at the reception kiosk and being seen by an adviser, for visits "
        "without an appointment. Source: the queue management system."),
    "ft-reclamations-15-jours": _indicator(
        "Complaints answered within 15 days",
        "Share of written complaints answered within 15 calendar days of receipt, all channels together "
        "(personal account, letter, regional mediator)."),
    "sip-attente-guichet": _indicator(
        "Waiting time at the counter",
        "Average waiting time of users seen without an appointment, measured by the queue management system, "
        "calculated each month. The income tax return season (April to June) lengthens the wait."),
    "sip-messagerie-7-jours": _indicator(
        "Online messages answered within 7 days",
        "Share of messages left in the secure messaging of the personal space on impots.gouv.fr that were "
        "answered within 7 calendar days."),
    "sip-reclamations-30-jours": _indicator(
        "Complaints handled within 30 days",
        "Share of complaints about income tax and local taxes handled within 30 days of receipt. Source: the "
        "litigation tracking application."),
    "sip-note-rendez-vous": _indicator(
        "Score given to appointments",
        "Average score out of 10 given by users after an appointment booked on impots.gouv.fr, at the counter "
        "or by phone. " + NORMAL_NOTE),
    "police-attente-plainte": _indicator(
        "Waiting time to file a complaint",
        "Average time between the victim's arrival at the police station's reception and the start of the "
        "complaint interview, for complaints filed without an appointment. Monthly reading of the reception "
        "register."),
    "police-rdv-plainte-7-jours": _indicator(
        "Online pre-complaints followed by an appointment within 7 days",
        "Share of pre-complaints filed on the official website for which the victim was received at the police "
        "station within 7 days to sign the complaint."),
    "police-victimes-informees": _indicator(
        "Victims informed of what happened to their complaint",
        "Share of victims who filed a complaint in the quarter who were contacted again (call, text message or "
        "letter) to be told what action was taken on their complaint."),
    "fs-resolution-premier-passage": _indicator(
        "Requests resolved on the first visit",
        "Share of users' requests settled on their first visit, with no new appointment or referral, according "
        "to the activity register kept by the advisers. Monthly calculation."),
    "fs-note-accompagnement": _indicator(
        "Score given to the support",
        "Average score out of 10 given by users, on leaving or by text message, to the help received from the "
        "France Services adviser. " + NORMAL_NOTE),
    "fs-attente": _indicator(
        "Waiting time before being seen",
        "Average time between the user's arrival and being seen by an adviser, recorded over two sample weeks "
        "each quarter."),
    "fs-satisfaction-nette": _indicator(
        "Net satisfaction of users",
        "Question “Would you recommend this France Services centre to someone close to you?” scored from 0 to "
        "10. " + NET_NOTE),
    "pref-delai-titre-sejour": _indicator(
        "Average time to issue a residence permit",
        "Average number of days between the submission of a complete application on the digital administration "
        "for foreigners in France (ANEF) and the permit being made available. Renewals and first applications "
        "together."),
    "pref-rdv-30-jours": _indicator(
        "Appointments obtained within 30 days",
        "Share of online appointment requests (permits, naturalisation, driving licences) for which a slot was "
        "offered within 30 days."),
    "pref-satisfaction-nette": _indicator(
        "Net satisfaction of users",
        "Question “Would you recommend the reception at this prefecture?” scored from 0 to 10. " + NET_NOTE),
    "ants-delai-titres": _indicator(
        "Time to produce an identity card or a passport",
        "Average number of days between the town hall's validation of the application and the document being "
        "made available at the town hall. Monthly calculation on all documents produced."),
    "ants-note-pre-demande": _indicator(
        "Score given to the online pre-application",
        "Average score out of 10 given at the end of the online pre-application for an identity card, a "
        "passport or a driving licence. " + NORMAL_NOTE),
    "ants-reponse-5-jours": _indicator(
        "Written requests answered within 5 days",
        "Share of assistance requests filed online that were answered within 5 working days."),
    "justice-attente": _indicator(
        "Waiting time at the court's reception",
        "Average time between arrival at the single reception desk for court users and being seen by an "
        "officer, recorded over two sample weeks each quarter."),
    "justice-reponse-15-jours": _indicator(
        "Written requests answered within 15 days",
        "Share of information requests received by letter or email that were answered within 15 calendar "
        "days."),
}

ENGLISH: dict[str, tuple[Sequence[Any], Mapping[str, Mapping[str, str]]]] = {
    "networks": (NETWORKS, NETWORKS_EN),
    "indicators": (INDICATORS, INDICATORS_EN),
    "commitments": (COMMITMENTS, COMMITMENTS_EN),
}


def translation_rows() -> Iterator[dict[str, str]]:
    """translations.csv's rows: every translatable, non-empty French text of the catalog, in English.

    Tables in TRANSLATABLE's order, records in catalog order, fields in TRANSLATABLE's order: the file
    is stable and reads like the tables it translates. A catalog entry (or field) without its English,
    or English for an id the catalog does not have, stops the generator: the demo ships complete.
    """
    for table, all_fields in TRANSLATABLE.items():
        fields = [field for field in all_fields if (table, field) not in PROPER_NAMES]
        if not fields:
            continue
        records, english = ENGLISH[table]
        ids = [str(record.id) for record in records]
        unknown = sorted(set(english) - set(ids))
        if unknown:
            raise ValueError(f"{table} : anglais donné pour des identifiants absents du catalogue : "
                             f"{', '.join(unknown)}")
        for record, record_id in zip(records, ids, strict=True):
            for field in fields:
                if not getattr(record, field):
                    continue
                text = english.get(record_id, {}).get(field, "")
                if not text:
                    raise ValueError(f"{table} {record_id} {field} : texte anglais manquant (demo_data/english.py)")
                yield {"table": table, "id": record_id, "field": field, "lang": LANG, "text": text}
