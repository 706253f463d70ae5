"""Contact cards: a vCard (``.vcf``) for each person the directory says how to reach,
beside their page (``meps/<slug>/<slug>.vcf``), behind the page's "Add to contacts".

Made with vobject, as vCard 3.0 (RFC 2426): the version that address books on phones
and desktops all import (4.0, RFC 6350, is not read by every one of them). vobject
escapes the values and folds the lines at 75 octets with CRLF ends. Each office's phone
and address carry its name ("Brussels") as an ``X-ABLabel``, which Apple's and Google's
address books show beside them; others read plain ``WORK`` phones and addresses.
"""

from __future__ import annotations

from collections.abc import Mapping

import vobject

from generator.model import Person
from generator.names import slugify
from generator.outputs import Output, OutputContext, SiteFile
from generator.render.escaping import SAFE_URL_SCHEMES
from generator.render.people import get_job_title, get_own_accounts, is_member
from generator.render.strings import _, get_gettext
from generator.urls import get_ep_member_url, get_vcard_path


def get_vcard(person: Person, lang: str) -> bytes:
    """The contact card of ``person`` in language ``lang`` (the name of the Parliament,
    the link to the Member's page in that language)."""
    t = get_gettext(lang)
    card = vobject.vCard()
    card.add("fn").value = person.name
    has_surname = bool(person.surname) and person.name.endswith(person.surname)
    given = person.name.removesuffix(person.surname).strip() if has_surname else ""
    card.add("n").value = vobject.vcard.Name(family=person.surname or person.name, given=given)
    organisation = [t(_("European Parliament"))] if is_member(person) else []
    organisation += [person.group] if person.group else []
    if organisation:
        card.add("org").value = organisation
    if get_job_title(t, person):
        card.add("title").value = get_job_title(t, person)
    if person.email:
        add(card, "email", person.email, types=["INTERNET"])
    for number, office in enumerate(person.offices, 1):
        if office.phone:
            add(card, "tel", office.phone, group=f"phone{number}", types=["WORK", "VOICE"])
        if office.address:
            street, postcode, locality = office.postal_parts
            address = vobject.vcard.Address(street=list(street), code=postcode, city=locality)
            add(card, "adr", address, group=f"office{number}", types=["WORK"])
        if office.label:
            for group in (f"phone{number}", f"office{number}"):
                add(card, "x-ablabel", office.label, group=group)
    if person.website.startswith(SAFE_URL_SCHEMES):
        add(card, "url", person.website)
    if person.ep_id:
        add(card, "url", get_ep_member_url(person.ep_id, lang))
    for network, url in get_own_accounts(person):
        network_type = slugify(network)  # a parameter value: no ; : , or quote
        add(card, "x-socialprofile", url, types=[network_type] if network_type else [])
    return card.serialize().encode("utf-8")


def add(card: vobject.base.Component, name: str, value: object, group: str | None = None, types: list[str] | None = None) -> None:
    """A property, in a group (``item1.TEL``) where given, with its TYPE parameters."""
    line = card.add(name, group=group)
    line.value = value
    if types:
        line.params["TYPE"] = types


def get_vcard_files(context: OutputContext, lang: str | None) -> Mapping[str, SiteFile]:
    assert lang is not None
    return {get_vcard_path(person.slug): get_vcard(person, lang) for person in context.corpus.people if person.reachable}


OUTPUT = Output("vcards", get_vcard_files)
