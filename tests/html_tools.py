"""Reading built HTML with the standard library's parser: elements by id, their text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict, parent: Element | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs) -> list[Element]:
        found = []
        for element in self.iter():
            if tag and element.tag != tag:
                continue
            if all(element.attrs.get(k.rstrip("_")) == v for k, v in attrs.items()):
                found.append(element)
        return found

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_html(source: str) -> Element:
    builder = TreeBuilder()
    builder.feed(source)
    builder.close()
    return builder.root


def read_html(path: Path) -> Element:
    return parse_html(path.read_text(encoding="utf-8"))


def by_id(root: Element) -> dict[str, Element]:
    return {e.attrs["id"]: e for e in root.iter() if "id" in e.attrs}


def unit_text(element: Element) -> str:
    """The text of a unit's own ``span.unit-text`` (not its points'); an amendment's, both
    columns' texts."""
    if element.has_class("unit-amendment"):
        columns = next(c for c in element.children if isinstance(c, Element) and c.has_class("amendment-columns"))
        return " ".join(unit_text(column) for column in columns.children if isinstance(column, Element) and column.text().strip())
    span = next(c for c in element.children if isinstance(c, Element) and c.has_class("unit-text"))
    return span.text()


def normalise(text: str) -> str:
    return " ".join(text.split())
