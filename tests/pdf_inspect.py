"""Reads a generated PDF the way an accessibility checker does: catalogue, metadata, the
structure tree in reading order, the fonts of every page, the text."""

import io
import re
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


@dataclass
class Element:
    tag: str  # "H1", "Table", "TH", "L", "LI", …
    depth: int
    attributes: dict = field(default_factory=dict)
    id: str = ""


@dataclass
class Inspection:
    reader: PdfReader
    catalog: DictionaryObject
    text: str
    elements: list[Element]
    fonts: dict[str, bool]  # base font name: embedded
    xmp: str

    def tags(self) -> list[str]:
        return [element.tag for element in self.elements]

    def headings(self) -> list[int]:
        return [int(tag[1]) for tag in self.tags() if re.fullmatch(r"H[1-6]", tag)]

    def children(self, index: int) -> list[Element]:
        """The elements below self.elements[index], in order."""
        parent, found = self.elements[index], []
        for element in self.elements[index + 1:]:
            if element.depth <= parent.depth:
                break
            found.append(element)
        return found


def _walk(node, depth: int, out: list[Element]) -> None:
    node = node.get_object()
    if not isinstance(node, DictionaryObject) or "/S" not in node:
        return  # a marked-content id or an annotation reference
    attributes = node.get("/A")
    out.append(Element(tag=str(node["/S"]).lstrip("/"), depth=depth,
                       attributes=dict(attributes.get_object()) if attributes else {},
                       id=str(node.get("/ID", ""))))
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        _walk(kid, depth + 1, out)


def _fonts(reader: PdfReader) -> dict[str, bool]:
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            described = font
            if font["/Subtype"] == "/Type0":
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def inspect_pdf(content: bytes) -> Inspection:
    reader = PdfReader(io.BytesIO(content))
    catalog = reader.trailer["/Root"]
    elements: list[Element] = []
    root = catalog["/StructTreeRoot"].get_object() if "/StructTreeRoot" in catalog else {}
    kids = root.get("/K", [])
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        _walk(kid, 0, elements)
    metadata = catalog.get("/Metadata")
    return Inspection(
        reader=reader, catalog=catalog,
        text="\n".join(page.extract_text() for page in reader.pages),
        elements=elements, fonts=_fonts(reader),
        xmp=metadata.get_object().get_data().decode("utf-8") if metadata else "")


def assert_tagged_pdf_ua(content: bytes, title: str) -> Inspection:
    """The requirements of PDF/UA-1 that a program can check, for a document in German."""
    pdf = inspect_pdf(content)
    catalog = pdf.catalog
    assert content.startswith(b"%PDF-1.7")
    assert "/StructTreeRoot" in catalog
    assert pdf.elements[0].tag == "Document"
    assert str(catalog["/Lang"]) in ("de", "de-DE")
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert pdf.reader.metadata.title == title
    assert pdf.reader.xmp_metadata.dc_title == {"x-default": title}
    assert 'pdfuaid:part="1"' in pdf.xmp
    # Every font is embedded, and the text is set in the vendored Fira Sans.
    assert pdf.fonts and all(pdf.fonts.values()), pdf.fonts
    assert any("Fira-Sans" in name for name in pdf.fonts), pdf.fonts
    # Headings start at h1 and never skip a level on the way down.
    levels = pdf.headings()
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    return pdf


def assert_cells_have_headers(pdf: Inspection) -> None:
    """Every data cell names its header cells (row and column), and those exist."""
    ids = {element.id for element in pdf.elements if element.tag == "TH"}
    cells = [element for element in pdf.elements if element.tag == "TD"]
    assert cells
    for cell in cells:
        headers = [str(header) for header in cell.attributes["/Headers"]]
        assert headers and set(headers) <= ids, (headers, ids)
