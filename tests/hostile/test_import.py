"""``import-meps`` with odd or hostile sources: nothing written that the next build rejects.

Row of issue 12: ``import-meps`` with odd values wrote a ``meps.yml`` that the next build
rejected. And the XML import keeps its protections: no external entity is fetched, no
entity expansion blows up.
"""

from __future__ import annotations

import os

import pytest

from tests.hostile.tools import assert_one_line_error, fingerprint, make_content, run_generator

MEP = "<mep><fullName>{name}</fullName><id>{id}</id><country>{country}</country></mep>"

ODD = {
    "an id with a space": (
        MEP.format(name="Anna SMITH", id="96 736", country="Malta"),
        "meps.yml: entry 2 (Anna Smith): ep_id: expected the Parliament's number",
    ),
    "no name": (MEP.format(name="  ", id="1", country="Malta"), "list.xml: <mep> number 1 has no <fullName>"),
    "not a directory": ("<html><body/></html>", "list.xml: not a Member's page"),
    "an external entity": (
        '<?xml version="1.0"?><!DOCTYPE meps [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        "<meps><mep><fullName>&secret;</fullName></mep></meps>",
        "list.xml:1: malformed XML: undefined entity &secret;",
    ),
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE meps [<!ENTITY a "lollollollollollollollollollol">'
        + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
        + "]><meps><mep><fullName>&i;</fullName></mep></meps>",
        "list.xml:1: malformed XML: limit on input amplification factor",
    ),
}


@pytest.mark.parametrize("case", list(ODD))
def test_odd_xml_is_one_line_and_meps_yml_is_left_alone(tmp_path, case):
    xml, message = ODD[case]
    content = make_content(tmp_path / "content")
    (content / "meps.yml").write_text("- name: Paolo Bergamaschi\n  kind: staff\n", encoding="utf-8")
    (tmp_path / "list.xml").write_text(f"<meps>{xml}</meps>" if xml.startswith("<mep>") else xml, encoding="utf-8")
    before = fingerprint(tmp_path)
    result = run_generator("import-meps", str(tmp_path / "list.xml"), "--content", str(content), timeout=20)
    assert_one_line_error(result, message)
    assert fingerprint(tmp_path) == before


def test_odd_but_acceptable_values_make_a_meps_yml_the_build_reads(tmp_path):
    names = ["yes", "2012-03-07", "NULL", "'quoted' \"twice\"", "O'BRIEN Seán: the #1", "Index", "x" * 400]
    xml = "<meps>" + "".join(MEP.format(name=name.replace('"', "&quot;"), id=n, country="~") for n, name in enumerate(names, 1)) + "</meps>"
    content = make_content(tmp_path / "content")
    (tmp_path / "list.xml").write_text(xml, encoding="utf-8")
    result = run_generator("import-meps", str(tmp_path / "list.xml"), "--content", str(content))
    assert result.returncode == 0, result.stderr
    result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    people = sorted(p.name for p in (tmp_path / "site" / "en" / "meps").iterdir() if p.is_dir())
    assert len(people) == len(names) and "index" not in people


def test_a_fifo_as_the_source_is_one_line(tmp_path):
    content = make_content(tmp_path / "content")
    os.mkfifo(tmp_path / "list.xml")
    before = fingerprint(tmp_path)
    result = run_generator("import-meps", str(tmp_path / "list.xml"), "--content", str(content), timeout=20)
    assert_one_line_error(result, "list.xml: a FIFO, not a file")
    assert fingerprint(tmp_path) == before
