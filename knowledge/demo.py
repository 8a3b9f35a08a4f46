"""Demo knowledge base: seven categories, 23 articles written for the demo (five of them with a
second revision and a change note) and five documents whose files are generated here (four
PDFs, one XLSX). Runs after members.demo, meetings.demo and projects.demo, whose
administrations, logins, topics, joint projects and meetings it links to; a link whose target
is missing is left out.

Articles are written through knowledge.articles.services, so each has its revision history as
if a member had written it. The author is the demo login of the contributing administration
(the editor before the reader, the coordinator last), otherwise the coordinator. Dates of articles,
revisions and documents are derived from the meeting series of meetings.demo, so the knowledge
base grows along the meetings, and then moved back onto the rows.

Idempotent: a category is found by its slug and only written when a value differs; an article
is found by its slug and a document by its title, and an existing one is left as it is (a demo
user may have edited it since; its history is theirs). A second run creates and changes
nothing.
"""

import io
from datetime import UTC, date, datetime, timedelta

from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone

from meetings import demo as meetings_demo
from meetings.models import Meeting
from members import demo as members_demo
from members.enums import Role
from members.models import Administration, User
from projects.models import JointProject, Topic

from . import demo_texts as texts
from .articles.services import article_create, article_update
from .demo_texts import spec
from .models import Article, ArticleRevision, Category, Document

LATEST = timedelta(hours=2)  # nothing is dated later than this before the run
_ROLE_ORDER = {Role.EDITOR: 0, Role.READER: 1, Role.COORDINATOR: 2}


class _Calendar:
    """When the demo meetings take place, for a run on the given day."""

    def __init__(self, today: date):
        self.starts = meetings_demo.series_starts(spec.KREISHAUS, today)
        self.latest = timezone.now() - LATEST

    def at(self, written: tuple[int, int], later_days: int = 0) -> datetime:
        number, days = written
        # Written in the afternoon after the meeting; never in the future of the run.
        moment = self.starts[number - 1] + timedelta(days=days + later_days, hours=5)
        return min(moment, self.latest)


def author_email(key: str) -> str:
    """The demo login that writes for an administration: editor, reader, then coordinator."""
    logins = sorted((_ROLE_ORDER.get(role, 3), email)
                    for email, _first, _last, role, login_key in members_demo.DEMO_LOGINS
                    if login_key == key)
    return logins[0][1] if logins else spec.COORDINATOR


def load_categories() -> dict[str, Category]:
    categories = {}
    for position, text in enumerate(texts.CATEGORIES, start=1):
        values = {"name": text.name, "description": text.description, "position": position}
        category = Category.objects.filter(slug=text.slug).first() or Category(slug=text.slug)
        if category.pk is None or any(getattr(category, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(category, name, value)
            category.full_clean()
            category.save()
        categories[text.slug] = category
    return categories


class _Links:
    """The rows of the other demo modules that articles and documents point to."""

    def __init__(self):
        specs = (*texts.ARTICLES, *texts.DOCUMENTS)
        keys = {text.administration for text in specs}
        self.administrations = {
            key: admin
            for admin in Administration.objects.filter(Q(regional_key__in=keys) | Q(slug__in=keys))
            for key in (admin.regional_key, admin.slug) if key in keys}
        emails = {spec.COORDINATOR, *(text.author for text in texts.ARTICLES),
                  *(author_email(key) for key in keys),
                  *(t.revision.by for t in texts.ARTICLES if t.revision)} - {""}
        self.users = {u.email: u for u in User.objects.filter(email__in=emails)}
        self.topics = {t.slug: t for t in Topic.objects.filter(
            slug__in={slug for text in texts.ARTICLES for slug in text.topics})}
        self.projects = {p.slug: p for p in JointProject.objects.filter(
            slug__in={slug for text in specs for slug in text.projects})}
        uids = {meetings_demo.meeting_uid(spec.KREISHAUS, number): number
                for text in specs for number in text.meetings}
        self.meetings = {uids[m.uid]: m for m in Meeting.objects.filter(uid__in=uids)}

    def author(self, text) -> User | None:
        email = getattr(text, "author", "") or author_email(text.administration)
        return self.users.get(email) or self.users.get(spec.COORDINATOR)

    def pick(self, found: dict, wanted) -> list:
        return [found[key] for key in wanted if key in found]


def _revised_body(text: spec.ArticleText) -> str:
    body = text.body
    for old, new in text.revision.edits:
        if body.count(old) != 1:
            raise ValueError(f"{text.slug}: revision anchor must occur once: {old[:40]!r}")
        body = body.replace(old, new)
    return body


def _date_article(article: Article, created: datetime, revised: datetime | None) -> None:
    """Move the timestamps the services just set back to when the demo says it happened."""
    # Checked when last saved, as the migration dates existing articles: the older ones are
    # due again, so the coordination office's "Zu prüfen" shows some.
    Article.objects.filter(pk=article.pk).update(
        created_at=created, updated_at=revised or created,
        reviewed_at=timezone.localdate(revised or created))
    ArticleRevision.objects.filter(article=article, number=1).update(created_at=created)
    if revised is not None:
        ArticleRevision.objects.filter(article=article, number=2).update(created_at=revised)


def load_articles(categories: dict[str, Category], links: _Links,
                  calendar: _Calendar) -> dict[str, Article]:
    articles = {a.slug: a for a in Article.objects.filter(
        slug__in=[text.slug for text in texts.ARTICLES])}
    for text in texts.ARTICLES:
        if text.slug in articles:
            continue
        author = links.author(text)
        article = article_create(
            author=author, title=text.title, slug=text.slug, summary=text.summary,
            body=text.body, category=categories[text.category], visibility=text.visibility,
            administration=links.administrations.get(text.administration), tags=text.tags,
            topics=links.pick(links.topics, text.topics),
            joint_projects=links.pick(links.projects, text.projects),
            meetings=links.pick(links.meetings, text.meetings))
        created, revised = calendar.at(text.written), None
        if text.revision is not None:
            article_update(article=article, user=links.users.get(text.revision.by) or author,
                           expected_revision=1, message=text.revision.message,
                           body=_revised_body(text))
            revised = max(calendar.at(text.written, text.revision.days),
                          created + timedelta(hours=1))
        _date_article(article, created, revised)
        articles[text.slug] = article
    return articles


def load_documents(articles: dict[str, Article], links: _Links, calendar: _Calendar) -> None:
    existing = set(Document.objects.filter(
        title__in=[text.title for text in texts.DOCUMENTS]).values_list("title", flat=True))
    for text in texts.DOCUMENTS:
        if text.title in existing:
            continue
        content = render_document(text)
        document = Document(
            title=text.title, description=text.description, reuse_note=text.reuse_note,
            visibility=text.visibility, filename=text.filename, size=len(content),
            administration=links.administrations.get(text.administration),
            uploaded_by=links.author(text))
        document.file.save(text.filename, ContentFile(content), save=False)
        document.full_clean()
        document.save()
        document.articles.set(links.pick(articles, text.articles))
        document.meetings.set(links.pick(links.meetings, text.meetings))
        document.joint_projects.set(links.pick(links.projects, text.projects))
        when = calendar.at(text.written)
        Document.objects.filter(pk=document.pk).update(created_at=when, updated_at=when)


def render_document(text: spec.DocumentText) -> bytes:
    """The file of a demo document, by the suffix of its file name."""
    if text.filename.endswith(".xlsx"):
        return _xlsx(text)
    return _pdf(text)


# A fixed date in the files' own metadata keeps the generated bytes the same on every run.
FILE_DATE = datetime(2024, 1, 1, tzinfo=UTC)


def _pdf(text: spec.DocumentText) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"  # „“ – € besides the German letters
    pdf.set_creation_date(FILE_DATE)
    pdf.set_title(text.title)
    pdf.set_lang("de-DE")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for block in text.blocks:
        if isinstance(block, spec.Heading):
            pdf.set_font("Helvetica", "B", 15 if block.level == 1 else 12)
            pdf.ln(2 if block.level == 1 else 4)
            pdf.multi_cell(0, 7, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif isinstance(block, spec.Paragraph):
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif isinstance(block, spec.Bullets):
            pdf.set_font("Helvetica", "", 10)
            for item in block.items:
                pdf.multi_cell(0, 5, f"\u2022 {item}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        else:
            pdf.set_font("Helvetica", "", 9)
            with pdf.table(col_widths=block.widths, line_height=5,
                           text_align="LEFT") as table:
                for row in block.rows:
                    cells = table.row()
                    for value in row:
                        cells.cell(value)
            pdf.ln(2)
    return bytes(pdf.output())


def _xlsx(text: spec.DocumentText) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "Kreishaus (Demo)"
    workbook.properties.title = text.title
    workbook.properties.created = workbook.properties.modified = FILE_DATE.replace(tzinfo=None)
    heading = text.title
    for block in text.blocks:
        if isinstance(block, spec.Heading):
            heading = block.text
        elif isinstance(block, spec.Table):
            sheet = workbook.create_sheet(heading[:31])
            for row in block.rows:
                sheet.append(row)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for index, width in enumerate(block.widths):
                sheet.column_dimensions[chr(ord("A") + index)].width = width * 1.2
            for row in sheet.iter_rows():
                for cell in row:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def load(today: date | None = None) -> None:
    """Create the demo categories, articles with revisions and documents (idempotent)."""
    calendar = _Calendar(today or timezone.localdate())
    categories = load_categories()
    links = _Links()
    articles = load_articles(categories, links, calendar)
    load_documents(articles, links, calendar)


def counts() -> dict[str, int]:
    """Row counts for the summary line of the demo_data command."""
    return {"articles": Article.objects.count(), "documents": Document.objects.count()}
