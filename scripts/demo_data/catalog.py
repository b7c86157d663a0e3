"""What the programme publishes: commitments, networks and indicators, with how to simulate them.

The user-facing text (French) and the simulation knobs sit side by side so that a network's story
reads in one place: a late network, one that publishes little, a survey with small samples.
Indicators are listed in display order; common indicators (no network) come first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from demo_data.records import record_class

FEEDBACK_URL = "https://www.plus.transformation.gouv.fr/experience/new?structure={structure_id}"


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


Commitment = record_class(
    "commitments", "Commitment",
    "A row of commitments.csv: one field per column of the programme's schema (demo_data/records.py).",
)

Network = record_class(
    "networks", "Network",
    "A row of networks.csv (the schema's columns), with how its structures are named and behave in the "
    "simulation (`id_prefix`, `behaviour`: never written).",
    extra=(("id_prefix", str, field()), ("behaviour", Behaviour, field())),
    # `;`-separated addresses the network's page had before its URL became its id (was its short name)
    defaults={"feedback_url_template": FEEDBACK_URL, "former_slugs": ""},
)


class Indicator(record_class(
    "indicators", "IndicatorRecord",
    "A row of indicators.csv (the schema's columns) with its simulation (never written).",
    extra=(("simulation", Simulation, field(compare=False)),),
    computed=("aggregation",),
)):
    """An indicator of the catalog: its aggregation rule follows from its family."""

    @property
    def aggregation(self) -> str:
        """Survey results are pooled by sample size; operational measures use the median site."""
        return "weighted_mean" if self.family == "perceived_quality" else "median"

    @property
    def is_survey(self) -> bool:
        return self.family == "perceived_quality"


COMMITMENTS = (
    Commitment(id="accueil-attentif", group="plus_proche", order=1, title="Un accueil attentif et courtois",
               description="Nous vous recevons avec respect et bienveillance, nous adaptons notre accueil à votre "
               "situation et nous vous disons clairement qui vous répond."),
    Commitment(id="service-joignable", group="plus_proche", order=2, title="Un service facile à joindre",
               description="Vous pouvez nous joindre par téléphone, en ligne ou au guichet, à des horaires adaptés, "
               "et nous vous rappelons quand nous nous y sommes engagés."),
    Commitment(id="accompagnement-adapte", group="plus_proche", order=3, title="Un accompagnement pour chacun",
               description="Si le numérique vous met en difficulté ou si votre situation est complexe, nous vous "
               "accompagnons dans vos démarches, sur place ou par téléphone."),
    Commitment(id="delais-annonces", group="plus_efficace", order=4, title="Des délais annoncés et tenus",
               description="Nous vous indiquons dès le départ le délai de traitement de votre demande et nous le "
               "respectons ; en cas de retard, nous vous prévenons."),
    Commitment(id="reponses-claires", group="plus_efficace", order=5, title="Des réponses claires et complètes",
               description="Nous vous répondons dans un langage simple, en expliquant la décision prise et les "
               "recours possibles."),
    Commitment(id="bonne-orientation", group="plus_efficace", order=6, title="La bonne réponse du premier coup",
               description="Nous traitons votre demande sans vous renvoyer d'un service à l'autre ; si elle ne relève "
               "pas de nous, nous vous orientons vers le bon interlocuteur."),
    Commitment(id="demarches-simples", group="plus_simple", order=7,
               title="Des démarches simples, en ligne comme au guichet",
               description="Nous simplifions nos formulaires et nos services en ligne, et nous ne vous demandons pas "
               "une information que l'administration détient déjà."),
    Commitment(id="ecoute-amelioration", group="plus_simple", order=8, title="Votre avis pour nous améliorer",
               description="Nous mesurons votre satisfaction, publions nos résultats et tenons compte de vos retours "
               "pour faire évoluer nos services."),
)

NETWORKS = (
    Network(
        id="caf", name="Caisses d'allocations familiales", short_name="CAF",
        description="Les caisses d'allocations familiales versent les prestations familiales, les aides au logement, "
        "le revenu de solidarité active et la prime d'activité. Chaque caisse publie ses résultats pour "
        "son département.",
        website="https://www.caf.fr", granularity="departement", id_prefix="CAF",
        behaviour=Behaviour(satisfaction=70, pickup=80, sample=320, lag_days=25, provisional_latest=True,
                            publishing_share=0.98),
    ),
    Network(
        id="assurance-maladie", name="Assurance Maladie", short_name="Assurance Maladie",
        description="Les caisses primaires d'assurance maladie et, outre-mer, les caisses générales de sécurité "
        "sociale remboursent les soins, versent les indemnités journalières et attribuent la "
        "complémentaire santé solidaire. Résultats publiés par caisse départementale.",
        website="https://www.ameli.fr", granularity="departement", id_prefix="CPAM",
        behaviour=Behaviour(satisfaction=76, pickup=88, sample=380, lag_days=30, provisional_latest=True),
    ),
    Network(
        id="urssaf", name="Urssaf", short_name="Urssaf",
        description="Les Urssaf collectent les cotisations sociales des entreprises, des travailleurs indépendants et "
        "des particuliers employeurs, et accompagnent les créateurs d'entreprise. Résultats publiés par "
        "région.",
        website="https://www.urssaf.fr", granularity="region", id_prefix="URSSAF",
        behaviour=Behaviour(satisfaction=72, pickup=84, sample=1400, lag_days=35),
    ),
    Network(
        id="assurance-retraite", name="Assurance retraite", short_name="Assurance retraite",
        description="Les caisses d'assurance retraite et de la santé au travail (Carsat) et l'Assurance retraite "
        "Île-de-France calculent et versent la retraite de base des salariés du privé. Résultats publiés "
        "par région.",
        website="https://www.lassuranceretraite.fr", granularity="region", id_prefix="CARSAT",
        behaviour=Behaviour(satisfaction=78, pickup=78, sample=1100, lag_days=35),
    ),
    Network(
        id="france-travail", name="France Travail", short_name="France Travail",
        description="France Travail inscrit et accompagne les demandeurs d'emploi, verse leurs allocations et aide "
        "les entreprises à recruter. Chaque agence publie ses résultats ; les directions régionales "
        "pilotent les agences de leur région.",
        website="https://www.francetravail.fr", granularity="site", id_prefix="FT",
        behaviour=Behaviour(satisfaction=69, pickup=86, sample=110, lag_days=30, provisional_latest=True,
                  publishing_share=0.97),
    ),
    Network(
        id="finances-publiques", name="Direction générale des finances publiques", short_name="DGFiP",
        description="Les services des impôts des particuliers (SIP) de la Direction générale des finances publiques "
        "répondent sur l'impôt sur le revenu, le prélèvement à la source et les impôts locaux. Chaque "
        "service publie ses résultats ; les directions départementales les coordonnent.",
        website="https://www.impots.gouv.fr", granularity="site", id_prefix="SIP",
        behaviour=Behaviour(satisfaction=75, pickup=79, sample=70, lag_days=28, publishing_share=0.97),
        former_slugs="dgfip",
    ),
    Network(
        id="police-nationale", name="Police nationale", short_name="Police nationale",
        description="Les commissariats de police accueillent le public jour et nuit, enregistrent les plaintes et "
        "accompagnent les victimes. Résultats publiés par commissariat.",
        website="https://www.police-nationale.interieur.gouv.fr", granularity="site", id_prefix="POL",
        behaviour=Behaviour(satisfaction=67, pickup=74, sample=40, lag_days=40, publishing_share=0.5),
    ),
    Network(
        id="france-services", name="France Services", short_name="France Services",
        description="Les espaces France Services réunissent en un même lieu une dizaine d'organismes publics et "
        "accompagnent chacun dans ses démarches administratives du quotidien, à moins de trente minutes "
        "de chez soi.",
        website="https://www.france-services.gouv.fr", granularity="site", id_prefix="FS",
        behaviour=Behaviour(satisfaction=86, pickup=93, sample=45, lag_days=21, provisional_latest=True,
                  publishing_share=0.96),
    ),
    Network(
        id="prefectures", name="Préfectures", short_name="Préfectures",
        description="Les préfectures délivrent les titres de séjour, instruisent les demandes de naturalisation et "
        "accueillent le public pour les démarches qui relèvent de l'État dans le département.",
        website="https://www.interieur.gouv.fr", granularity="departement", id_prefix="PREF",
        behaviour=Behaviour(satisfaction=63, pickup=58, sample=220, lag_days=45, last_quarter=9),
    ),
    Network(
        id="titres-securises", name="Agence nationale des titres sécurisés", short_name="ANTS",
        description="L'Agence nationale des titres sécurisés instruit et fait produire les cartes d'identité, "
        "passeports, permis de conduire et certificats d'immatriculation ; elle publie des résultats "
        "nationaux.",
        website="https://ants.gouv.fr", granularity="national", id_prefix="ANTS",
        behaviour=Behaviour(satisfaction=66, pickup=71, sample=6000, lag_days=20),
        feedback_url_template=FEEDBACK_URL + "&reseau=ants",
        former_slugs="ants",
    ),
    Network(
        id="justice", name="Tribunaux judiciaires", short_name="Justice",
        description="Le service d'accueil unique du justiciable (SAUJ) de chaque tribunal judiciaire renseigne les "
        "usagers sur leurs procédures et les aide dans leurs démarches, quelle que soit la juridiction "
        "concernée.",
        website="https://www.justice.fr", granularity="site", id_prefix="TJ",
        behaviour=Behaviour(satisfaction=71, pickup=76, sample=35, lag_days=40, publishing_share=0.95),
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
        id="satisfaction", network_id="", label="Usagers satisfaits",
        original_label="Taux de satisfaction globale des usagers (enquête à chaud)",
        family=Q, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="ecoute-amelioration",
        methods="Part des usagers ayant répondu « satisfait » ou « très satisfait » à la question « Globalement, "
        "êtes-vous satisfait du service rendu ? », posée par courriel ou SMS dans les jours qui suivent un "
        "contact (accueil, téléphone, courriel). Enquête en continu, résultats cumulés sur le trimestre. "
        + SURVEY_NOTE,
        simulation=Simulation(base=0, spread=4.5, slope=0.1, low=40, high=99),
    ),
    Indicator(
        id="taux-decroche", network_id="", label="Appels téléphoniques aboutis", original_label="Taux de décroché",
        family=P, unit="percent", direction=UP, decimals=1, frequency=MONTHLY, commitment_id="service-joignable",
        methods="Nombre d'appels pris en charge par un conseiller ou un serveur vocal interactif, rapporté au "
        "nombre d'appels reçus pendant les heures d'ouverture, hors appels abandonnés en moins de 10 "
        "secondes. Calcul mensuel à partir des statistiques de la plateforme téléphonique.",
        simulation=Simulation(base=0, spread=6, slope=0.3, noise=2.5, low=30, high=99.5),
    ),
    # -- CAF ------------------------------------------------------------------------------------
    Indicator(
        id="caf-satisfaction-nette", network_id="caf", label="Satisfaction nette des allocataires",
        original_label="Net Promoter Score allocataires",
        family=Q, unit="points", direction=UP, decimals=0, frequency=QUARTERLY, commitment_id="ecoute-amelioration",
        methods="Question « Recommanderiez-vous la Caf à un proche ? » notée de 0 à 10. " + NET_NOTE
        + " Enquête trimestrielle auprès d'un échantillon d'allocataires ayant contacté la caisse.",
        simulation=Simulation(base=28, spread=9, slope=0.4, low=-100, high=100, sample_share=0.9),
    ),
    Indicator(
        id="caf-rsa-10-jours", network_id="caf", label="Demandes de RSA traitées en moins de 10 jours",
        original_label="Taux de traitement des demandes de RSA dans un délai de 10 jours",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Part des demandes de revenu de solidarité active complètes dont la décision a été notifiée moins "
        "de 10 jours après leur réception. Source : système d'information des Caf (extraction du dernier "
        "jour du trimestre).",
        simulation=Simulation(base=86, spread=5, slope=0.3, noise=2.5, low=40, high=100),
    ),
    Indicator(
        id="caf-delai-traitement", network_id="caf", label="Délai moyen de traitement des dossiers",
        original_label="Délai moyen de traitement des pièces (toutes prestations)",
        family=P, unit="days", direction=DOWN, decimals=1, frequency=MONTHLY, commitment_id="delais-annonces",
        methods="Nombre moyen de jours calendaires entre la réception d'une pièce (formulaire, justificatif, "
        "déclaration) et son traitement, toutes prestations confondues. Calculé chaque mois sur les "
        "pièces traitées dans le mois.",
        simulation=Simulation(base=14, spread=3.5, slope=-0.25, noise=1.2, low=3, high=45, season=BACK_TO_SCHOOL),
    ),
    # -- Assurance Maladie ----------------------------------------------------------------------
    Indicator(
        id="cpam-feuilles-soins-delai", network_id="assurance-maladie",
        label="Délai de remboursement des feuilles de soins papier",
        original_label="Délai moyen de remboursement des feuilles de soins papier (FSP)",
        family=P, unit="days", direction=DOWN, decimals=1, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Nombre moyen de jours entre la réception d'une feuille de soins papier par la caisse et le "
        "virement du remboursement sur le compte de l'assuré. Les feuilles de soins électroniques, "
        "remboursées en quelques jours, ne sont pas comptées.",
        simulation=Simulation(base=12, spread=3, slope=-0.15, noise=1, low=3, high=40),
    ),
    Indicator(
        id="cpam-ij-30-jours", network_id="assurance-maladie",
        label="Premières indemnités journalières versées en moins de 30 jours",
        original_label="Délai de paiement de la première IJ non subrogée - part inférieure à 30 jours",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Part des premiers paiements d'indemnités journalières maladie (hors subrogation par l'employeur) "
        "intervenus moins de 30 jours après la réception de l'arrêt de travail et de l'attestation de "
        "salaire.",
        simulation=Simulation(base=84, spread=5, slope=0.4, noise=2, low=40, high=100),
    ),
    Indicator(
        id="cpam-css-30-jours", network_id="assurance-maladie",
        label="Demandes de complémentaire santé solidaire traitées en moins de 30 jours",
        original_label="Taux de dossiers C2S traités dans un délai de 30 jours",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Part des demandes de complémentaire santé solidaire (avec ou sans participation financière) "
        "ayant reçu une décision moins de 30 jours après le dépôt d'un dossier complet.",
        simulation=Simulation(base=88, spread=5, slope=0.2, noise=2, low=40, high=100),
    ),
    Indicator(
        id="cpam-note-compte-ameli", network_id="assurance-maladie", label="Note donnée au compte ameli",
        original_label="Note moyenne de satisfaction compte ameli (enquête en ligne)",
        family=Q, unit="score_10", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="demarches-simples",
        methods="Note moyenne sur 10 donnée par les assurés de la caisse ayant répondu au questionnaire proposé "
        "à la déconnexion de leur compte ameli. Intervalle de confiance à 95 % (loi normale).",
        simulation=Simulation(base=8.1, spread=0.25, slope=0.01, low=0, high=10, sample_share=0.5),
    ),
    # -- Urssaf ---------------------------------------------------------------------------------
    Indicator(
        id="urssaf-satisfaction-nette", network_id="urssaf", label="Satisfaction nette des cotisants",
        original_label="NPS cotisants",
        family=Q, unit="points", direction=UP, decimals=0, frequency=QUARTERLY, commitment_id="ecoute-amelioration",
        methods="Question « Recommanderiez-vous l'Urssaf à un autre cotisant ? » notée de 0 à 10. " + NET_NOTE,
        simulation=Simulation(base=22, spread=6, slope=0.5, low=-100, high=100, sample_share=0.8),
    ),
    Indicator(
        id="urssaf-demarches-8-sur-10", network_id="urssaf", label="Démarches en ligne notées 8/10 ou plus",
        original_label="Part des notes supérieures ou égales à 8 - services en ligne",
        family=Q, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="demarches-simples",
        methods="Part des cotisants ayant donné une note de 8, 9 ou 10 sur 10 à la démarche en ligne qu'ils "
        "venaient d'effectuer sur urssaf.fr (déclaration, paiement, attestation). " + SURVEY_NOTE,
        simulation=Simulation(base=68, spread=4, slope=0.5, low=20, high=99, sample_share=0.6),
    ),
    Indicator(
        id="urssaf-courriels-48h", network_id="urssaf", label="Messages traités en moins de 48 heures",
        original_label="Taux de réponse aux courriels sous 48 h ouvrées",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="reponses-claires",
        methods="Part des messages reçus par la messagerie sécurisée de l'espace en ligne ayant reçu une réponse "
        "dans les 48 heures ouvrées. Source : outil de gestion des contacts.",
        simulation=Simulation(base=78, spread=7, slope=0.6, noise=3, low=20, high=100),
    ),
    Indicator(
        id="urssaf-delai-immatriculation", network_id="urssaf",
        label="Délai d'immatriculation des créateurs d'entreprise",
        original_label="Délai moyen d'immatriculation des travailleurs indépendants",
        family=P, unit="days", direction=DOWN, decimals=1, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Nombre moyen de jours entre la déclaration de début d'activité sur le guichet unique et "
        "l'attribution du numéro de cotisant.",
        simulation=Simulation(base=6.5, spread=1.5, slope=-0.1, noise=0.6, low=1, high=30),
    ),
    # -- Assurance retraite ---------------------------------------------------------------------
    Indicator(
        id="retraite-paiement-sans-rupture", network_id="assurance-retraite",
        label="Retraites versées sans interruption de revenus",
        original_label="Taux de paiement à bonne date des droits propres (sans rupture de ressources)",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Part des nouveaux retraités dont la première pension a été versée le mois suivant la fin de leur "
        "activité ou de leur indemnisation, lorsque la demande a été déposée au moins quatre mois avant "
        "la date de départ.",
        simulation=Simulation(base=91, spread=3, slope=0.2, noise=1.2, low=50, high=100),
    ),
    Indicator(
        id="retraite-delai-attribution", network_id="assurance-retraite",
        label="Délai moyen d'attribution d'une retraite",
        original_label="Délai moyen d'attribution des droits propres",
        family=P, unit="days", direction=DOWN, decimals=0, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Nombre moyen de jours entre la réception d'une demande de retraite complète et la notification "
        "de la décision d'attribution.",
        simulation=Simulation(base=48, spread=8, slope=-0.6, noise=3, low=10, high=180),
    ),
    Indicator(
        id="retraite-note-services-en-ligne", network_id="assurance-retraite",
        label="Note donnée aux services en ligne",
        original_label="Note moyenne de satisfaction de l'espace personnel",
        family=Q, unit="score_10", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="demarches-simples",
        methods="Note moyenne sur 10 donnée par les assurés à la démarche en ligne qu'ils viennent d'effectuer "
        "(demande de retraite, attestation, changement de coordonnées). Intervalle de confiance à 95 %.",
        simulation=Simulation(base=7.8, spread=0.2, slope=0.02, low=0, high=10, sample_share=0.6),
    ),
    Indicator(
        id="retraite-satisfaction-nouveaux-retraites", network_id="assurance-retraite",
        label="Nouveaux retraités satisfaits de leur passage à la retraite",
        original_label="Enquête annuelle de satisfaction des nouveaux retraités",
        family=Q, unit="percent", direction=UP, decimals=1, frequency=YEARLY, commitment_id="accompagnement-adapte",
        methods="Part des personnes parties en retraite dans l'année se déclarant satisfaites de l'ensemble de "
        "leur parcours (information, dépôt de la demande, premier paiement). Enquête annuelle par "
        "questionnaire en ligne et postal. " + SURVEY_NOTE,
        simulation=Simulation(base=86, spread=3, slope=0.3, low=40, high=99, sample_share=0.5),
    ),
    # -- France Travail -------------------------------------------------------------------------
    Indicator(
        id="ft-satisfaction-accompagnement", network_id="france-travail",
        label="Demandeurs d'emploi satisfaits de leur accompagnement",
        original_label="Taux de satisfaction des demandeurs d'emploi sur le suivi et l'accompagnement",
        family=Q, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="accompagnement-adapte",
        methods="Part des demandeurs d'emploi se déclarant satisfaits du suivi et de l'accompagnement de leur "
        "conseiller. Enquête trimestrielle par courriel auprès des demandeurs inscrits depuis au moins "
        "trois mois. " + SURVEY_NOTE,
        simulation=Simulation(base=69, spread=5, slope=0.3, low=30, high=99, sample_share=0.8),
    ),
    Indicator(
        id="ft-satisfaction-entreprises", network_id="france-travail",
        label="Entreprises satisfaites du traitement de leurs offres",
        original_label="Taux de satisfaction des entreprises sur le traitement de leur dernier recrutement",
        family=Q, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="reponses-claires",
        methods="Part des employeurs satisfaits de l'aide apportée par l'agence pour leur dernier recrutement. "
        "Enquête trimestrielle auprès des entreprises ayant déposé une offre. " + SURVEY_NOTE,
        simulation=Simulation(base=76, spread=6, slope=0.2, low=30, high=99, sample_share=0.35),
    ),
    Indicator(
        id="ft-entretien-15-jours", network_id="france-travail",
        label="Premier entretien dans les 15 jours suivant l'inscription",
        original_label="Taux d'entretiens de situation réalisés à J+15",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Part des nouveaux inscrits ayant eu leur premier entretien avec un conseiller dans les 15 jours "
        "calendaires suivant leur inscription.",
        simulation=Simulation(base=82, spread=7, slope=0.4, noise=3, low=30, high=100),
    ),
    Indicator(
        id="ft-attente-accueil", network_id="france-travail", label="Temps d'attente à l'accueil",
        original_label="Temps d'attente moyen en zone d'accueil (sans rendez-vous)",
        family=P, unit="minutes", direction=DOWN, decimals=0, frequency=QUARTERLY, commitment_id="accueil-attentif",
        methods="Durée moyenne entre la prise de ticket à la borne d'accueil et la prise en charge par un "
        "conseiller, pour les visites sans rendez-vous. Source : système de gestion de file d'attente.",
        simulation=Simulation(base=12, spread=4, slope=-0.1, noise=2, low=2, high=60),
    ),
    Indicator(
        id="ft-reclamations-15-jours", network_id="france-travail", label="Réclamations traitées en moins de 15 jours",
        original_label="Taux de réponse aux réclamations sous 15 jours",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="reponses-claires",
        methods="Part des réclamations écrites ayant reçu une réponse dans les 15 jours calendaires suivant leur "
        "réception, toutes voies confondues (espace personnel, courrier, médiateur régional).",
        simulation=Simulation(base=80, spread=7, slope=0.3, noise=3, low=20, high=100),
    ),
    # -- Finances publiques ---------------------------------------------------------------------
    Indicator(
        id="sip-attente-guichet", network_id="finances-publiques", label="Temps d'attente au guichet",
        original_label="Délai moyen d'attente à l'accueil physique",
        family=P, unit="minutes", direction=DOWN, decimals=0, frequency=MONTHLY, commitment_id="accueil-attentif",
        methods="Durée moyenne d'attente des usagers reçus sans rendez-vous, mesurée par le système de gestion de "
        "file d'attente, calculée chaque mois. La période de déclaration des revenus (avril à juin) "
        "allonge l'attente.",
        simulation=Simulation(base=14, spread=5, slope=-0.15, noise=3, low=2, high=90, season=TAX_SEASON),
    ),
    Indicator(
        id="sip-messagerie-7-jours", network_id="finances-publiques",
        label="Messages en ligne traités en moins de 7 jours",
        original_label="Taux de traitement des e-contacts à J+7",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="reponses-claires",
        methods="Part des messages déposés dans la messagerie sécurisée de l'espace particulier sur impots.gouv.fr "
        "ayant reçu une réponse dans les 7 jours calendaires.",
        simulation=Simulation(base=83, spread=6, slope=0.3, noise=2.5, low=20, high=100),
    ),
    Indicator(
        id="sip-reclamations-30-jours", network_id="finances-publiques",
        label="Réclamations traitées en moins de 30 jours",
        original_label="Taux de traitement des réclamations contentieuses d'assiette à 30 jours",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Part des réclamations relatives à l'impôt sur le revenu et aux impôts locaux traitées dans les "
        "30 jours suivant leur réception. Source : application de suivi du contentieux.",
        simulation=Simulation(base=90, spread=4, slope=0.2, noise=2, low=30, high=100),
    ),
    Indicator(
        id="sip-note-rendez-vous", network_id="finances-publiques", label="Note donnée aux rendez-vous",
        original_label="Note moyenne de satisfaction des rendez-vous (téléphone et guichet)",
        family=Q, unit="score_10", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="accueil-attentif",
        methods="Note moyenne sur 10 donnée par les usagers après un rendez-vous pris sur impots.gouv.fr, au "
        "guichet ou par téléphone. Intervalle de confiance à 95 % (loi normale).",
        simulation=Simulation(base=8.4, spread=0.3, slope=0.01, low=0, high=10, sample_share=0.6),
    ),
    # -- Police nationale -----------------------------------------------------------------------
    Indicator(
        id="police-attente-plainte", network_id="police-nationale", label="Temps d'attente pour déposer plainte",
        original_label="Délai moyen d'attente avant audition - plaintes sans rendez-vous",
        family=P, unit="minutes", direction=DOWN, decimals=0, frequency=MONTHLY, commitment_id="accueil-attentif",
        methods="Durée moyenne entre l'arrivée de la victime à l'accueil du commissariat et le début de la prise "
        "de plainte, pour les plaintes déposées sans rendez-vous. Relevé mensuel du registre d'accueil.",
        simulation=Simulation(base=45, spread=14, slope=-0.5, noise=7, low=5, high=240),
    ),
    Indicator(
        id="police-rdv-plainte-7-jours", network_id="police-nationale",
        label="Pré-plaintes en ligne suivies d'un rendez-vous sous 7 jours",
        original_label="Taux de rendez-vous honorés à J+7 après pré-plainte en ligne",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Part des pré-plaintes déposées sur le site officiel pour lesquelles la victime a été reçue au "
        "commissariat dans les 7 jours pour signer sa plainte.",
        simulation=Simulation(base=72, spread=10, slope=0.5, noise=4, low=10, high=100),
    ),
    Indicator(
        id="police-victimes-informees", network_id="police-nationale",
        label="Victimes informées des suites de leur plainte",
        original_label="Taux d'information des victimes sur les suites de la procédure",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="reponses-claires",
        methods="Part des victimes ayant déposé plainte dans le trimestre qui ont été recontactées (appel, SMS ou "
        "courrier) pour être informées des suites données à leur plainte.",
        simulation=Simulation(base=64, spread=9, slope=0.6, noise=4, low=10, high=100),
    ),
    # -- France Services ------------------------------------------------------------------------
    Indicator(
        id="fs-resolution-premier-passage", network_id="france-services",
        label="Demandes résolues dès le premier passage",
        original_label="Taux de résolution au premier contact",
        family=P, unit="percent", direction=UP, decimals=1, frequency=MONTHLY, commitment_id="bonne-orientation",
        methods="Part des demandes d'usagers réglées lors de leur première visite, sans nouveau rendez-vous ni "
        "réorientation, d'après le registre d'activité tenu par les conseillers. Calcul mensuel.",
        simulation=Simulation(base=88, spread=5, slope=0.15, noise=3, low=40, high=100),
    ),
    Indicator(
        id="fs-note-accompagnement", network_id="france-services", label="Note donnée à l'accompagnement",
        original_label="Note moyenne de satisfaction de l'accompagnement",
        family=Q, unit="score_10", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="accompagnement-adapte",
        methods="Note moyenne sur 10 donnée par les usagers, à la sortie ou par SMS, à l'aide reçue du conseiller "
        "France Services. Intervalle de confiance à 95 % (loi normale).",
        simulation=Simulation(base=9.1, spread=0.25, slope=0.0, low=0, high=10, sample_share=0.8),
    ),
    Indicator(
        id="fs-attente", network_id="france-services", label="Temps d'attente avant d'être reçu",
        original_label="Temps d'attente moyen avant prise en charge",
        family=P, unit="minutes", direction=DOWN, decimals=0, frequency=QUARTERLY, commitment_id="accueil-attentif",
        methods="Durée moyenne entre l'arrivée de l'usager et sa prise en charge par un conseiller, relevée sur "
        "deux semaines témoins par trimestre.",
        simulation=Simulation(base=7, spread=3, slope=-0.05, noise=1.5, low=1, high=60),
    ),
    Indicator(
        id="fs-satisfaction-nette", network_id="france-services", label="Satisfaction nette des usagers",
        original_label="Indice de recommandation France Services",
        family=Q, unit="points", direction=UP, decimals=0, frequency=QUARTERLY, commitment_id="ecoute-amelioration",
        methods="Question « Recommanderiez-vous cet espace France Services à un proche ? » notée de 0 à 10. "
        + NET_NOTE,
        simulation=Simulation(base=62, spread=8, slope=0.2, low=-100, high=100, sample_share=0.8),
    ),
    # -- Préfectures ----------------------------------------------------------------------------
    Indicator(
        id="pref-delai-titre-sejour", network_id="prefectures", label="Délai moyen de délivrance d'un titre de séjour",
        original_label="Délai moyen d'instruction des demandes de titre de séjour (ANEF)",
        family=P, unit="days", direction=DOWN, decimals=0, frequency=QUARTERLY, commitment_id="delais-annonces",
        methods="Nombre moyen de jours entre le dépôt d'une demande complète sur l'administration numérique pour "
        "les étrangers en France (ANEF) et la mise à disposition du titre. Renouvellements et premières "
        "demandes confondus.",
        simulation=Simulation(base=95, spread=25, slope=-1.5, noise=8, low=20, high=300),
    ),
    Indicator(
        id="pref-rdv-30-jours", network_id="prefectures", label="Rendez-vous obtenus en moins de 30 jours",
        original_label="Taux de rendez-vous proposés à moins de 30 jours",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="service-joignable",
        methods="Part des demandes de rendez-vous en ligne (titres, naturalisation, permis) pour lesquelles un "
        "créneau a été proposé dans les 30 jours.",
        simulation=Simulation(base=58, spread=15, slope=1.0, noise=5, low=5, high=100),
    ),
    Indicator(
        id="pref-satisfaction-nette", network_id="prefectures", label="Satisfaction nette des usagers",
        original_label="Indice de recommandation de l'accueil en préfecture",
        family=Q, unit="points", direction=UP, decimals=0, frequency=QUARTERLY, commitment_id="ecoute-amelioration",
        methods="Question « Recommanderiez-vous l'accueil de cette préfecture ? » notée de 0 à 10. " + NET_NOTE,
        simulation=Simulation(base=4, spread=12, slope=0.8, low=-100, high=100, sample_share=0.8),
    ),
    # -- ANTS -----------------------------------------------------------------------------------
    Indicator(
        id="ants-delai-titres", network_id="titres-securises",
        label="Délai de fabrication d'une carte d'identité ou d'un passeport",
        original_label="Délai moyen de production CNI / passeport (validation - mise à disposition)",
        family=P, unit="days", direction=DOWN, decimals=0, frequency=MONTHLY, commitment_id="delais-annonces",
        methods="Nombre moyen de jours entre la validation de la demande par la mairie et la mise à disposition "
        "du titre en mairie. Calcul mensuel sur l'ensemble des titres produits.",
        simulation=Simulation(base=18, spread=0, slope=-0.4, noise=2, low=5, high=90, season=PASSPORT_RUSH),
    ),
    Indicator(
        id="ants-note-pre-demande", network_id="titres-securises", label="Note donnée à la pré-demande en ligne",
        original_label="Note moyenne de satisfaction de la pré-demande en ligne",
        family=Q, unit="score_10", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="demarches-simples",
        methods="Note moyenne sur 10 donnée à la fin de la pré-demande en ligne de carte d'identité, de passeport "
        "ou de permis de conduire. Intervalle de confiance à 95 % (loi normale).",
        simulation=Simulation(base=7.4, spread=0, slope=0.03, low=0, high=10, sample_share=0.7),
    ),
    Indicator(
        id="ants-reponse-5-jours", network_id="titres-securises", label="Demandes écrites traitées en moins de 5 jours",
        original_label="Taux de réponse aux demandes d'assistance à J+5",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="reponses-claires",
        methods="Part des demandes d'assistance déposées en ligne ayant reçu une réponse dans les 5 jours ouvrés.",
        simulation=Simulation(base=74, spread=0, slope=0.8, noise=3, low=10, high=100),
    ),
    # -- Justice --------------------------------------------------------------------------------
    Indicator(
        id="justice-attente", network_id="justice", label="Temps d'attente à l'accueil du tribunal",
        original_label="Temps d'attente moyen au SAUJ",
        family=P, unit="minutes", direction=DOWN, decimals=0, frequency=QUARTERLY, commitment_id="accueil-attentif",
        methods="Durée moyenne entre l'arrivée au service d'accueil unique du justiciable et la prise en charge "
        "par un agent, relevée sur deux semaines témoins par trimestre.",
        simulation=Simulation(base=11, spread=4, slope=-0.05, noise=2.5, low=1, high=90),
    ),
    Indicator(
        id="justice-reponse-15-jours", network_id="justice", label="Demandes écrites traitées en moins de 15 jours",
        original_label="Taux de réponse aux courriers et courriels du SAUJ à 15 jours",
        family=P, unit="percent", direction=UP, decimals=1, frequency=QUARTERLY, commitment_id="reponses-claires",
        methods="Part des demandes d'information reçues par courrier ou courriel ayant reçu une réponse dans les "
        "15 jours calendaires.",
        simulation=Simulation(base=77, spread=8, slope=0.3, noise=4, low=10, high=100),
    ),
)


def network_indicators(network_id: str) -> list[Indicator]:
    """Common indicators first, then the network's own, in catalog order."""
    return [i for i in INDICATORS if i.network_id in ("", network_id)]


def network_by_id(network_id: str) -> Network:
    return next(n for n in NETWORKS if n.id == network_id)
