"""Labels, user testimonies and improvement actions: the human side of the results.

Testimonies are composed from French sentence parts per theme (welcome, waiting, deadlines, phone,
online, letters) so that an action can answer the testimony that prompted it and the indicator that
measures the same thing. Dates respect the story: an answer follows its testimony, an action follows
what motivated it, a label is valid three years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from results.core.french import contract

from demo_data.catalog import NETWORKS, Indicator, network_indicators
from demo_data.periods import AS_OF
from demo_data.structures import Structure

CERTIFYING_BODIES = ("AFNOR Certification", "Bureau Veritas Certification", "SGS ICS", "Apave Certification")
LEVELS = ("bronze", "argent", "or")
THEMES = ("accueil", "attente", "delai", "telephone", "en_ligne", "courrier")
TOPICS = {
    "caf": ("ma demande de prime d'activité", "mon dossier d'aide au logement", "ma demande de RSA",
            "ma déclaration trimestrielle de ressources", "le changement de situation après la naissance de mon fils"),
    "assurance-maladie": ("le remboursement de mes soins", "mon arrêt de travail",
                          "ma demande de complémentaire santé solidaire", "ma nouvelle carte Vitale",
                          "mon congé maternité"),
    "urssaf": ("mon immatriculation de micro-entrepreneur", "un échéancier de paiement",
               "ma déclaration de chiffre d'affaires", "l'attestation de vigilance demandée par un client"),
    "assurance-retraite": ("ma demande de retraite", "mon relevé de carrière", "ma pension de réversion",
                           "le rachat de trimestres d'études"),
    "france-travail": ("mon inscription", "mon allocation chômage", "une formation de cariste",
                       "le dépôt d'une offre d'emploi pour mon entreprise"),
    "finances-publiques": ("ma déclaration de revenus", "mon taux de prélèvement à la source",
                           "la taxe foncière de mes parents", "un avis d'imposition que je ne comprenais pas"),
    "police-nationale": ("une plainte pour cambriolage", "une plainte pour le vol de mon vélo",
                         "une main courante", "la plainte de ma mère après une escroquerie en ligne"),
    "france-services": ("ma demande de carte grise", "ma déclaration d'impôts en ligne", "mon dossier de retraite",
                        "ma demande d'aide au logement", "la création de mon compte ameli"),
    "prefectures": ("le renouvellement de mon titre de séjour", "ma demande de naturalisation",
                    "l'échange de mon permis de conduire étranger", "mon récépissé de demande de titre"),
    "titres-securises": ("ma carte d'identité", "le passeport de ma fille", "mon permis de conduire",
                         "la carte grise de ma voiture"),
    "justice": ("une procédure devant le juge aux affaires familiales", "une question de succession",
                "une demande d'aide juridictionnelle", "le suivi de mon dossier de surendettement"),
}
# "{of_topic}" is "de" + the topic, contracted ("du renouvellement", "de la plainte", "d'une formation").
OPENINGS = ("Je vous écris au sujet {of_topic}.", "J'ai contacté le service pour {topic}.",
            "Ma démarche concernait {topic}.", "Petit retour d'expérience sur {topic}.")
VISIT_OPENINGS = ("Je suis venu au guichet pour {topic}.", "Je me suis présenté à l'accueil pour {topic}.")
DETAILS = {
    ("accueil", True): ("L'agent qui m'a reçu a pris le temps de tout m'expliquer, sans jamais me presser.",
                        "La conseillère a été patiente, souriante et d'une grande clarté."),
    ("accueil", False): ("On m'a renvoyé d'un guichet à l'autre, sans m'expliquer pourquoi.",
                         "L'agent m'a répondu \"ce n'est pas ici\" sans même lever les yeux de son écran."),
    ("attente", True): ("J'ai été reçu en moins de dix minutes, alors que je m'attendais à patienter toute la matinée.",
                        "Avec le rendez-vous pris en ligne, je suis passé à l'heure exacte."),
    ("attente", False): ("J'ai attendu plus d'une heure et demie debout, sans aucune information sur l'attente.",
                         "Il y avait trente personnes devant moi et un seul guichet ouvert, à 9 heures."),
    ("delai", True): ("Mon dossier a été traité en une semaine, bien plus vite que ce qu'on m'avait annoncé.",
                      "J'ai reçu la décision dans le délai promis, avec un SMS à chaque étape."),
    ("delai", False): ("Cela fait trois mois que j'attends une réponse, et personne ne sait où en est mon dossier.",
                       "On m'avait promis quinze jours ; deux mois plus tard, toujours rien."),
    ("telephone", True): ("J'ai eu quelqu'un au téléphone dès le premier appel, et il connaissait bien mon dossier.",
                          "On m'a rappelé le lendemain matin, comme promis."),
    ("telephone", False): ("J'ai appelé une dizaine de fois, à des horaires différents, sans jamais avoir personne.",
                           "Après 40 minutes d'attente, la ligne a coupé. Trois jours de suite."),
    ("en_ligne", True): ("La démarche en ligne est simple, j'ai tout fait depuis mon téléphone en un quart d'heure.",
                         "Le formulaire en ligne est clair, et l'aide en bas de page répond vraiment aux questions."),
    ("en_ligne", False): ("Le site m'a demandé trois fois les mêmes justificatifs, puis « erreur technique » à la fin.",
                          "Impossible de téléverser mon justificatif : format refusé, sans dire lequel est accepté."),
    ("courrier", True): ("La lettre reçue expliquait clairement la décision et ce que je pouvais faire ensuite.",
                         "La réponse écrite était courte, précise et sans jargon."),
    ("courrier", False): ("Le courrier reçu était incompréhensible, plein de sigles et de références à des lois.",
                          "J'ai reçu deux courriers contradictoires la même semaine."),
}
CLOSINGS = {
    True: ("Merci encore à toute l'équipe !", "Je recommande, c'est ce qu'on attend d'un service public.",
           "Bravo, et bonne continuation."),
    False: ("J'espère que ce message fera bouger les choses.", "C'est épuisant, surtout quand on travaille.",
            "Je ne sais plus vers qui me tourner."),
}
TITLES = {
    ("accueil", True): ("Accueil chaleureux et efficace", "Une conseillère très à l'écoute"),
    ("accueil", False): ("Renvoyé d'un guichet à l'autre", "Accueil froid et expéditif"),
    ("attente", True): ("Reçu rapidement", "Rendez-vous respecté à la minute"),
    ("attente", False): ("Beaucoup trop d'attente", "Une matinée perdue au guichet"),
    ("delai", True): ("Dossier traité rapidement", "Délai tenu, merci"),
    ("delai", False): ("Dossier bloqué depuis des mois", "Toujours pas de réponse"),
    ("telephone", True): ("Enfin quelqu'un au téléphone", "Rappelé comme promis"),
    ("telephone", False): ("Impossible de joindre le service", "Personne ne décroche"),
    ("en_ligne", True): ("Démarche en ligne simple", "Formulaire clair et rapide"),
    ("en_ligne", False): ("Site compliqué", "Bloqué à la dernière étape en ligne"),
    ("courrier", True): ("Une réponse claire", "Courrier limpide"),
    ("courrier", False): ("Courrier incompréhensible", "Réponses contradictoires"),
}
REPLIES = {
    "accueil": "Nous avons rappelé à nos équipes l'importance d'orienter chaque usager dès le premier contact.",
    "attente": "Nous renforçons l'accueil aux heures d'affluence ; la prise de rendez-vous en ligne évite l'attente.",
    "delai": "Votre dossier a été examiné en priorité et une réponse vous a été adressée.",
    "telephone": "Nous avons revu l'organisation de notre accueil téléphonique pour mieux absorber les pics d'appels.",
    "en_ligne": "Nous avons signalé cette difficulté aux équipes du site ; un conseiller peut vous aider à finaliser.",
    "courrier": "Nous relisons nos modèles de courrier pour les rendre plus clairs, et un agent va vous rappeler.",
}
ACTIONS = {
    "accueil": (("Formation de l'équipe d'accueil à l'écoute active",
                 "Tous les agents d'accueil ont suivi une journée de formation à l'écoute et à l'orientation."),
                ("Un agent d'orientation dès l'entrée",
                 "Un agent accueille désormais chaque visiteur à l'entrée pour l'orienter vers le bon interlocuteur.")),
    "attente": (("Accueil sur rendez-vous le jeudi après-midi",
                 "Le jeudi après-midi est réservé aux rendez-vous pris en ligne ou par téléphone, sans attente."),
                ("Affichage du temps d'attente à l'entrée",
                 "Un écran indique en temps réel le temps d'attente estimé et le nombre de personnes avant vous.")),
    "delai": (("Traitement prioritaire des dossiers de plus de 30 jours",
               "Une cellule dédiée traite chaque semaine les dossiers en attente depuis plus de 30 jours."),
              ("Un SMS à chaque étape de votre dossier",
               "Vous recevez un SMS à la réception de votre dossier, puis à chaque étape jusqu'à la décision.")),
    "telephone": (("Rappel sous 48 heures des appels non aboutis",
                   "Si vous n'avez pas pu nous joindre, laissez votre numéro : nous vous rappelons sous 48 heures."),
                  ("Plus de conseillers au téléphone le lundi matin",
                   "Les plannings ont été revus pour doubler le nombre de conseillers au téléphone le lundi matin.")),
    "en_ligne": (("Atelier numérique gratuit chaque mardi",
                  "Un atelier gratuit aide chaque mardi à créer son espace personnel et à faire ses démarches."),
                 ("Formulaire en ligne simplifié",
                  "Le formulaire a été raccourci et les justificatifs acceptés sont listés avant de commencer.")),
    "courrier": (("Courriers réécrits en langage clair",
                  "Nos principaux modèles de courrier ont été réécrits avec des usagers pour supprimer le jargon."),
                 ("Réponse écrite sous 15 jours pour toute réclamation",
                  "Chaque réclamation reçoit désormais une réponse écrite et motivée sous 15 jours.")),
}

HEARD = {
    "accueil": "vous ne saviez pas toujours à qui vous adresser en arrivant",
    "attente": "l'attente au guichet était trop longue",
    "delai": "vos dossiers mettaient trop de temps à être traités",
    "telephone": "vous aviez du mal à nous joindre par téléphone",
    "en_ligne": "la démarche en ligne était difficile à terminer",
    "courrier": "nos courriers étaient difficiles à comprendre",
}


@dataclass(frozen=True)
class Experience:
    id: str
    structure: Structure
    published_on: dt.date
    title: str
    text: str
    answer: str
    answered_on: dt.date | None
    theme: str
    positive: bool


def theme_of(indicator: Indicator) -> str:
    """Which kind of testimony an indicator echoes, so actions link the two consistently."""
    if indicator.id == "taux-decroche":
        return "telephone"
    if indicator.unit == "minutes":
        return "attente"
    by_commitment = {"delais-annonces": "delai", "demarches-simples": "en_ligne", "reponses-claires": "courrier"}
    return by_commitment.get(indicator.commitment_id, "accueil")


def _pick(rng: np.random.Generator, options: Sequence[str]) -> str:
    return options[int(rng.integers(len(options)))]


def _day(rng: np.random.Generator, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=int(rng.integers(0, (end - start).days + 1)))


def _plus_three_years(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 3, day=28 if (day.month, day.day) == (2, 29) else day.day)


# -- labels --------------------------------------------------------------------------------------
def label_rows(structures: Sequence[Structure], rng: np.random.Generator) -> list[dict[str, Any]]:
    """About 12 % of publishing structures: current, expired, or expired then renewed (never two
    current labels at once)."""
    chosen = sorted(rng.choice(len(structures), size=round(0.12 * len(structures)), replace=False).tolist())
    rows = []
    for index in chosen:
        structure = structures[index]
        level = int(rng.choice(3, p=(0.45, 0.35, 0.20)))
        kind = rng.random()
        if kind < 0.6:
            awards = [(_day(rng, dt.date(2023, 12, 1), dt.date(2026, 10, 31)), level)]
        elif kind < 0.8:
            awards = [(_day(rng, dt.date(2021, 1, 4), dt.date(2023, 10, 31)), level)]
        else:
            first = _day(rng, dt.date(2022, 1, 3), dt.date(2023, 6, 30))
            renewal = _plus_three_years(first) + dt.timedelta(days=int(rng.integers(-60, 30)))
            awards = [(first, level), (renewal, min(level + int(rng.integers(0, 2)), 2))]
        body = _pick(rng, CERTIFYING_BODIES)
        rows += [
            {"structure_id": structure.id, "level": LEVELS[lvl], "awarded_on": day,
             "valid_until": _plus_three_years(day), "certifying_body": body}
            for day, lvl in awards
        ]
    return rows


# -- experiences ---------------------------------------------------------------------------------
AUDIENCE = {"site": 1.0, "departement": 3.0, "region": 6.0, "national": 20.0}  # testimonies per structure


def build_experiences(structures: Sequence[Structure], count: int, rng: np.random.Generator) -> list[Experience]:
    """Testimonies spread over 2024–2026, more of them for big caisses than for small sites."""
    granularity = {n.id: n.granularity for n in NETWORKS}
    weights = np.array([AUDIENCE[granularity[s.network_id]] for s in structures])
    picks = rng.choice(len(structures), size=count, p=weights / weights.sum())
    drafts = []
    for index in picks:
        structure = structures[int(index)]
        published = _day(rng, dt.date(2024, 1, 2), AS_OF - dt.timedelta(days=1))
        drafts.append((published, structure, *_testimony(structure, rng)))
    drafts.sort(key=lambda d: (d[0], d[1].id))
    return [_answered(f"EXP-{number:05d}", *draft, rng) for number, draft in enumerate(drafts, start=1)]


def _testimony(structure: Structure, rng: np.random.Generator) -> tuple[str, str, str, bool]:
    theme = _pick(rng, THEMES)
    positive = bool(rng.random() < 0.5)
    topic = _pick(rng, TOPICS[structure.network_id])
    openings = OPENINGS + VISIT_OPENINGS if theme in ("accueil", "attente") else OPENINGS
    opening = _pick(rng, openings).format(topic=topic, of_topic=contract("de", topic))
    if rng.random() < 0.2:  # a mixed story: the other side of the coin first
        other = _pick(rng, [t for t in THEMES if t != theme])
        contrast = _pick(rng, DETAILS[(theme, positive)])
        detail = f"{_pick(rng, DETAILS[(other, not positive)])} En revanche, {contrast[0].lower()}{contrast[1:]}"
    else:
        detail = _pick(rng, DETAILS[(theme, positive)])
    text = f"{opening} {detail} {_pick(rng, CLOSINGS[positive])}"
    return _pick(rng, TITLES[(theme, positive)]), text, theme, positive


def _answered(id: str, published: dt.date, structure: Structure, title: str, text: str, theme: str,
              positive: bool, rng: np.random.Generator) -> Experience:
    """Most testimonies get a public answer within a month; recent ones may still be waiting."""
    answered_on = published + dt.timedelta(days=int(rng.integers(0, 30)))
    if rng.random() < 0.15 or answered_on > AS_OF:
        return Experience(id, structure, published, title, text, "", None, theme, positive)
    if positive:
        body = "Merci beaucoup pour votre message, qui fait plaisir à toute l'équipe : nous le transmettons."
    else:
        body = f"Nous sommes désolés de cette expérience. {REPLIES[theme]}"
    answer = f"Bonjour, {body[0].lower()}{body[1:]} Bien cordialement, le service relations usagers ({structure.name})."
    return Experience(id, structure, published, title, text, answer, answered_on, theme, positive)


def experience_rows(experiences: Sequence[Experience]) -> list[dict[str, Any]]:
    return [
        {"id": e.id, "structure_id": e.structure.id, "published_on": e.published_on, "title": e.title,
         "text": e.text, "answer": e.answer, "answered_on": e.answered_on}
        for e in experiences
    ]


# -- actions -------------------------------------------------------------------------------------
def action_rows(structures: Sequence[Structure], experiences: Sequence[Experience], count: int,
                rng: np.random.Generator) -> list[dict[str, Any]]:
    """"Vous nous avez dit, nous avons fait": half answer a complaint, most cite an indicator."""
    complaints = [e for e in experiences if not e.positive]
    from_complaints = min(count // 2, len(complaints))
    drafts = []
    for index in sorted(rng.choice(len(complaints), size=from_complaints, replace=False).tolist()):
        experience = complaints[index]
        date = min(experience.published_on + dt.timedelta(days=int(rng.integers(7, 120))), AS_OF)
        drafts.append((date, experience.structure, experience.theme, experience.id))
    for index in rng.choice(len(structures), size=count - from_complaints):
        structure = structures[int(index)]
        theme = theme_of(_pick(rng, network_indicators(structure.network_id)))
        drafts.append((_day(rng, dt.date(2024, 2, 1), AS_OF), structure, theme, ""))
    drafts.sort(key=lambda d: (d[0], d[1].id, d[3]))
    return [_action(f"ACT-{number:04d}", *draft, rng) for number, draft in enumerate(drafts, start=1)]


def _action(id: str, date: dt.date, structure: Structure, theme: str, experience_id: str,
            rng: np.random.Generator) -> dict[str, Any]:
    title, done = ACTIONS[theme][int(rng.integers(len(ACTIONS[theme])))]
    matching = [i.id for i in network_indicators(structure.network_id) if theme_of(i) == theme]
    indicator_id = _pick(rng, matching) if matching and rng.random() < 0.75 else ""
    age = (AS_OF - date).days
    if age < 90:
        status = "planned" if rng.random() < 0.6 else "in_progress"
    elif age < 300:
        status = "in_progress" if rng.random() < 0.5 else "done"
    else:
        status = "done" if rng.random() < 0.9 else "in_progress"
    source = "Vous nous avez dit" if experience_id else "Nos résultats et vos avis montraient"
    description = f"{source} que {HEARD[theme]}. {done}"
    return {"id": id, "structure_id": structure.id, "date": date, "title": title, "description": description,
            "status": status, "experience_id": experience_id, "indicator_id": indicator_id}
