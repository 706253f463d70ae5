"""Find, in a citation's text, the dates that name a resolution of the Parliament itself.

Pure functions, no I/O. ``find_mentions`` reads one citation ("having regard to its
resolution of 17 September 2009 on ...", "vu sa résolution du 15 décembre 2011 sur ...")
and returns the date phrases that name one of the Parliament's own texts, with the
paragraph named and the subject words used to tell apart two texts of the same day.
``find_targets`` picks, among the known texts, the ones a mention can mean.

Only the Parliament's own resolutions are mentions: a date must be reached from
"its/sa/ses resolution(s)" (or "European Parliament resolution"), directly ("of", "du"),
after the subject ("on X of", "sur X du"), or through a word that refers back to them
("the one of", "those of", "celle du", "celles du"). "The Statement by ... of 17 December
2011" or "the report ... of 28 January 2011" name other bodies' texts: no mention.
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
    """Normalised content words around the mention ("kazakhstan"), to tell apart
    two texts of the same date."""


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
        """How a message names this target: its slug, or its English (else any) title."""
        if self.slug:
            return self.slug
        return self.title.get("en") or next(iter(self.title.values()), "") or str(self.date)


def fold(text: str) -> str:
    """Lowercase without accents: "Décembre" -> "decembre"."""
    if text.isascii():  # nothing to decompose; the character by character way is 10x slower
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
    joiner: re.Pattern
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
        **{
            name: re.compile(phrases[name], flags)
            for name in (
                "anchor", "direct", "subject", "backref", "subject_break",
                "joiner", "paragraph_before", "paragraph_after",
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


def find_mentions(text: str, lang: str) -> list[Mention]:
    """The date phrases of ``text`` that name a resolution of the Parliament, in order."""
    # Every anchor holds "resolution"/"résolution", so "olut" in some case: most citations
    # have none, and this test is 6 times faster than looking for anchors (a sixth of the
    # link stage). Not "resolution": the anchor pattern ignores case, and so also takes
    # "ſ" for "s" and "ı" for "i", which lower() does not turn into "s" and "i".
    if "olut" not in text.lower():
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
        for date in in_scope[1:]:  # "those of A and B", "celles du A et du B"
            if not patterns.joiner.match(text[group[-1].end() : date.start()]):
                break
            group.append(date)
        rest_end = in_scope[len(group)].start() if len(group) < len(in_scope) else scope_end
        after = text[group[-1].end() : rest_end]
        # "paragraph 3 of " stands right before the anchor: look at the few words there only.
        before = patterns.paragraph_before.search(text, max(0, anchor.start() - 40), anchor.start())
        after_paragraph = patterns.paragraph_after.search(after)
        # "... of 17 September 2009 and to the Council conclusions ...": not its subject.
        cut = patterns.subject_break.search(after)
        subject = content_words(
            patterns.date.sub(
                " ", text[anchor.end() : group[0].start()] + " " + after[: cut.start() if cut else None]
            ),
            patterns.stopwords,
        )
        for position, date in enumerate(group):
            named = parse_date(date, patterns)
            assert named is not None  # only dates that parse are in ``dates``
            paragraph = None
            if before and position == 0:
                paragraph = before.group(1)
            elif after_paragraph and position == len(group) - 1:
                paragraph = next(g for g in after_paragraph.groups() if g)
            mentions.append(
                Mention(
                    start=date.start(),
                    end=date.end(),
                    date=named,
                    paragraph=paragraph,
                    subject=subject,
                )
            )
    return mentions


def find_targets(mention: Mention, lang: str, targets: Iterable[Target]) -> tuple[Target, ...]:
    """The targets ``mention`` may name: none, one (resolved) or several (ambiguous).

    Several texts of the same date are told apart by the words their titles share with
    the mention's subject; a tie leaves them all, and the caller reports the ambiguity.
    """
    same_date = [t for t in targets if t.date == mention.date]
    if len(same_date) < 2:
        return tuple(same_date)
    stopwords = get_patterns(lang).stopwords
    subject = set(mention.subject)

    def overlap(target: Target) -> int:
        title = target.title.get(lang) or " ".join(target.title.values())
        return len(subject & set(content_words(title, stopwords)))

    best = max(map(overlap, same_date))
    return tuple(t for t in same_date if overlap(t) == best)
