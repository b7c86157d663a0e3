"""What the programme publishes: commitments, networks and indicators, with how to simulate them.

The user-facing text (French) and the simulation knobs sit side by side so that a network's story
reads in one place: a late network, one that publishes little, a survey with small samples.
Indicators are listed in display order; common indicators (no network) come first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FEEDBACK_URL = "https://www.plus.transformation.gouv.fr/experience/new?structure={structure_id}"


@dataclass(frozen=True)
class Commitment:
    id: str
    group: str
    order: int
    title: str
    description: str


@dataclass(frozen=True)
class Behaviour:
    """How a network's structures behave in the simulation (never written to the package)."""

    satisfaction: float  # mean share of satisfied users, %
    pickup: float  # mean phone pick-up rate, %
    sample: float  # median number of survey answers per structure and quarter
    lag_days: int  # days between the end of a period and its publication
    provisional_latest: bool = False  # latest quarter published as provisional
    last_quarter: int = 11  # index of the last published quarter (11 = 2026-Q3, 9 = 2026-Q1)
    publishing_share: float = 1.0  # share of structures that publish the latest quarter


@dataclass(frozen=True)
class Network:
    id: str
    name: str
    short_name: str
    description: str
    website: str
    granularity: str
    id_prefix: str
    behaviour: Behaviour
    feedback_url_template: str = FEEDBACK_URL
    # `;`-separated addresses the network's page had before its URL became its id (was its short name)
    former_slugs: str = ""


@dataclass(frozen=True)
class Simulation:
    """Level, spread between structures, trend per quarter, noise per period, and bounds."""

    base: float
    spread: float
    slope: float
    noise: float = 0.0
    low: float = 0.0
    high: float = 100.0
    sample_share: float = 1.0  # share of the satisfaction survey's respondents who answer this one
    season: tuple[float, ...] = ()  # 12 monthly offsets, January first, for monthly indicators


@dataclass(frozen=True)
class Indicator:
    id: str
    network_id: str
    label: str
    original_label: str
    family: str
    unit: str
    direction: str
    decimals: int
    frequency: str
    commitment_id: str
    methods: str
    simulation: Simulation = field(compare=False)

    @property
    def aggregation(self) -> str:
        """Survey results are pooled by sample size; operational measures use the median site."""
        return "weighted_mean" if self.family == "perceived_quality" else "median"

    @property
    def is_survey(self) -> bool:
        return self.family == "perceived_quality"


COMMITMENTS = (
    Commitment("accueil-attentif", "plus_proche", 1, "Un accueil attentif et courtois",
               "Nous vous recevons avec respect et bienveillance, nous adaptons notre accueil à votre "
               "situation et nous vous disons clairement qui vous répond."),
    Commitment("service-joignable", "plus_proche", 2, "Un service facile à joindre",
               "Vous pouvez nous joindre par téléphone, en ligne ou au guichet, à des horaires adaptés, "
               "et nous vous rappelons quand nous nous y sommes engagés."),
    Commitment("accompagnement-adapte", "plus_proche", 3, "Un accompagnement pour chacun",
               "Si le numérique vous met en difficulté ou si votre situation est complexe, nous vous "
               "accompagnons dans vos démarches, sur place ou par téléphone."),
    Commitment("delais-annonces", "plus_efficace", 4, "Des délais annoncés et tenus",
               "Nous vous indiquons dès le départ le délai de traitement de votre demande et nous le "
               "respectons ; en cas de retard, nous vous prévenons."),
    Commitment("reponses-claires", "plus_efficace", 5, "Des réponses claires et complètes",
               "Nous vous répondons dans un langage simple, en expliquant la décision prise et les "
               "recours possibles."),
    Commitment("bonne-orientation", "plus_efficace", 6, "La bonne réponse du premier coup",
               "Nous traitons votre demande sans vous renvoyer d'un service à l'autre ; si elle ne relève "
               "pas de nous, nous vous orientons vers le bon interlocuteur."),
    Commitment("demarches-simples", "plus_simple", 7, "Des démarches simples, en ligne comme au guichet",
               "Nous simplifions nos formulaires et nos services en ligne, et nous ne vous demandons pas une "
               "information que l'administration détient déjà."),
    Commitment("ecoute-amelioration", "plus_simple", 8, "Votre avis pour nous améliorer",
               "Nous mesurons votre satisfaction, publions nos résultats et tenons compte de vos retours "
               "pour faire évoluer nos services."),
)

NETWORKS = (
    Network(
        "caf", "Caisses d'allocations familiales", "CAF",
        "Les caisses d'allocations familiales versent les prestations familiales, les aides au logement, "
        "le revenu de solidarité active et la prime d'activité. Chaque caisse publie ses résultats pour "
        "son département.",
        "https://www.caf.fr", "departement", "CAF",
        Behaviour(satisfaction=70, pickup=80, sample=320, lag_days=25, provisional_latest=True, publishing_share=0.98),
    ),
    Network(
        "assurance-maladie", "Assurance Maladie", "Assurance Maladie",
        "Les caisses primaires d'assurance maladie et, outre-mer, les caisses générales de sécurité "
        "sociale remboursent les soins, versent les indemnités journalières et attribuent la "
        "complémentaire santé solidaire. Résultats publiés par caisse départementale.",
        "https://www.ameli.fr", "departement", "CPAM",
        Behaviour(satisfaction=76, pickup=88, sample=380, lag_days=30, provisional_latest=True),
    ),
    Network(
        "urssaf", "Urssaf", "Urssaf",
        "Les Urssaf collectent les cotisations sociales des entreprises, des travailleurs indépendants et "
        "des particuliers employeurs, et accompagnent les créateurs d'entreprise. Résultats publiés par "
        "région.",
        "https://www.urssaf.fr", "region", "URSSAF",
        Behaviour(satisfaction=72, pickup=84, sample=1400, lag_days=35),
    ),
    Network(
        "assurance-retraite", "Assurance retraite", "Assurance retraite",
        "Les caisses d'assurance retraite et de la santé au travail (Carsat) et l'Assurance retraite "
        "Île-de-France calculent et versent la retraite de base des salariés du privé. Résultats publiés "
        "par région.",
        "https://www.lassuranceretraite.fr", "region", "CARSAT",
        Behaviour(satisfaction=78, pickup=78, sample=1100, lag_days=35),
    ),
    Network(
        "france-travail", "France Travail", "France Travail",
        "France Travail inscrit et accompagne les demandeurs d'emploi, verse leurs allocations et aide "
        "les entreprises à recruter. Chaque agence publie ses résultats ; les directions régionales "
        "pilotent les agences de leur région.",
        "https://www.francetravail.fr", "site", "FT",
        Behaviour(satisfaction=69, pickup=86, sample=110, lag_days=30, provisional_latest=True,
                  publishing_share=0.97),
    ),
    Network(
        "finances-publiques", "Direction générale des finances publiques", "DGFiP",
        "Les services des impôts des particuliers (SIP) de la Direction générale des finances publiques "
        "répondent sur l'impôt sur le revenu, le prélèvement à la source et les impôts locaux. Chaque "
        "service publie ses résultats ; les directions départementales les coordonnent.",
        "https://www.impots.gouv.fr", "site", "SIP",
        Behaviour(satisfaction=75, pickup=79, sample=70, lag_days=28, publishing_share=0.97),
        former_slugs="dgfip",
    ),
    Network(
        "police-nationale", "Police nationale", "Police nationale",
        "Les commissariats de police accueillent le public jour et nuit, enregistrent les plaintes et "
        "accompagnent les victimes. Résultats publiés par commissariat.",
        "https://www.police-nationale.interieur.gouv.fr", "site", "POL",
        Behaviour(satisfaction=67, pickup=74, sample=40, lag_days=40, publishing_share=0.5),
    ),
    Network(
        "france-services", "France Services", "France Services",
        "Les espaces France Services réunissent en un même lieu une dizaine d'organismes publics et "
        "accompagnent chacun dans ses démarches administratives du quotidien, à moins de trente minutes "
        "de chez soi.",
        "https://www.france-services.gouv.fr", "site", "FS",
        Behaviour(satisfaction=86, pickup=93, sample=45, lag_days=21, provisional_latest=True,
                  publishing_share=0.96),
    ),
    Network(
        "prefectures", "Préfectures", "Préfectures",
        "Les préfectures délivrent les titres de séjour, instruisent les demandes de naturalisation et "
        "accueillent le public pour les démarches qui relèvent de l'État dans le département.",
        "https://www.interieur.gouv.fr", "departement", "PREF",
        Behaviour(satisfaction=63, pickup=58, sample=220, lag_days=45, last_quarter=9),
    ),
    Network(
        "titres-securises", "Agence nationale des titres sécurisés", "ANTS",
        "L'Agence nationale des titres sécurisés instruit et fait produire les cartes d'identité, "
        "passeports, permis de conduire et certificats d'immatriculation ; elle publie des résultats "
        "nationaux.",
        "https://ants.gouv.fr", "national", "ANTS",
        Behaviour(satisfaction=66, pickup=71, sample=6000, lag_days=20),
        "https://www.plus.transformation.gouv.fr/experience/new?structure={structure_id}&reseau=ants",
        former_slugs="ants",
    ),
    Network(
        "justice", "Tribunaux judiciaires", "Justice",
        "Le service d'accueil unique du justiciable (SAUJ) de chaque tribunal judiciaire renseigne les "
        "usagers sur leurs procédures et les aide dans leurs démarches, quelle que soit la juridiction "
        "concernée.",
        "https://www.justice.fr", "site", "TJ",
        Behaviour(satisfaction=71, pickup=76, sample=35, lag_days=40, publishing_share=0.95),
    ),
)

SURVEY_NOTE = (
    "Intervalle de confiance à 95 % calculé par la méthode de Wilson ; résultat non diffusé en dessous de "
    "10 réponses."
)
NET_NOTE = (
    "Satisfaction nette : part des usagers très satisfaits ou satisfaits (notes 9 et 10 sur 10) moins "
    "part des usagers insatisfaits (notes 0 à 6), de -100 à +100."
)
P, Q = "performance", "perceived_quality"
UP, DOWN = "higher", "lower"
QUARTERLY, MONTHLY, YEARLY = "quarterly", "monthly", "yearly"
BACK_TO_SCHOOL = (1.5, 0.5, 0, -0.5, -1, -1, -0.5, 0.5, 2.5, 1.5, 0, -0.5)  # CAF files peak in September
TAX_SEASON = (-2, -2, -1, 3, 6, 4, -1, -3, 1, -1, -2, -2)  # income-tax return season at the counter
PASSPORT_RUSH = (-3, -2, 1, 5, 8, 6, 0, -3, -4, -3, -3, -2)  # ID cards before the summer holidays

INDICATORS = (
    Indicator(
        "satisfaction", "", "Usagers satisfaits", "Taux de satisfaction globale des usagers (enquête à chaud)",
        Q, "percent", UP, 1, QUARTERLY, "ecoute-amelioration",
        "Part des usagers ayant répondu « satisfait » ou « très satisfait » à la question « Globalement, "
        "êtes-vous satisfait du service rendu ? », posée par courriel ou SMS dans les jours qui suivent un "
        "contact (accueil, téléphone, courriel). Enquête en continu, résultats cumulés sur le trimestre. "
        + SURVEY_NOTE,
        Simulation(base=0, spread=4.5, slope=0.1, low=40, high=99),
    ),
    Indicator(
        "taux-decroche", "", "Appels téléphoniques aboutis", "Taux de décroché",
        P, "percent", UP, 1, MONTHLY, "service-joignable",
        "Nombre d'appels pris en charge par un conseiller ou un serveur vocal interactif, rapporté au "
        "nombre d'appels reçus pendant les heures d'ouverture, hors appels abandonnés en moins de 10 "
        "secondes. Calcul mensuel à partir des statistiques de la plateforme téléphonique.",
        Simulation(base=0, spread=6, slope=0.3, noise=2.5, low=30, high=99.5),
    ),
    # -- CAF ------------------------------------------------------------------------------------
    Indicator(
        "caf-satisfaction-nette", "caf", "Satisfaction nette des allocataires", "Net Promoter Score allocataires",
        Q, "points", UP, 0, QUARTERLY, "ecoute-amelioration",
        "Question « Recommanderiez-vous la Caf à un proche ? » notée de 0 à 10. " + NET_NOTE
        + " Enquête trimestrielle auprès d'un échantillon d'allocataires ayant contacté la caisse.",
        Simulation(base=28, spread=9, slope=0.4, low=-100, high=100, sample_share=0.9),
    ),
    Indicator(
        "caf-rsa-10-jours", "caf", "Demandes de RSA traitées en moins de 10 jours",
        "Taux de traitement des demandes de RSA dans un délai de 10 jours",
        P, "percent", UP, 1, QUARTERLY, "delais-annonces",
        "Part des demandes de revenu de solidarité active complètes dont la décision a été notifiée moins "
        "de 10 jours après leur réception. Source : système d'information des Caf (extraction du dernier "
        "jour du trimestre).",
        Simulation(base=86, spread=5, slope=0.3, noise=2.5, low=40, high=100),
    ),
    Indicator(
        "caf-delai-traitement", "caf", "Délai moyen de traitement des dossiers",
        "Délai moyen de traitement des pièces (toutes prestations)",
        P, "days", DOWN, 1, MONTHLY, "delais-annonces",
        "Nombre moyen de jours calendaires entre la réception d'une pièce (formulaire, justificatif, "
        "déclaration) et son traitement, toutes prestations confondues. Calculé chaque mois sur les "
        "pièces traitées dans le mois.",
        Simulation(base=14, spread=3.5, slope=-0.25, noise=1.2, low=3, high=45, season=BACK_TO_SCHOOL),
    ),
    # -- Assurance Maladie ----------------------------------------------------------------------
    Indicator(
        "cpam-feuilles-soins-delai", "assurance-maladie", "Délai de remboursement des feuilles de soins papier",
        "Délai moyen de remboursement des feuilles de soins papier (FSP)",
        P, "days", DOWN, 1, QUARTERLY, "delais-annonces",
        "Nombre moyen de jours entre la réception d'une feuille de soins papier par la caisse et le "
        "virement du remboursement sur le compte de l'assuré. Les feuilles de soins électroniques, "
        "remboursées en quelques jours, ne sont pas comptées.",
        Simulation(base=12, spread=3, slope=-0.15, noise=1, low=3, high=40),
    ),
    Indicator(
        "cpam-ij-30-jours", "assurance-maladie", "Premières indemnités journalières versées en moins de 30 jours",
        "Délai de paiement de la première IJ non subrogée - part inférieure à 30 jours",
        P, "percent", UP, 1, QUARTERLY, "delais-annonces",
        "Part des premiers paiements d'indemnités journalières maladie (hors subrogation par l'employeur) "
        "intervenus moins de 30 jours après la réception de l'arrêt de travail et de l'attestation de "
        "salaire.",
        Simulation(base=84, spread=5, slope=0.4, noise=2, low=40, high=100),
    ),
    Indicator(
        "cpam-css-30-jours", "assurance-maladie",
        "Demandes de complémentaire santé solidaire traitées en moins de 30 jours",
        "Taux de dossiers C2S traités dans un délai de 30 jours",
        P, "percent", UP, 1, QUARTERLY, "delais-annonces",
        "Part des demandes de complémentaire santé solidaire (avec ou sans participation financière) "
        "ayant reçu une décision moins de 30 jours après le dépôt d'un dossier complet.",
        Simulation(base=88, spread=5, slope=0.2, noise=2, low=40, high=100),
    ),
    Indicator(
        "cpam-note-compte-ameli", "assurance-maladie", "Note donnée au compte ameli",
        "Note moyenne de satisfaction compte ameli (enquête en ligne)",
        Q, "score_10", UP, 1, QUARTERLY, "demarches-simples",
        "Note moyenne sur 10 donnée par les assurés de la caisse ayant répondu au questionnaire proposé "
        "à la déconnexion de leur compte ameli. Intervalle de confiance à 95 % (loi normale).",
        Simulation(base=8.1, spread=0.25, slope=0.01, low=0, high=10, sample_share=0.5),
    ),
    # -- Urssaf ---------------------------------------------------------------------------------
    Indicator(
        "urssaf-satisfaction-nette", "urssaf", "Satisfaction nette des cotisants", "NPS cotisants",
        Q, "points", UP, 0, QUARTERLY, "ecoute-amelioration",
        "Question « Recommanderiez-vous l'Urssaf à un autre cotisant ? » notée de 0 à 10. " + NET_NOTE,
        Simulation(base=22, spread=6, slope=0.5, low=-100, high=100, sample_share=0.8),
    ),
    Indicator(
        "urssaf-demarches-8-sur-10", "urssaf", "Démarches en ligne notées 8/10 ou plus",
        "Part des notes supérieures ou égales à 8 - services en ligne",
        Q, "percent", UP, 1, QUARTERLY, "demarches-simples",
        "Part des cotisants ayant donné une note de 8, 9 ou 10 sur 10 à la démarche en ligne qu'ils "
        "venaient d'effectuer sur urssaf.fr (déclaration, paiement, attestation). " + SURVEY_NOTE,
        Simulation(base=68, spread=4, slope=0.5, low=20, high=99, sample_share=0.6),
    ),
    Indicator(
        "urssaf-courriels-48h", "urssaf", "Messages traités en moins de 48 heures",
        "Taux de réponse aux courriels sous 48 h ouvrées",
        P, "percent", UP, 1, QUARTERLY, "reponses-claires",
        "Part des messages reçus par la messagerie sécurisée de l'espace en ligne ayant reçu une réponse "
        "dans les 48 heures ouvrées. Source : outil de gestion des contacts.",
        Simulation(base=78, spread=7, slope=0.6, noise=3, low=20, high=100),
    ),
    Indicator(
        "urssaf-delai-immatriculation", "urssaf", "Délai d'immatriculation des créateurs d'entreprise",
        "Délai moyen d'immatriculation des travailleurs indépendants",
        P, "days", DOWN, 1, QUARTERLY, "delais-annonces",
        "Nombre moyen de jours entre la déclaration de début d'activité sur le guichet unique et "
        "l'attribution du numéro de cotisant.",
        Simulation(base=6.5, spread=1.5, slope=-0.1, noise=0.6, low=1, high=30),
    ),
    # -- Assurance retraite ---------------------------------------------------------------------
    Indicator(
        "retraite-paiement-sans-rupture", "assurance-retraite", "Retraites versées sans interruption de revenus",
        "Taux de paiement à bonne date des droits propres (sans rupture de ressources)",
        P, "percent", UP, 1, QUARTERLY, "delais-annonces",
        "Part des nouveaux retraités dont la première pension a été versée le mois suivant la fin de leur "
        "activité ou de leur indemnisation, lorsque la demande a été déposée au moins quatre mois avant "
        "la date de départ.",
        Simulation(base=91, spread=3, slope=0.2, noise=1.2, low=50, high=100),
    ),
    Indicator(
        "retraite-delai-attribution", "assurance-retraite", "Délai moyen d'attribution d'une retraite",
        "Délai moyen d'attribution des droits propres",
        P, "days", DOWN, 0, QUARTERLY, "delais-annonces",
        "Nombre moyen de jours entre la réception d'une demande de retraite complète et la notification "
        "de la décision d'attribution.",
        Simulation(base=48, spread=8, slope=-0.6, noise=3, low=10, high=180),
    ),
    Indicator(
        "retraite-note-services-en-ligne", "assurance-retraite", "Note donnée aux services en ligne",
        "Note moyenne de satisfaction de l'espace personnel",
        Q, "score_10", UP, 1, QUARTERLY, "demarches-simples",
        "Note moyenne sur 10 donnée par les assurés à la démarche en ligne qu'ils viennent d'effectuer "
        "(demande de retraite, attestation, changement de coordonnées). Intervalle de confiance à 95 %.",
        Simulation(base=7.8, spread=0.2, slope=0.02, low=0, high=10, sample_share=0.6),
    ),
    Indicator(
        "retraite-satisfaction-nouveaux-retraites", "assurance-retraite",
        "Nouveaux retraités satisfaits de leur passage à la retraite",
        "Enquête annuelle de satisfaction des nouveaux retraités",
        Q, "percent", UP, 1, YEARLY, "accompagnement-adapte",
        "Part des personnes parties en retraite dans l'année se déclarant satisfaites de l'ensemble de "
        "leur parcours (information, dépôt de la demande, premier paiement). Enquête annuelle par "
        "questionnaire en ligne et postal. " + SURVEY_NOTE,
        Simulation(base=86, spread=3, slope=0.3, low=40, high=99, sample_share=0.5),
    ),
    # -- France Travail -------------------------------------------------------------------------
    Indicator(
        "ft-satisfaction-accompagnement", "france-travail", "Demandeurs d'emploi satisfaits de leur accompagnement",
        "Taux de satisfaction des demandeurs d'emploi sur le suivi et l'accompagnement",
        Q, "percent", UP, 1, QUARTERLY, "accompagnement-adapte",
        "Part des demandeurs d'emploi se déclarant satisfaits du suivi et de l'accompagnement de leur "
        "conseiller. Enquête trimestrielle par courriel auprès des demandeurs inscrits depuis au moins "
        "trois mois. " + SURVEY_NOTE,
        Simulation(base=69, spread=5, slope=0.3, low=30, high=99, sample_share=0.8),
    ),
    Indicator(
        "ft-satisfaction-entreprises", "france-travail", "Entreprises satisfaites du traitement de leurs offres",
        "Taux de satisfaction des entreprises sur le traitement de leur dernier recrutement",
        Q, "percent", UP, 1, QUARTERLY, "reponses-claires",
        "Part des employeurs satisfaits de l'aide apportée par l'agence pour leur dernier recrutement. "
        "Enquête trimestrielle auprès des entreprises ayant déposé une offre. " + SURVEY_NOTE,
        Simulation(base=76, spread=6, slope=0.2, low=30, high=99, sample_share=0.35),
    ),
    Indicator(
        "ft-entretien-15-jours", "france-travail", "Premier entretien dans les 15 jours suivant l'inscription",
        "Taux d'entretiens de situation réalisés à J+15",
        P, "percent", UP, 1, QUARTERLY, "delais-annonces",
        "Part des nouveaux inscrits ayant eu leur premier entretien avec un conseiller dans les 15 jours "
        "calendaires suivant leur inscription.",
        Simulation(base=82, spread=7, slope=0.4, noise=3, low=30, high=100),
    ),
    Indicator(
        "ft-attente-accueil", "france-travail", "Temps d'attente à l'accueil",
        "Temps d'attente moyen en zone d'accueil (sans rendez-vous)",
        P, "minutes", DOWN, 0, QUARTERLY, "accueil-attentif",
        "Durée moyenne entre la prise de ticket à la borne d'accueil et la prise en charge par un "
        "conseiller, pour les visites sans rendez-vous. Source : système de gestion de file d'attente.",
        Simulation(base=12, spread=4, slope=-0.1, noise=2, low=2, high=60),
    ),
    Indicator(
        "ft-reclamations-15-jours", "france-travail", "Réclamations traitées en moins de 15 jours",
        "Taux de réponse aux réclamations sous 15 jours",
        P, "percent", UP, 1, QUARTERLY, "reponses-claires",
        "Part des réclamations écrites ayant reçu une réponse dans les 15 jours calendaires suivant leur "
        "réception, toutes voies confondues (espace personnel, courrier, médiateur régional).",
        Simulation(base=80, spread=7, slope=0.3, noise=3, low=20, high=100),
    ),
    # -- Finances publiques ---------------------------------------------------------------------
    Indicator(
        "sip-attente-guichet", "finances-publiques", "Temps d'attente au guichet",
        "Délai moyen d'attente à l'accueil physique",
        P, "minutes", DOWN, 0, MONTHLY, "accueil-attentif",
        "Durée moyenne d'attente des usagers reçus sans rendez-vous, mesurée par le système de gestion de "
        "file d'attente, calculée chaque mois. La période de déclaration des revenus (avril à juin) "
        "allonge l'attente.",
        Simulation(base=14, spread=5, slope=-0.15, noise=3, low=2, high=90, season=TAX_SEASON),
    ),
    Indicator(
        "sip-messagerie-7-jours", "finances-publiques", "Messages en ligne traités en moins de 7 jours",
        "Taux de traitement des e-contacts à J+7",
        P, "percent", UP, 1, QUARTERLY, "reponses-claires",
        "Part des messages déposés dans la messagerie sécurisée de l'espace particulier sur impots.gouv.fr "
        "ayant reçu une réponse dans les 7 jours calendaires.",
        Simulation(base=83, spread=6, slope=0.3, noise=2.5, low=20, high=100),
    ),
    Indicator(
        "sip-reclamations-30-jours", "finances-publiques", "Réclamations traitées en moins de 30 jours",
        "Taux de traitement des réclamations contentieuses d'assiette à 30 jours",
        P, "percent", UP, 1, QUARTERLY, "delais-annonces",
        "Part des réclamations relatives à l'impôt sur le revenu et aux impôts locaux traitées dans les "
        "30 jours suivant leur réception. Source : application de suivi du contentieux.",
        Simulation(base=90, spread=4, slope=0.2, noise=2, low=30, high=100),
    ),
    Indicator(
        "sip-note-rendez-vous", "finances-publiques", "Note donnée aux rendez-vous",
        "Note moyenne de satisfaction des rendez-vous (téléphone et guichet)",
        Q, "score_10", UP, 1, QUARTERLY, "accueil-attentif",
        "Note moyenne sur 10 donnée par les usagers après un rendez-vous pris sur impots.gouv.fr, au "
        "guichet ou par téléphone. Intervalle de confiance à 95 % (loi normale).",
        Simulation(base=8.4, spread=0.3, slope=0.01, low=0, high=10, sample_share=0.6),
    ),
    # -- Police nationale -----------------------------------------------------------------------
    Indicator(
        "police-attente-plainte", "police-nationale", "Temps d'attente pour déposer plainte",
        "Délai moyen d'attente avant audition - plaintes sans rendez-vous",
        P, "minutes", DOWN, 0, MONTHLY, "accueil-attentif",
        "Durée moyenne entre l'arrivée de la victime à l'accueil du commissariat et le début de la prise "
        "de plainte, pour les plaintes déposées sans rendez-vous. Relevé mensuel du registre d'accueil.",
        Simulation(base=45, spread=14, slope=-0.5, noise=7, low=5, high=240),
    ),
    Indicator(
        "police-rdv-plainte-7-jours", "police-nationale",
        "Pré-plaintes en ligne suivies d'un rendez-vous sous 7 jours",
        "Taux de rendez-vous honorés à J+7 après pré-plainte en ligne",
        P, "percent", UP, 1, QUARTERLY, "delais-annonces",
        "Part des pré-plaintes déposées sur le site officiel pour lesquelles la victime a été reçue au "
        "commissariat dans les 7 jours pour signer sa plainte.",
        Simulation(base=72, spread=10, slope=0.5, noise=4, low=10, high=100),
    ),
    Indicator(
        "police-victimes-informees", "police-nationale", "Victimes informées des suites de leur plainte",
        "Taux d'information des victimes sur les suites de la procédure",
        P, "percent", UP, 1, QUARTERLY, "reponses-claires",
        "Part des victimes ayant déposé plainte dans le trimestre qui ont été recontactées (appel, SMS ou "
        "courrier) pour être informées des suites données à leur plainte.",
        Simulation(base=64, spread=9, slope=0.6, noise=4, low=10, high=100),
    ),
    # -- France Services ------------------------------------------------------------------------
    Indicator(
        "fs-resolution-premier-passage", "france-services", "Demandes résolues dès le premier passage",
        "Taux de résolution au premier contact",
        P, "percent", UP, 1, MONTHLY, "bonne-orientation",
        "Part des demandes d'usagers réglées lors de leur première visite, sans nouveau rendez-vous ni "
        "réorientation, d'après le registre d'activité tenu par les conseillers. Calcul mensuel.",
        Simulation(base=88, spread=5, slope=0.15, noise=3, low=40, high=100),
    ),
    Indicator(
        "fs-note-accompagnement", "france-services", "Note donnée à l'accompagnement",
        "Note moyenne de satisfaction de l'accompagnement",
        Q, "score_10", UP, 1, QUARTERLY, "accompagnement-adapte",
        "Note moyenne sur 10 donnée par les usagers, à la sortie ou par SMS, à l'aide reçue du conseiller "
        "France Services. Intervalle de confiance à 95 % (loi normale).",
        Simulation(base=9.1, spread=0.25, slope=0.0, low=0, high=10, sample_share=0.8),
    ),
    Indicator(
        "fs-attente", "france-services", "Temps d'attente avant d'être reçu",
        "Temps d'attente moyen avant prise en charge",
        P, "minutes", DOWN, 0, QUARTERLY, "accueil-attentif",
        "Durée moyenne entre l'arrivée de l'usager et sa prise en charge par un conseiller, relevée sur "
        "deux semaines témoins par trimestre.",
        Simulation(base=7, spread=3, slope=-0.05, noise=1.5, low=1, high=60),
    ),
    Indicator(
        "fs-satisfaction-nette", "france-services", "Satisfaction nette des usagers",
        "Indice de recommandation France Services",
        Q, "points", UP, 0, QUARTERLY, "ecoute-amelioration",
        "Question « Recommanderiez-vous cet espace France Services à un proche ? » notée de 0 à 10. "
        + NET_NOTE,
        Simulation(base=62, spread=8, slope=0.2, low=-100, high=100, sample_share=0.8),
    ),
    # -- Préfectures ----------------------------------------------------------------------------
    Indicator(
        "pref-delai-titre-sejour", "prefectures", "Délai moyen de délivrance d'un titre de séjour",
        "Délai moyen d'instruction des demandes de titre de séjour (ANEF)",
        P, "days", DOWN, 0, QUARTERLY, "delais-annonces",
        "Nombre moyen de jours entre le dépôt d'une demande complète sur l'administration numérique pour "
        "les étrangers en France (ANEF) et la mise à disposition du titre. Renouvellements et premières "
        "demandes confondus.",
        Simulation(base=95, spread=25, slope=-1.5, noise=8, low=20, high=300),
    ),
    Indicator(
        "pref-rdv-30-jours", "prefectures", "Rendez-vous obtenus en moins de 30 jours",
        "Taux de rendez-vous proposés à moins de 30 jours",
        P, "percent", UP, 1, QUARTERLY, "service-joignable",
        "Part des demandes de rendez-vous en ligne (titres, naturalisation, permis) pour lesquelles un "
        "créneau a été proposé dans les 30 jours.",
        Simulation(base=58, spread=15, slope=1.0, noise=5, low=5, high=100),
    ),
    Indicator(
        "pref-satisfaction-nette", "prefectures", "Satisfaction nette des usagers",
        "Indice de recommandation de l'accueil en préfecture",
        Q, "points", UP, 0, QUARTERLY, "ecoute-amelioration",
        "Question « Recommanderiez-vous l'accueil de cette préfecture ? » notée de 0 à 10. " + NET_NOTE,
        Simulation(base=4, spread=12, slope=0.8, low=-100, high=100, sample_share=0.8),
    ),
    # -- ANTS -----------------------------------------------------------------------------------
    Indicator(
        "ants-delai-titres", "titres-securises", "Délai de fabrication d'une carte d'identité ou d'un passeport",
        "Délai moyen de production CNI / passeport (validation - mise à disposition)",
        P, "days", DOWN, 0, MONTHLY, "delais-annonces",
        "Nombre moyen de jours entre la validation de la demande par la mairie et la mise à disposition "
        "du titre en mairie. Calcul mensuel sur l'ensemble des titres produits.",
        Simulation(base=18, spread=0, slope=-0.4, noise=2, low=5, high=90, season=PASSPORT_RUSH),
    ),
    Indicator(
        "ants-note-pre-demande", "titres-securises", "Note donnée à la pré-demande en ligne",
        "Note moyenne de satisfaction de la pré-demande en ligne",
        Q, "score_10", UP, 1, QUARTERLY, "demarches-simples",
        "Note moyenne sur 10 donnée à la fin de la pré-demande en ligne de carte d'identité, de passeport "
        "ou de permis de conduire. Intervalle de confiance à 95 % (loi normale).",
        Simulation(base=7.4, spread=0, slope=0.03, low=0, high=10, sample_share=0.7),
    ),
    Indicator(
        "ants-reponse-5-jours", "titres-securises", "Demandes écrites traitées en moins de 5 jours",
        "Taux de réponse aux demandes d'assistance à J+5",
        P, "percent", UP, 1, QUARTERLY, "reponses-claires",
        "Part des demandes d'assistance déposées en ligne ayant reçu une réponse dans les 5 jours ouvrés.",
        Simulation(base=74, spread=0, slope=0.8, noise=3, low=10, high=100),
    ),
    # -- Justice --------------------------------------------------------------------------------
    Indicator(
        "justice-attente", "justice", "Temps d'attente à l'accueil du tribunal",
        "Temps d'attente moyen au SAUJ",
        P, "minutes", DOWN, 0, QUARTERLY, "accueil-attentif",
        "Durée moyenne entre l'arrivée au service d'accueil unique du justiciable et la prise en charge "
        "par un agent, relevée sur deux semaines témoins par trimestre.",
        Simulation(base=11, spread=4, slope=-0.05, noise=2.5, low=1, high=90),
    ),
    Indicator(
        "justice-reponse-15-jours", "justice", "Demandes écrites traitées en moins de 15 jours",
        "Taux de réponse aux courriers et courriels du SAUJ à 15 jours",
        P, "percent", UP, 1, QUARTERLY, "reponses-claires",
        "Part des demandes d'information reçues par courrier ou courriel ayant reçu une réponse dans les "
        "15 jours calendaires.",
        Simulation(base=77, spread=8, slope=0.3, noise=4, low=10, high=100),
    ),
)


def network_indicators(network_id: str) -> list[Indicator]:
    """Common indicators first, then the network's own, in catalog order."""
    return [i for i in INDICATORS if i.network_id in ("", network_id)]


def network_by_id(network_id: str) -> Network:
    return next(n for n in NETWORKS if n.id == network_id)
