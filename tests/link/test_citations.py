"""find_mentions on one fixture file of cases, and find_targets: date, then subject."""

import datetime

import pytest
import yaml

from generator.link.citations import Mention, Target, TargetChoice, find_mentions, find_targets, get_patterns
from tests.paths import FIXTURES

CASES = yaml.safe_load((FIXTURES / "mentions.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_find_mentions(case):
    text = case["text"]
    mentions = find_mentions(text, case["lang"])
    found = [[text[m.start : m.end], m.date, m.paragraph] for m in mentions]
    assert found == [expected[:3] for expected in case["mentions"]]
    for mention, expected in zip(mentions, case["mentions"], strict=True):
        words = expected[3] if len(expected) > 3 else {}
        assert set(words.get("has", "").split()) <= set(mention.subject), mention.subject
        assert not set(words.get("lacks", "").split()) & set(mention.subject), mention.subject
    if "kind" in case:
        assert {m.kind for m in mentions} == {case["kind"]}


def test_month_names_come_from_babel_in_both_contexts():
    assert get_patterns("fr").months["août"] == 8
    assert get_patterns("fr").months["aout"] == 8
    assert get_patterns("en").months["december"] == 12


def test_subject_words_say_what_the_resolution_is_about():
    [mention] = find_mentions(
        "having regard to its resolution on a EU Strategy for Central Asia of 15 December 2011,", "en"
    )
    assert {"strategy", "central", "asia"} <= set(mention.subject)
    assert "resolution" not in mention.subject


def target(title: str, slug: str = "", day: str = "2011-12-15") -> Target:
    return Target(date=datetime.date.fromisoformat(day), title={"en": title}, slug=slug)


def mention(*subject: str, day: str = "2011-12-15") -> Mention:
    return Mention(0, 16, datetime.date.fromisoformat(day), subject=subject)


def test_one_target_of_that_date_and_its_subject_is_the_target():
    only = target("Kazakhstan: the case of Yevgeni Zhovtis")
    choice = find_targets(mention("kazakhstan"), [only, target("Kazakhstan", day="2010-01-01")])
    assert choice == TargetChoice((only,))


def test_a_citation_without_subject_words_takes_the_one_text_of_its_date():
    only = target("Anything")
    assert find_targets(mention(), [only]) == TargetChoice((only,))


def test_no_target_of_that_date():
    assert find_targets(mention("kazakhstan"), [target("Kazakhstan", day="2010-01-01")]) == TargetChoice(())


def test_the_one_text_of_that_date_on_another_subject_is_not_the_target():
    smes = target("Green growth opportunities for SMEs")
    assert find_targets(mention("eradication", "torture"), [smes]) == TargetChoice((), (smes,))


def test_the_text_whose_subject_agrees_wins_over_one_that_disagrees():
    torture, smes = target("Eradication of torture in the world"), target("Green growth opportunities for SMEs")
    assert find_targets(mention("eradication", "torture"), [smes, torture]) == TargetChoice((torture,), (smes,))


def test_words_are_compared_by_their_first_letters_and_across_languages():
    uyghurs = Target(
        date=datetime.date(2011, 12, 15),
        title={"en": "China Cables: the situation of the Uyghur minority", "fr": "Les Ouïghours en Chine"},
    )
    assert find_targets(mention("detention", "uyghurs"), [uyghurs]).targets == (uyghurs,)
    assert find_targets(mention("ouighours"), [uyghurs]).targets == (uyghurs,)


def test_a_title_only_in_another_language_is_compared_too():
    asia = Target(date=datetime.date(2011, 12, 15), title={"fr": "Stratégie de l'UE pour l'Asie centrale"})
    assert find_targets(mention("strategy", "central", "asia"), [asia]) == TargetChoice((asia,))
    assert find_targets(mention("fishermen", "baltic"), [asia]) == TargetChoice((), (asia,))


def test_words_many_titles_share_do_not_make_a_subject_agree():
    nicaragua = target("Situation of human rights in Nicaragua")
    assert find_targets(mention("situation", "human", "rights", "china"), [nicaragua]).targets == ()


def test_same_date_told_apart_by_subject_words():
    asia, belarus = target("Strategy for Central Asia"), target("Situation in Belarus")
    assert find_targets(mention("central", "asia"), [asia, belarus]) == TargetChoice((asia,), (belarus,))


def test_same_date_and_no_subject_is_ambiguous():
    asia, belarus = target("Strategy for Central Asia"), target("Situation in Belarus")
    assert find_targets(mention(), [asia, belarus]) == TargetChoice((asia, belarus))


def test_titles_lose_their_dates_and_type_words():
    reference = target("European Parliament resolution of 15 December 2011 on Belarus")
    assert find_targets(mention("december", "parliament"), [reference]).targets == ()
