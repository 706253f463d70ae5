"""find_mentions on one fixture file of cases, and find_targets' tie-break."""

import datetime

import pytest
import yaml

from generator.link.citations import Mention, Target, find_mentions, find_targets, get_patterns
from tests.paths import FIXTURES

CASES = yaml.safe_load((FIXTURES / "mentions.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_find_mentions(case):
    text = case["text"]
    mentions = find_mentions(text, case["lang"])
    found = [[text[m.start : m.end], m.date, m.paragraph] for m in mentions]
    assert found == case["mentions"]


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


def test_one_target_of_that_date_is_the_target():
    only = target("Anything")
    assert find_targets(mention("kazakhstan"), "en", [only, target("Other", day="2010-01-01")]) == (only,)


def test_no_target_of_that_date():
    assert find_targets(mention("kazakhstan"), "en", [target("Kazakhstan", day="2010-01-01")]) == ()


def test_same_date_told_apart_by_subject_words():
    asia, belarus = target("Strategy for Central Asia"), target("Situation in Belarus")
    assert find_targets(mention("central", "asia"), "en", [asia, belarus]) == (asia,)


def test_same_date_and_no_telling_subject_is_ambiguous():
    asia, belarus = target("Strategy for Central Asia"), target("Situation in Belarus")
    assert find_targets(mention("human", "rights"), "en", [asia, belarus]) == (asia, belarus)
