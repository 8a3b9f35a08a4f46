"""The shapes of the knowledge base demo texts (see the package docstring)."""

from dataclasses import dataclass

from knowledge.enums import Visibility

PUBLIC, INTERNAL = Visibility.PUBLIC, Visibility.INTERNAL

KREISHAUS = "ag-digitales-kreishaus"
COORDINATOR = "koordination@example.org"

# Administrations by their natural key (regional key; slug for the IT service provider).
MYK, AW, AK, COC, MZ, NR, SIM, EMS, DAU, WW = (
    "07137", "07131", "07132", "07135", "07339", "07138", "07140", "07141", "07233", "07143")
ANDERNACH, VG_RHEIN_MOSEL = "071370003", "071375009"
ITZ = "it-zweckverband-mittelrhein"


@dataclass(frozen=True)
class CategoryText:
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class Revision:
    """A later version of an article: replacements applied to the text of the first one.

    Every `old` must occur exactly once in the body of the first version.
    """

    message: str
    days: int  # saved this many days after the first version
    edits: tuple[tuple[str, str], ...]
    by: str = ""  # email of the login that saved it; blank: the author


@dataclass(frozen=True)
class ArticleText:
    """An article of the demo. `written`: (number of the meeting of the AG Digitales
    Kreishaus in the demo series, days after it), from which the loader dates it."""

    slug: str
    title: str
    summary: str
    body: str
    category: str
    administration: str
    visibility: str
    written: tuple[int, int]
    tags: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()  # topic slugs
    projects: tuple[str, ...] = ()  # joint project slugs
    meetings: tuple[int, ...] = ()  # numbers of meetings of the AG Digitales Kreishaus
    author: str = ""  # email of a demo login; blank: see knowledge.demo.author_email
    revision: Revision | None = None


# Blocks of a generated document.
@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """The first row is the header; widths are relative column widths."""

    widths: tuple[int, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | Bullets | Table


@dataclass(frozen=True)
class DocumentText:
    """A document whose file the loader generates from `blocks` (PDF) or from its tables
    (XLSX, one sheet per table, named by the heading before it), by the file name's suffix."""

    title: str
    filename: str
    description: str
    reuse_note: str
    administration: str
    visibility: str
    written: tuple[int, int]
    blocks: tuple[Block, ...]
    articles: tuple[str, ...] = ()  # article slugs
    meetings: tuple[int, ...] = ()
    projects: tuple[str, ...] = ()
