"""The people's pages: the people index (by country, then surname) and each person's page
(what is known, how to reach them, their terms, the texts they answer for), with the
same facts as schema.org JSON-LD."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from babel import Locale

from generator.languages import LANGUAGES, get_language
from generator.model import (
    Membership,
    Office,
    Person,
)
from generator.names import slugify, split_name
from generator.render.context import PageContext, get_page_front_matter, render_list_filter, render_resolution_list
from generator.render.downloads import get_person_links, render_person_downloads
from generator.render.escaping import SAFE_URL_SCHEMES, assemble_page, render_heading, render_paragraph, render_title, text
from generator.render.strings import _
from generator.urls import (
    get_ep_member_url,
    get_person_path,
    get_person_url,
    get_relative_url,
    get_vcard_path,
)


@functools.cache
def get_territory_codes() -> dict[str, str]:
    """English (and French) country name, casefolded -> territory code, from babel's CLDR data."""
    codes = {}
    for locale_name in reversed(LANGUAGES):  # the first language's names win where two spell one alike
        for code, name in Locale.parse(locale_name).territories.items():
            if code.isalpha():  # "DE", not the numeric regions "150" (Europe)
                codes[name.casefold()] = code
    codes.update({"uk": "GB", "great britain": "GB", "czech republic": "CZ"})
    return codes


def get_country_name(country: str, lang: str) -> str:
    """``meps.yml`` gives countries in English ("Germany"): the page's language names them
    ("Allemagne"), by babel's CLDR data; a name CLDR does not know is shown as written."""
    code = get_territory_codes().get(country.strip().casefold())
    return Locale.parse(get_language(lang).babel_locale).territories.get(code, country) if code else country


def is_staff(ctx: PageContext, person: Person) -> bool:
    """Staff by the directory's word; a person only named in texts is staff when they are
    named only as a contact person."""
    if person.kind:
        return person.kind == "staff"
    return person.slug in ctx.corpus.contact_for and person.slug not in ctx.corpus.responsible


def surname_order(person: Person) -> tuple[str, str]:
    """As the Parliament lists its Members: by surname, accents and case aside."""
    return slugify(person.surname or split_name(person.name)[1]), slugify(person.name)


def render_people_index(ctx: PageContext) -> str:
    """MEPs by country (countries in the page's language, alphabetical), then by surname;
    then staff. A filter box (list-filter.js) narrows the lists as one types."""
    t = ctx.gettext
    path = "meps/index.md"
    front = get_page_front_matter(ctx, path, t(_("People")), t(_("Responsible MEPs and contact persons.")), "website")

    def item(person: Person, details: tuple[str, ...]) -> str:
        href = get_relative_url(path, get_person_path(person.slug))
        shown = " · ".join(text(value) for value in details if value)
        shown = f' <span class="person-details">{shown}</span>' if shown else ""
        return f'<li><a href="{text(href)}">{text(person.name)}</a>{shown}</li>'

    def people_group(heading: str, anchor: str, people: list[Person], details: Callable[[Person], tuple[str, ...]]) -> str:
        # Raw HTML, not a Markdown heading: a country name from meps.yml is data.
        if heading:
            lines = [f'<section class="people-group" aria-labelledby="{anchor}">', f'<h3 id="{anchor}">{text(heading)}</h3>']
        else:
            lines = ['<section class="people-group">']
        lines.append('<ul class="people-list" data-filterable>')
        lines.extend(item(person, details(person)) for person in sorted(people, key=surname_order))
        lines.extend(["</ul>", "</section>"])
        return "\n".join(lines)

    staff = [person for person in ctx.corpus.people if is_staff(ctx, person)]
    by_country: dict[str, list[Person]] = {}
    for person in ctx.corpus.people:
        if not is_staff(ctx, person):
            by_country.setdefault(get_country_name(person.country, ctx.lang) if person.country else "", []).append(person)

    blocks = [render_title(t(_("People"))), render_list_filter(ctx, t(_("Find a person")), t(_("Name, country, group or party")))]
    if by_country:
        blocks.append(render_heading(t(_("Members of the European Parliament")), "meps"))
        for country in sorted(by_country, key=lambda name: (not name, slugify(name))):
            anchor = "country-" + (slugify(country) if country else "unknown")
            heading = country or t(_("Country not recorded"))
            blocks.append(people_group(heading, anchor, by_country[country], lambda person: (person.group, person.national_party)))
    if staff:
        blocks.append(render_heading(t(_("Staff")), "staff"))
        blocks.append(people_group("", "", staff, lambda person: (person.role, person.group)))
    return assemble_page(front, blocks)


def render_person_page(ctx: PageContext, person: Person) -> str:
    """A person: what is known, how to reach them, their terms, the texts they answer for."""
    t = ctx.gettext
    path = get_person_path(person.slug)
    facts = [
        (t(_("Country")), get_country_name(person.country, ctx.lang) if person.country else ""),
        (t(_("Political group")), person.group),
        (t(_("National party")), person.national_party),
        (t(_("Term")), person.term),
        (t(_("Role")), person.role),
    ]
    known = [(label, value) for label, value in facts if value]
    description = " — ".join([person.name, *(value for _label, value in known)])
    front = get_page_front_matter(ctx, path, person.name, description, "profile", links=get_person_links(ctx, person))
    blocks = [render_title(person.name)]
    if known:
        rows = [f"<dt>{text(label)}</dt><dd>{text(value)}</dd>" for label, value in known]
        blocks.append("\n".join(['<dl class="person-facts">', *rows, "</dl>"]))
    blocks.append(render_heading(t(_("Contact")), "contact"))
    blocks.append(render_contact(ctx, person))
    blocks.append(render_person_json_ld(ctx, person))
    if person.terms:
        blocks.append(render_heading(t(_("Groups and terms")), "terms"))
        blocks.append(render_terms(ctx, person))
    for heading, anchor, slugs in (
        (t(_("Responsible MEP for")), "responsible", ctx.corpus.responsible.get(person.slug, ())),
        (t(_("Contact person for")), "contact-for", ctx.corpus.contact_for.get(person.slug, ())),
    ):
        documents = [ctx.corpus.by_slug[slug] for slug in slugs if slug in ctx.corpus.by_slug]
        if documents:
            blocks.append(render_heading(heading, anchor))
            blocks.append(render_resolution_list(ctx, path, documents))
    blocks.extend(render_person_downloads(ctx, person))
    return assemble_page(front, blocks)


NETWORK_NAMES = {
    "x": "X", "twitter": "Twitter", "facebook": "Facebook", "instagram": "Instagram", "linkedin": "LinkedIn",
    "youtube": "YouTube", "tiktok": "TikTok", "mastodon": "Mastodon", "bluesky": "Bluesky", "threads": "Threads",
}
"""How networks write their own names; any other key of ``social`` is shown capitalised."""


def get_network_name(network: str) -> str:
    return NETWORK_NAMES.get(network.casefold(), network.capitalize())


def get_own_accounts(person: Person) -> list[tuple[str, str]]:
    """The person's own accounts as (network, URL), by network; http(s) only."""
    return [(network, url) for network, url in sorted(person.social.items()) if url.startswith(SAFE_URL_SCHEMES)]


def render_contact(ctx: PageContext, person: Person) -> str:
    """How to reach the person: e-mail, website, own accounts, each office; the contact
    card to download and the Member's page on the Parliament's site."""
    t = ctx.gettext
    lines = []
    actions = []
    if person.reachable:
        card = text(get_vcard_path(person.slug).removeprefix(get_person_url(person.slug)))  # beside the page
        label = text(t(_("Add to contacts")))
        actions.append(f'<a class="person-vcard" href="{card}" type="text/vcard" download>{label}</a>')
    if person.ep_id:
        href = text(get_ep_member_url(person.ep_id, ctx.lang))
        label = text(t(_("Page on the European Parliament’s website")))
        actions.append(f'<a class="person-ep-page" href="{href}" rel="noopener">{label}</a>')
    if actions:
        lines.append(f'<p class="person-actions">{" · ".join(actions)}</p>')
    rows = []
    if person.email:
        rows.append((t(_("E-mail")), f'<a href="mailto:{text(person.email)}">{text(person.email)}</a>'))
    if person.website.startswith(SAFE_URL_SCHEMES):
        rows.append((t(_("Website")), f'<a href="{text(person.website)}" rel="me noopener">{text(person.website)}</a>'))
    accounts = get_own_accounts(person)
    if accounts:
        items = [f'<li><a href="{text(url)}" rel="me noopener">{text(get_network_name(network))}</a></li>' for network, url in accounts]
        rows.append((t(_("Social media")), "\n".join(['<ul class="person-social">', *items, "</ul>"])))
    if rows:
        items = [f"<dt>{text(label)}</dt><dd>{value}</dd>" for label, value in rows]
        lines.append("\n".join(['<dl class="person-contact">', *items, "</dl>"]))
    if person.offices:
        lines.append(render_offices(ctx, person))
    if not person.reachable:
        lines.append(render_paragraph(t(_("No contact details are recorded for this person.")), "no-contact"))
    return "\n".join(lines)


def render_offices(ctx: PageContext, person: Person) -> str:
    """Each office: its name, its address, its phone number as a ``tel:`` link."""
    t = ctx.gettext
    unnamed, phone_line = t(_("Office")), text(t(_("Phone: %(number)s")))
    lines = ['<div class="person-offices">']
    for number, office in enumerate(person.offices, 1):
        anchor = f"office-{number}"
        lines.append(f'<section class="person-office" aria-labelledby="{anchor}">')
        lines.append(f'<h3 id="{anchor}">{text(office.label or unnamed)}</h3>')
        if office.address:
            lines.append(f'<address>{"<br>".join(text(line) for line in office.address)}</address>')
        if office.phone:
            phone = f'<a href="tel:{text(office.dial)}">{text(office.phone)}</a>'
            lines.append(f'<p class="person-phone">{phone_line % {"number": phone}}</p>')
        lines.append("</section>")
    lines.append("</div>")
    return "\n".join(lines)


def render_person_json_ld(ctx: PageContext, person: Person) -> str:
    """The person as schema.org ``Person`` JSON-LD, for search engines and address books.

    Inside ``<script>``, ``<``, ``>`` and ``&`` are written as JSON escapes: no value can
    close the element or the raw block's comment.
    """
    data: dict = {"@context": "https://schema.org", "@type": "Person", "name": person.name}
    if person.surname:
        data["familyName"] = person.surname
    if get_job_title(ctx.gettext, person):
        data["jobTitle"] = get_job_title(ctx.gettext, person)
    if person.group:
        data["affiliation"] = {"@type": "Organization", "name": person.group}
    if person.email:
        data["email"] = person.email
    if person.offices:
        data["workLocation"] = [get_place_data(office) for office in person.offices]
    same_as = [get_ep_member_url(person.ep_id, ctx.lang)] if person.ep_id else []
    same_as += [url for _network, url in get_own_accounts(person)]
    if person.website.startswith(SAFE_URL_SCHEMES):
        data["url"] = person.website
    if same_as:
        data["sameAs"] = same_as
    quoted = json.dumps(data, ensure_ascii=False)
    quoted = quoted.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">{quoted}</script>'


def is_member(person: Person) -> bool:
    """A Member of the European Parliament, by the directory's word or the Parliament's id."""
    return person.kind == "mep" or bool(person.ep_id)


def get_job_title(t: Callable[[str], str], person: Person) -> str:
    """What an address book shows under the name: a Member's office, else the person's role."""
    return t(_("Member of the European Parliament")) if is_member(person) else person.role


def get_place_data(office: Office) -> dict:
    """An office as a schema.org ``Place``: its name, ``PostalAddress`` and telephone."""
    place: dict = {"@type": "Place"}
    if office.label:
        place["name"] = office.label
    if office.address:
        street, postcode, locality = office.postal_parts
        address = {"@type": "PostalAddress", "streetAddress": ", ".join(street)}
        if postcode:
            address["postalCode"] = postcode
        if locality:
            address["addressLocality"] = locality
        place["address"] = address
    if office.phone:
        place["telephone"] = office.phone
    return place


def render_terms(ctx: PageContext, person: Person) -> str:
    """Each term served, newest first, with the groups and national parties of it."""
    t = ctx.gettext
    lines = ['<ul class="person-terms">']
    for term in person.terms:
        start, end = term.years
        name = t(_("Term %(number)s (%(start)s–%(end)s)")) % {"number": term.number, "start": start, "end": end}
        lists = [
            (t(_("Political groups")), term.groups),
            (t(_("National parties")), term.parties),
        ]
        rows = []
        for label, memberships in lists:
            if memberships:
                items = [f"<li>{render_membership(ctx, membership)}</li>" for membership in memberships]
                rows.append(f"<dt>{text(label)}</dt><dd><ul>{''.join(items)}</ul></dd>")
        details = f'\n<dl class="term-details">{"".join(rows)}</dl>' if rows else ""
        lines.append(f'<li><span class="term-name">{text(name)}</span>{details}</li>')
    lines.append("</ul>")
    return "\n".join(lines)


def render_membership(ctx: PageContext, membership: Membership) -> str:
    """"Group of the Greens/EFA — Member · 2 July 2019 – 28 April 2021"."""
    t = ctx.gettext
    shown = text(membership.name) + (f" — {text(membership.role)}" if membership.role else "")
    start, end = membership.start, membership.end
    if start and end:
        period = f"{ctx.date(start)} – {ctx.date(end)}"
    elif start:
        period = t(_("since %(date)s")) % {"date": ctx.date(start)}
    elif end:
        period = t(_("until %(date)s")) % {"date": ctx.date(end)}
    else:
        return shown
    return f'{shown} · <span class="membership-dates">{text(period)}</span>'


# --- the site ---------------------------------------------------------------------------
