"""French words in another language's sentence, `<span lang="fr">`-marked without trusting the data."""

from __future__ import annotations

from markupsafe import Markup
from results.i18n.marking import mark_french


def test_a_french_label_is_wrapped_and_the_rest_escaped() -> None:
    marked = mark_french("National trend: Appels décrochés & co", {"Appels décrochés"})
    assert marked == 'National trend: <span lang="fr">Appels décrochés</span> &amp; co'
    assert isinstance(marked, Markup)  # a template prints it as is


def test_markup_in_the_data_is_escaped_inside_and_outside_the_mark() -> None:
    label = '<img src=x onerror="alert(1)">'
    marked = mark_french(f"Trend: {label} <script>alert(2)</script>", {label})
    assert marked == ('Trend: <span lang="fr">&lt;img src=x onerror=&#34;alert(1)&#34;&gt;</span> '
                      "&lt;script&gt;alert(2)&lt;/script&gt;")
    assert "<img" not in marked and "<script" not in marked


def test_only_whole_words_and_the_longest_label_are_marked() -> None:
    marked = mark_french("CAF, CAFÉ, Délai moyen", {"CAF", "Délai", "Délai moyen"})
    assert marked == '<span lang="fr">CAF</span>, CAFÉ, <span lang="fr">Délai moyen</span>'


def test_a_kept_proper_name_is_left_whole() -> None:
    marked = mark_french("Results over time: CAF de Paris; CAF", {"CAF"}, keep=("CAF de Paris",))
    assert marked == 'Results over time: CAF de Paris; <span lang="fr">CAF</span>'


def test_a_label_never_matches_inside_an_escaped_character() -> None:
    """The plain text is searched, then escaped: « quot » is not found in `&quot;`, « 39 » not in `&#39;`."""
    assert mark_french("l'avis \"x\"", {"39", "quot"}) == "l&#39;avis &#34;x&#34;"


def test_without_french_labels_the_text_is_only_escaped() -> None:
    assert mark_french("a < b", set()) == "a &lt; b"
