"""Find, in a citation's text, the dates that name a text adopted by the Parliament itself.

Pure functions, no I/O. ``find_mentions`` reads one citation ("having regard to its
resolution of 17 September 2009 on ...", "vu sa résolution du 15 décembre 2011 sur ...",
"its position at first reading of 16 April 2014", "ses résolutions du A, du B et du C")
and returns the date phrases that name one of the Parliament's own texts, with the
paragraph named and the subject words that say what the cited text is about.
``find_targets`` picks, among the known texts, the ones a mention can mean: of its date,
and not about something else.

Only the Parliament's own texts are mentions: a date must be reached from "its/sa/ses
resolution(s)" (or "legislative resolution", "position", "recommendation", "decision",
"European Parliament resolution"), directly ("of", "du"), after the subject ("on X of",
"sur X du"), through a word that refers back to them ("the one of", "that of", "those
of", "celle du", "celles du"), or as the next date of a list ("of A on X, of B on Y and of
C", "du A, du B et du C"). "The Statement by ... of 17 December 2011" or "the report ...
of 28 January 2011" name other bodies' texts: no mention.
"""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from babel import Locale

from generator.languages import LANGUAGES
from generator.parse.lang import get_grammar


@dataclass(frozen=True)
class Mention:
    """A date phrase in a citation that names one of the Parliament's resolutions."""

    start: int
    """Offset of the date phrase ("17 September 2009") in the citation's text."""
    end: int
    """End offset (exclusive) of the date phrase."""
    date: datetime.date
    """The date the phrase names."""
    paragraph: str | None = None
    """The paragraph named ("paragraph 3 of its resolution ..." -> ``"3"``), if any."""
    subject: tuple[str, ...] = ()
    """Normalised content words of what the cited text is about ("kazakhstan"): the
    subject of the whole clause ("its resolutions on China, in particular those of ...")
    and this date's own ("of 4 October 2018 on mass arbitrary detention of Uyghurs").
    The words of the cited title: a text of that date whose title shares none of them is
    not the one cited."""
    kind: str = "resolution"
    """What the citation calls the text, in English: "resolution", "legislative
    resolution", "position", "recommendation" or "decision" (for messages)."""


@dataclass(frozen=True)
class Target:
    """A text a mention may name: a resolution of the corpus or an entry of references.yml."""

    date: datetime.date
    title: Mapping[str, str]
    """Title by language."""
    slug: str = ""
    """Slug of a text of the corpus; "" for an external reference."""
    url: Mapping[str, str] = field(default_factory=dict)
    """URL by language, for an external reference."""
    eids: frozenset[str] = frozenset()
    """The unit ids of a text of the corpus (to check a paragraph deep link)."""

    @property
    def label(self) -> str:
        """How a message names this target: its slug, or its title in the first language
        of the registry (else in any)."""
        if self.slug:
            return self.slug
        return self.title.get(LANGUAGES[0]) or next(iter(self.title.values()), "") or str(self.date)


def fold(text: str) -> str:
    """Lowercase without accents: "Décembre" -> "decembre"."""
    if text.isascii():  # nothing to decompose, and the character by character way is slow
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


FOOTNOTE_CALL = r"(?:\s*,?\s*(?:\(\d{1,3}\)|\[\d{1,3}\]))"
"""A footnote call after a cited title, as the Parliament's pages print it: "SMEs(1)",
"minorities[1]", "Union européenne,(2)"."""

KINDS = (("legislat", "legislative resolution"), ("posit", "position"), ("recom", "recommendation"), ("decis", "decision"))
"""A word of an anchor (folded, both languages) -> what a message calls the cited text;
"resolution" when none is there."""

WORDS_PREFIX = 6
"""Subject and title words are compared by their first letters: "Uyghurs" and "Uyghur",
"reindustrialising" and "reindustrialisation", "minorités" and "minorité" are one word."""


@dataclass(frozen=True)
class LanguagePatterns:
    """The compiled patterns of one language (built once per language)."""

    date: re.Pattern
    months: Mapping[str, int]
    anchor: re.Pattern
    direct: re.Pattern
    subject: re.Pattern
    backref: re.Pattern
    subject_break: re.Pattern
    list_gap: re.Pattern
    """What stands between two dates of a list: the earlier date's own subject (in group
    ``subject``), a footnote call, a joiner."""
    paragraph_before: re.Pattern
    paragraph_after: re.Pattern
    stopwords: frozenset[str]


@cache
def get_patterns(lang: str) -> LanguagePatterns:
    """Compile the patterns of ``lang`` once: its grammar's phrases, babel's month names."""
    phrases = get_grammar(lang).citation_phrases
    months_data = Locale.parse(lang).months
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in months_data[context]["wide"].items():
            # The folded form too: scraped French pages sometimes lose accents ("decembre").
            months[name.lower()] = number
            months[fold(name)] = number
    alternatives = "|".join(map(re.escape, sorted(months, key=len, reverse=True)))
    flags = re.IGNORECASE
    return LanguagePatterns(
        date=re.compile(rf"\b{phrases['day']}\s+({alternatives})\s+(\d{{4}})\b", flags),
        months=months,
        stopwords=frozenset(phrases["stopwords"].split()),
        list_gap=re.compile(rf"^(?P<subject>{phrases['list_subject']})?{FOOTNOTE_CALL}?{phrases['joiner']}$", flags),
        **{
            name: re.compile(phrases[name], flags)
            for name in (
                "anchor", "direct", "subject", "backref", "subject_break",
                "paragraph_before", "paragraph_after",
            )
        },
    )


def parse_date(match: re.Match, patterns: LanguagePatterns) -> datetime.date | None:
    day, month, year = match.groups()
    day = 1 if day.lower() == "1er" else int(day)
    try:
        return datetime.date(int(year), patterns.months[month.lower()], day)
    except ValueError:  # "31 February 2011": not a date, so not a mention
        return None


def content_words(text: str, stopwords: Iterable[str]) -> tuple[str, ...]:
    """The folded words of ``text`` that say what it is about (no stopwords, dates, numbers)."""
    stop = set(stopwords)
    words = re.findall(r"\w+", fold(text))
    return tuple(dict.fromkeys(w for w in words if len(w) > 2 and w not in stop and not w.isdigit()))


def reaches_date(gap: str, patterns: LanguagePatterns) -> bool:
    """Whether the text between "its resolution(s)" and a date leads to that date."""
    if patterns.backref.search(gap) or patterns.direct.match(gap):
        return True
    return bool(patterns.subject.match(gap)) and not patterns.subject_break.search(gap)


def may_name_own_text(text: str) -> bool:
    """False when ``text`` surely names no text of the Parliament.

    Every anchor holds "olut" (resolution), "ommend"/"ommand" (recommendation,
    recommandation), "osit" (position) or "cisi" (decision, décision) in some case: most
    citations have none, and these searches are much faster than looking for anchors,
    which weighed on the link stage (bench/RESULTS.md). Not the whole words: the anchor
    pattern ignores case, and so also takes "ſ" for "s" and "ı" for "i", which lower()
    does not turn into "s" and "i"; a "poſition" or a "decıſion" (in no page of the
    Parliament) is not looked at.
    """
    lowered = text.lower()
    # Written out: any() over the stems took a good part of this function's time.
    return "olut" in lowered or "osit" in lowered or "cisi" in lowered or "ommend" in lowered or "ommand" in lowered


def kind_of(anchor: str) -> str:
    folded = fold(anchor)
    return next((kind for stem, kind in KINDS if stem in folded), "resolution")


def find_mentions(text: str, lang: str) -> list[Mention]:
    """The date phrases of ``text`` that name a text adopted by the Parliament, in order."""
    if not may_name_own_text(text):
        return []
    patterns = get_patterns(lang)
    anchors = list(patterns.anchor.finditer(text))
    if not anchors:
        return []
    dates = [d for d in patterns.date.finditer(text) if parse_date(d, patterns)]
    date_starts = [d.start() for d in dates]
    date_ends = [d.end() for d in dates]  # sorted too: the dates do not overlap
    mentions: list[Mention] = []
    for index, anchor in enumerate(anchors):
        # An anchor's reach ends at the next anchor or at the end of the clause.
        scope_end = anchors[index + 1].start() if index + 1 < len(anchors) else len(text)
        semicolon = text.find(";", anchor.end(), scope_end)
        scope_end = semicolon if semicolon >= 0 else scope_end
        first = bisect.bisect_left(date_starts, anchor.end())
        in_scope = dates[first : max(first, bisect.bisect_right(date_ends, scope_end))]
        if not in_scope or not reaches_date(text[anchor.end() : in_scope[0].start()], patterns):
            continue
        group = [in_scope[0]]
        own_subjects: list[str] = []
        for date in in_scope[1:]:  # "those of A and B", "of A on X, of B on Y", "du A, du B et du C"
            gap = patterns.list_gap.match(text[group[-1].end() : date.start()])
            if not gap:
                break
            own_subjects.append(gap.group("subject") or "")
            group.append(date)
        rest_end = in_scope[len(group)].start() if len(group) < len(in_scope) else scope_end
        after = text[group[-1].end() : rest_end]
        # "... of 17 September 2009 and to the Council conclusions ...": not its subject.
        cut = patterns.subject_break.search(after)
        own_subjects.append(after[: cut.start() if cut else None])
        # "its resolutions of A, B and C on Kazakhstan": a date without a subject of its
        # own has the one of the next date that has one.
        for position in range(len(own_subjects) - 2, -1, -1):
            if not content_words(own_subjects[position], patterns.stopwords):
                own_subjects[position] = own_subjects[position + 1]
        shared_subject = text[anchor.end() : group[0].start()]
        # "paragraph 3 of " stands right before the anchor: look at the few words there only.
        before = patterns.paragraph_before.search(text, max(0, anchor.start() - 40), anchor.start())
        after_paragraph = patterns.paragraph_after.search(after)
        kind = kind_of(anchor.group())
        for position, date in enumerate(group):
            named = parse_date(date, patterns)
            assert named is not None  # only dates that parse are in ``dates``
            paragraph = None
            if before and position == 0:
                paragraph = before.group(1)
            elif after_paragraph and position == len(group) - 1:
                paragraph = next(g for g in after_paragraph.groups() if g)
            subject = content_words(
                patterns.date.sub(" ", f"{shared_subject} {own_subjects[position]}"), patterns.stopwords
            )
            mentions.append(
                Mention(
                    start=date.start(),
                    end=date.end(),
                    date=named,
                    paragraph=paragraph,
                    subject=subject,
                    kind=kind,
                )
            )
    return mentions


@dataclass(frozen=True)
class TargetChoice:
    """What ``find_targets`` makes of a mention."""

    targets: tuple[Target, ...]
    """The texts it may name: none (unresolved), one (resolved) or several (ambiguous)."""
    other_subjects: tuple[Target, ...] = ()
    """The texts of its date left out because their titles are about something else."""


def compared_words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w[:WORDS_PREFIX] for w in words)


@cache
def title_words(title: str, lang: str) -> frozenset[str]:
    """The compared words of a title ("European Parliament resolution of 11 March 2014 on
    the eradication of torture" -> {"eradic", "tortur"}): no stopwords, no dates."""
    patterns = get_patterns(lang)
    return compared_words(content_words(patterns.date.sub(" ", title), patterns.stopwords))


@cache
def get_generic_words() -> frozenset[str]:
    """The compared words that many titles share, of every language ("situat", "rights")."""
    return compared_words(w for code in LANGUAGES for w in get_grammar(code).citation_phrases["generic_words"].split())


def subject_agreement(mention: Mention, target: Target) -> int | None:
    """How many of the mention's subject words the target's titles share; None when
    that cannot tell.

    0 is a disagreement: the subject and the target's titles both have words that say
    what they are about (not only words many titles share, "situation", "human rights"),
    and share none of those. A target's titles in every language count: names and
    cognates are often the same ("Kazakhstan", "stratégie"/"strategy"), and a text only
    in another language that shares no word is not taken on its date alone (``check``
    names it, and a version in the citation's language, or its title there, settles it).
    """
    subject = compared_words(mention.subject)
    titles = frozenset().union(
        *(title_words(title, code) for code, title in target.title.items() if code in LANGUAGES)
    )
    shared = subject & titles
    generic = get_generic_words()
    if shared - generic or not subject - generic or not titles - generic:
        return len(shared) or None
    return 0


def find_targets(mention: Mention, targets: Iterable[Target]) -> TargetChoice:
    """The targets ``mention`` may name, among ``targets``: those of its date whose titles
    do not disagree with its subject (see :func:`subject_agreement`).

    Several left are told apart by the number of subject words their titles share; a tie
    leaves them all, and the caller reports the ambiguity.
    """
    same_date = [t for t in targets if t.date == mention.date]
    agreements = [(t, subject_agreement(mention, t)) for t in same_date]
    kept = [(t, a) for t, a in agreements if a != 0]
    other_subjects = tuple(t for t, a in agreements if a == 0)
    best = max((a or 0 for _, a in kept), default=0)
    return TargetChoice(tuple(t for t, a in kept if (a or 0) == best), other_subjects)
