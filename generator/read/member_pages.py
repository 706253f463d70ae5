"""A page of the Parliament's MEP site about one Member -> a ``meps.yml`` entry.

The site (``https://www.europarl.europa.eu/meps/<lang>/<id>/<NAME>/...``) prints the same
header on every page of a Member: name, political group, country and national party,
the e-mail address and the Member's own links. The home page of a current Member adds
the offices in Brussels and Strasbourg; a "history of parliamentary service" page
(``.../history/<term>``) lists the groups and national parties of one term, with dates.
A former Member's home page is their last term's history page. What a page does not
show stays out of the entry: nothing is guessed.

Quirks of the site handled here:

- Two class-name prefixes: ``es_`` in the current layout, ``erpl_`` in the older one
  (``es_contact-card`` / ``erpl_contact-card``).
- The e-mail address is written backwards with ``[at]`` and ``[dot]`` against harvesting
  (``ue[dot]aporue.lraporue[at]alotlaa.akim``), and decoded by a script on the page.
- The page's footer has share buttons (Facebook, X, LinkedIn, WhatsApp) that are the
  site's, not the Member's: only the links in the Member's header (``#presentationmep``)
  are theirs.
- Phone numbers are printed with the ``00`` international prefix ("0032 2 28 45975");
  they are written with ``+``, which dials from anywhere and is what ``tel:`` URIs want.
- The national party is followed by its country in parentheses ("Forza Italia (Italy)").
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Tag

from generator.errors import InputError
from generator.names import display_name, split_name
from generator.read.side_files import EMAIL_RE, PHONE_RE, WEB_URL_RE

PREFIXES = ("es_", "erpl_")
"""The site's class-name prefixes, current layout first."""

MEMBER_PATH_RE = re.compile(r"/meps/[a-z]{2}/(\d+)(?:/[^/?#]*)?(?:/history/(\d+))?")
"""A Member's page: ``/meps/en/256810/MIKA_AALTOLA/home``, ``.../history/9``."""
HISTORY_LINK_RE = re.compile(r"/meps/[a-z]{2}/(\d+)/[^/?#]+/history/(\d+)")
PHOTO_RE = re.compile(r"/mepphoto/(\d+)\.jpg")
DATES_RE = re.compile(r"^(\d{2})-(\d{2})-(\d{4})\s*(?:/\s*(\d{2})-(\d{2})-(\d{4})|\.\.\.)?$")
"""The dates of a history item: "02-07-2019 / 28-04-2021", or "16-07-2024 ..." while it lasts."""

LINK_NETWORKS = {"twitt": "x", "fb": "facebook"}
"""The header's ``link_<name>`` classes whose name is not the network's."""

HISTORY_HEADINGS = {
    "groups": {"political groups", "groupes politiques"},
    "national_parties": {"national parties", "partis nationaux"},
}
"""The headings of the history page's lists, as the English and French site print them."""


def classes(name: str) -> str:
    """A CSS selector for the class ``name`` under either of the site's prefixes."""
    return ", ".join(f".{prefix}{name}" for prefix in PREFIXES)


CONTROL_CHARACTERS = dict.fromkeys([*range(0x20), 0x7F, *range(0x80, 0xA0)], " ")
"""C0 and C1 controls: never part of a value (``meps.yml`` could not hold some of them)."""


def normalise(value: str) -> str:
    """Whitespace and control characters as single spaces, none at the ends."""
    return " ".join(value.translate(CONTROL_CHARACTERS).split())


def words(element: Tag | None) -> str:
    return normalise(element.get_text(" ")) if element else ""


def read_member_page(content: bytes, source: str, url: str = "", charset: str | None = None) -> dict:
    """The ``meps.yml`` entry of the Member a page is about (``source`` names it in errors;
    ``url`` is where it was fetched from, if it was)."""
    page = BeautifulSoup(content, "html.parser", from_encoding=charset)
    header = page.find(id="presentationmep")
    name_element = header.select_one(".sln-member-name") if isinstance(header, Tag) else None
    if not isinstance(header, Tag) or not words(name_element):
        raise InputError("not a Member's page of the Parliament's site (no name in a #presentationmep header)", source)
    printed = words(name_element)
    page_path = get_page_path(page, url)
    ep_id = get_ep_id(page_path, header)
    country, party = get_country_and_party(header)
    group = words(header.select_one(".sln-political-group-name"))
    email, website, social = get_links(header)
    terms = get_terms(page, page_path, ep_id, group, country)
    found: dict[str, object] = {
        "ep_id": ep_id,
        "country": country,
        # A former Member's header has no group or party: the latest of their history.
        "group": group or get_latest(terms, "groups"),
        "national_party": party or get_latest(terms, "national_parties"),
        "email": email,
        "website": website,
        "offices": list(get_offices(page)),
        "social": social,
        "terms": terms,
    }
    entry: dict[str, object] = {"name": display_name(printed), "surname": split_name(printed)[1], "kind": "mep"}
    entry.update((key, value) for key, value in found.items() if value)
    return entry


def get_latest(terms: list[dict], key: str) -> str:
    """The name of the membership (``groups``, ``national_parties``) that began last."""
    memberships = [item for term in terms for item in term.get(key, ())]
    return max(memberships, key=lambda item: item.get("from") or datetime.date.min)["name"] if memberships else ""


def get_page_path(page: BeautifulSoup, url: str) -> str:
    """The path of the page on the site: from its canonical link, else from where it was fetched."""
    canonical = page.find("link", rel="canonical")
    href = str(canonical.get("href") or "") if isinstance(canonical, Tag) else ""
    for candidate in (href, url):
        if MEMBER_PATH_RE.search(candidate):
            return candidate
    return ""


def get_ep_id(page_path: str, header: Tag) -> str:
    found = MEMBER_PATH_RE.search(page_path)
    if found:
        return found[1]
    photo = header.find("img", src=PHOTO_RE)
    found = PHOTO_RE.search(str(photo.get("src"))) if isinstance(photo, Tag) else None
    return found[1] if found else ""


def get_country_and_party(header: Tag) -> tuple[str, str]:
    """From the header's line "Finland - Kansallinen Kokoomus (Finland)" (or "Italy")."""
    for element in header.select(classes("title-h3")):
        if element.name == "div" and "sln-political-group-name" not in (element.get("class") or []):
            country, _dash, party = words(element).partition(" - ")
            return country, without_country(party, country)
    return "", ""


def without_country(party: str, country: str) -> str:
    suffix = f" ({country})"
    return party.removesuffix(suffix) if country and party.endswith(suffix) else party


def decode_email(href: str) -> str:
    """The address of the header's e-mail link, written backwards with [at] and [dot]."""
    if href.startswith("mailto:"):
        address = href.removeprefix("mailto:").split("?")[0]
    else:
        address = href.replace("[at]", "@").replace("[dot]", ".")[::-1]
    address = address.strip()
    return address if EMAIL_RE.match(address) else ""


def get_links(header: Tag) -> tuple[str, str, dict[str, str]]:
    """(e-mail, website, social links by network) of the Member's header."""
    email, website = "", ""
    social: dict[str, str] = {}
    for link in header.select("a[href]"):
        names = [c.removeprefix("link_") for c in link.get("class") or [] if c.startswith("link_")]
        if not names:
            continue
        network, href = LINK_NETWORKS.get(names[0], names[0]), normalise(str(link.get("href")))
        if network == "email":
            email = email or decode_email(href)
        elif not WEB_URL_RE.match(href):
            continue
        elif network == "website":
            website = website or href
        else:
            social.setdefault(network, href)
    return email, website, social


def international(phone: str) -> str:
    """"0032 2 28 45975" -> "+32 2 28 45975"."""
    phone = normalise(phone)
    return "+" + phone[2:].lstrip() if phone.startswith("00") else phone


def get_offices(page: BeautifulSoup) -> Iterable[dict]:
    """The contact cards: label ("Brussels"), address lines, phone."""
    for card in page.select(classes("contact-card")):
        label = words(card.select_one(classes("title-h3")))
        listing = card.select_one(classes("contact-card-list"))
        address_element = listing.find("span", recursive=False) if listing else None
        lines = address_element.get_text("\n").splitlines() if isinstance(address_element, Tag) else []
        address = [line for line in map(normalise, lines) if line]
        phone = ""
        for tel in card.select('a[href^="tel:"]'):
            phone = international(words(tel) or str(tel.get("href")).removeprefix("tel:"))
            if PHONE_RE.match(phone):
                break
            phone = ""
        if address or phone:
            office: dict = {"label": label} if label else {}
            if address:
                office["address"] = address
            if phone:
                office["phone"] = phone
            yield office


def parse_day(day: str, month: str, year: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def get_terms(page: BeautifulSoup, page_path: str, ep_id: str, group: str, country: str) -> list[dict]:
    """The terms the page's menu lists (newest first), the shown term with its groups and parties."""
    numbers = set()
    for link in page.select('a[href*="/history/"]'):
        found = HISTORY_LINK_RE.search(str(link.get("href")))
        if found and found[1] == ep_id:
            numbers.add(int(found[2]))
    shown = get_shown_term(page, page_path, ep_id)
    details: dict[str, list[dict]] = {}
    if shown:
        numbers.add(shown)
        details = get_history(page, group, country)
    terms = []
    for number in sorted(numbers, reverse=True):
        term: dict = {"number": number}
        if number == shown:
            term.update(details)
        terms.append(term)
    return terms


def get_shown_term(page: BeautifulSoup, page_path: str, ep_id: str) -> int | None:
    """The term a history page is about: in its path, else its menu's selected item."""
    found = MEMBER_PATH_RE.search(page_path)
    if found and found[2]:
        return int(found[2])
    for item in page.select('li[data-selected="true"] > a[href*="/history/"]'):
        found = HISTORY_LINK_RE.search(str(item.get("href")))
        if found and found[1] == ep_id:
            return int(found[2])
    return None


def get_history(page: BeautifulSoup, group: str, country: str) -> dict[str, list[dict]]:
    """The dated lists of a history page: political groups and national parties."""
    history: dict[str, list[dict]] = {}
    status = page.find(id="status")
    if not isinstance(status, Tag):
        return history
    for block in status.select(classes("meps-status")):
        heading = words(block.find("h4")).casefold()
        key = next((key for key, headings in HISTORY_HEADINGS.items() if heading in headings), None)
        if key is None:
            continue
        for item in block.select("li"):
            membership = get_membership(item, key, group, country)
            if membership:
                history.setdefault(key, []).append(membership)
    return history


def get_membership(item: Tag, key: str, group: str, country: str) -> dict | None:
    """One item: "<strong>02-07-2019 / 28-04-2021</strong> : Group of ... - Member"."""
    dates = item.find("strong")
    found = DATES_RE.match(words(dates)) if isinstance(dates, Tag) else None
    if not found or not isinstance(dates, Tag):
        return None
    dates.extract()
    name = words(item).removeprefix(":").strip()
    role = ""
    if key == "groups" and name != group and " - " in name:
        name, role = (part.strip() for part in name.rsplit(" - ", 1))
    if key == "national_parties":
        name = without_country(name, country)
    if not name:
        return None
    membership: dict = {"name": name}
    start = parse_day(*found.groups()[:3])
    end = parse_day(*found.groups()[3:]) if found[4] else None
    if start:
        membership["from"] = start
    if end:
        membership["to"] = end
    if role:
        membership["role"] = role
    return membership
