"""The contact cards (generator.outputs.vcards), read back by vobject's vCard parser."""

from __future__ import annotations

import vobject

from generator.model import Corpus, Office, Person
from generator.outputs import OutputContext
from generator.outputs.vcards import get_vcard, get_vcard_files

MEMBER = Person(
    slug="juan-fernando-lopez-aguilar",
    name="Juan Fernando López Aguilar",
    surname="López Aguilar",
    kind="mep",
    group="Group of the Progressive Alliance of Socialists and Democrats in the European Parliament",
    email="juan.lopezaguilar@europarl.example",
    offices=(
        Office("Brussels", ("Parlement européen", "Bât. ALTIERO SPINELLI", "60, rue Wiertz", "B-1047 Bruxelles/Brussel"), "+32 2 28 00001"),
        Office("Strasbourg", ("Bât. LOUISE WEISS", "CS 91024"), "+33 3 88 1 00001"),
    ),
    website="https://lopez.example/",
    ep_id="990005",
    social={"x": "https://x.example/jf", "mastodon": "https://social.example/@jf", "bad": "javascript:alert(1)"},
)


def read_card(data: bytes):
    text = data.decode("utf-8")
    return vobject.readOne(text), text


def test_a_member_card_reads_back_with_every_phone_and_the_email():
    card, text = read_card(get_vcard(MEMBER, "en"))
    assert card.version.value == "3.0"
    assert card.fn.value == "Juan Fernando López Aguilar"
    assert (card.n.value.family, card.n.value.given) == ("López Aguilar", "Juan Fernando")
    assert [tel.value for tel in card.tel_list] == ["+32 2 28 00001", "+33 3 88 1 00001"]
    assert all(tel.params["TYPE"] == ["WORK", "VOICE"] for tel in card.tel_list)
    assert card.email.value == "juan.lopezaguilar@europarl.example"
    brussels, strasbourg = card.adr_list
    assert brussels.value.street == ["Parlement européen", "Bât. ALTIERO SPINELLI", "60, rue Wiertz"]
    assert (brussels.value.code, brussels.value.city) == ("B-1047", "Bruxelles/Brussel")
    assert (strasbourg.value.street, strasbourg.value.code) == (["Bât. LOUISE WEISS", "CS 91024"], "")
    labels = {(line.group, line.value) for line in card.getChildren() if line.name == "X-ABLABEL"}
    assert labels == {("phone1", "Brussels"), ("office1", "Brussels"), ("phone2", "Strasbourg"), ("office2", "Strasbourg")}
    assert card.org.value == ["European Parliament", MEMBER.group]
    assert [url.value for url in card.url_list] == ["https://lopez.example/", "https://www.europarl.europa.eu/meps/en/990005"]
    profiles = [(line.params["TYPE"], line.value) for line in card.getChildren() if line.name == "X-SOCIALPROFILE"]
    assert profiles == [(["mastodon"], "https://social.example/@jf"), (["x"], "https://x.example/jf")]
    assert "javascript:" not in text
    # RFC 2426: CRLF line ends, lines folded at 75 octets.
    assert text.endswith("END:VCARD\r\n") and "\n" not in text.replace("\r\n", "")
    assert max(len(line.encode("utf-8")) for line in text.split("\r\n")) <= 75


def test_the_card_speaks_the_page_language():
    card, _text = read_card(get_vcard(MEMBER, "fr"))
    assert card.org.value[0] == "Parlement européen"
    assert card.title.value == "Membre du Parlement européen"
    assert card.url_list[-1].value == "https://www.europarl.europa.eu/meps/fr/990005"


def test_values_cannot_add_lines_or_properties_to_the_card():
    person = Person(
        slug="x", name="Evil\r\nEMAIL:evil@example.org", surname="Evil;Name", role="Advisor, and:\\more",
        email="a@b.example", offices=(Office("A\nTEL:0", ("Street; 1,\n2",), "+32 1"),),
        social={"a;b:c\"": "https://ok.example/"},
    )
    card, text = read_card(get_vcard(person, "en"))
    assert [line.value for line in card.email_list] == ["a@b.example"]
    assert [line.value for line in card.tel_list] == ["+32 1"]
    assert card.fn.value == "Evil\r\nEMAIL:evil@example.org".replace("\r\n", "\n")
    assert card.n.value.family == "Evil;Name"
    assert card.title.value == "Advisor, and:\\more"
    assert card.adr.value.street == "Street; 1,\n2"
    [profile] = [line for line in card.getChildren() if line.name == "X-SOCIALPROFILE"]
    assert profile.params["TYPE"] == ["a-b-c"]


def test_a_card_for_each_person_with_something_to_put_on_it_and_the_same_bytes_each_time(tmp_path):
    nobody = Person(slug="nobody", name="No Body", kind="mep", group="Greens/EFA")
    corpus = Corpus(documents=(), people=(MEMBER, nobody))
    context = OutputContext(corpus=corpus, build_dir=tmp_path)
    files = get_vcard_files(context, "en")
    assert sorted(files) == ["meps/juan-fernando-lopez-aguilar/juan-fernando-lopez-aguilar.vcf"]
    assert get_vcard_files(context, "en") == files
