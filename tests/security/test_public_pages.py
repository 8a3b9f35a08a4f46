"""Nothing internal on public pages; staff lists for their own administration; no internal
answer in a shared cache.

The sweep builds, on top of the demo network, public "anchor" objects of every kind and an
internal variant of every kind that has a visibility rule (internal and archived articles
and documents; planned, cancelled, past and not-yet-invited meetings; internal contacts and
Steckbrief answers; statuses; decisions of draft minutes; action items; the internal details
of public objects: a meeting's title, place and agenda, a project's funding note and files,
an article's author; of a meeting with public records, everything but its place, the
agenda items marked public and the decisions on them). Every internal text carries the
marker GEHEIM. The internal objects
are linked to the anchors through every relation the models declare (read from `_meta`, not
from a hand list), then a visitor walks every page reachable from the start page and the
anchors, and every URL pattern filled with the objects' keys, and may meet GEHEIM nowhere:
not in pages, lists, filters, search snippets, downloads or feeds.
"""

import io
import re
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.db import models
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import resolve, reverse
from django.utils import timezone
from pypdf import PdfReader

from common.cache_control import SECRET_URL_KWARGS, PrivateCacheMiddleware
from common.search.registry import search_kinds
from knowledge.enums import Visibility
from knowledge.models import Article, Category, Document
from meetings.enums import MeetingState, MinutesState
from meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingDocument,
    Minutes,
    Registration,
    WorkingGroup,
)
from members.enums import AdministrationKind, FederalState, Role
from members.models import Administration, ContactPerson, Invitation, ProfileAnswer, ProfileQuestion
from members.services.invitations import invitation_create
from projects.enums import Stage
from projects.models import JointProject, ProjectDocument, Status, Topic
from tests.factories import UserFactory
from tests.knowledge.factories import PDF_BYTES, article_make, document_make
from tests.security.crawler import crawl, project_routes

MARK = "GEHEIM"
# A word every internal text carries besides the marker, to search for without the marker
# appearing in the search page's own echo of the query.
SEARCH_WORD = "Kronjuwel"
PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


# --- Recording what the portal answers ----------------------------------------------------

@dataclass
class Answer:
    status: int
    content_type: str
    cache_control: str
    body: str


class RecordingClient(Client):
    """A test client that keeps every answer it got (body, type and Cache-Control), so
    that the sweep also reads downloads, feeds and error pages the crawler does not parse."""

    def __init__(self, **defaults):
        super().__init__(**defaults)
        self.answers: dict[str, Answer] = {}

    def get(self, path, *args, **kwargs):
        response = super().get(path, *args, **kwargs)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        self.answers[path] = Answer(response.status_code, response.get("Content-Type", ""),
                                    response.get("Cache-Control", ""),
                                    body.decode("utf-8", errors="replace"))
        return response


def recording_client(network, role: str) -> RecordingClient:
    client = RecordingClient()
    user = network.user(role)
    if user is not None:
        client.force_login(user)
    return client


# --- The internal objects and the public objects they are linked to ----------------------

@dataclass
class World:
    anchors: dict[type, models.Model]
    records: Meeting | None = None  # public records: place, public items, their decisions
    secrets: list[models.Model] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # "Model.relation" linked to an anchor

    @property
    def anchor_urls(self) -> list[str]:
        a = self.anchors
        return [
            a[Administration].get_absolute_url(),
            reverse("knowledge:article_detail", args=[a[Article].slug]),
            reverse("knowledge:document_detail", args=[a[Document].pk]),
            reverse("knowledge:document_download", args=[a[Document].pk]),
            reverse("knowledge:document_list") + f"?administration={a[Administration].pk}",
            reverse("knowledge:index") + "?" + urlencode({"verwaltung": a[Administration].slug}),
            reverse("knowledge:index") + "?" + urlencode({"thema": a[Topic].slug}),
            a[Meeting].get_absolute_url(),
            a[WorkingGroup].get_absolute_url(),
            a[JointProject].get_absolute_url(),
            a[Topic].get_absolute_url(),
            reverse("meetings:index"),
            reverse("groups:list"),
            reverse("projects:projects"),
            self.records.get_absolute_url(),
            reverse("meetings:public_minutes_pdf", args=[self.records.pk]),
        ]

    @property
    def search_urls(self) -> list[str]:
        search = reverse("search")
        return [f"{search}?q={SEARCH_WORD}"] + [f"{search}?q={SEARCH_WORD}&art={kind}"
                                               for kind in search_kinds()]

    @property
    def objects(self) -> list[models.Model]:
        return [*self.anchors.values(), *self.secrets]


def link_to_anchors(obj: models.Model, world: World) -> None:
    """Link `obj` to the anchor of every model it relates to, through every relation its
    model declares: many-to-many both ways, and foreign keys it may leave empty."""
    for relation in obj._meta.get_fields():
        anchor = world.anchors.get(relation.related_model)
        if anchor is None or anchor.pk == obj.pk and type(anchor) is type(obj):
            continue
        name = f"{type(obj).__name__}.{relation.name}"
        if relation.many_to_many and not relation.auto_created:
            getattr(obj, relation.name).add(anchor)
        elif relation.many_to_many:  # the other side declares it
            getattr(anchor, relation.field.name).add(obj)
        elif (relation.many_to_one and relation.concrete and relation.null
              and getattr(obj, relation.attname) is None):
            setattr(obj, relation.name, anchor)
            obj.save()
        else:
            continue
        world.links.append(name)


def _administration(slug: str, name: str) -> Administration:
    return Administration.objects.create(
        name=name, slug=slug, kind=AdministrationKind.VERBANDSGEMEINDE,
        federal_state=FederalState.RP, member_since=timezone.localdate() - timedelta(days=900))


def _meeting(group, title: str, *, days: int, state: str, **fields) -> Meeting:
    starts = timezone.now() + timedelta(days=days)
    return Meeting.objects.create(working_group=group, title=title, starts_at=starts,
                                  ends_at=starts + timedelta(hours=3), state=state, **fields)


def _secret(text: str) -> str:
    return f"{MARK}-{text} {SEARCH_WORD}"


@pytest.fixture
def world(network) -> World:
    """Public anchors, and internal objects (marked GEHEIM) linked to them everywhere."""
    now = timezone.now()
    admin = _administration("ankerland", "Verbandsgemeinde Ankerland")
    author = UserFactory(administration=admin, role=Role.EDITOR, first_name=_secret("Autorin"),
                         last_name="Anker")
    topic = Topic.objects.create(name="Ankerthema Digitalakte", slug="ankerthema",
                                 group="internal")
    category = Category.objects.create(name="Ankerkategorie", slug="ankerkategorie")
    group = WorkingGroup.objects.create(name="AG Anker", slug="ag-anker",
                                        coordinating_administration=admin)
    group.members.set([admin])
    # A meeting visitors may see (invited, to come): its date, group and host only.
    meeting = _meeting(group, _secret("Sitzungstitel"), days=20, state=MeetingState.INVITED,
                       host=admin, location=_secret("Ort"),
                       online_link=f"https://example.org/{MARK}-Link", invited_at=now)
    AgendaItem.objects.create(meeting=meeting, order=1, title=_secret("Tagesordnungspunkt"),
                              description=_secret("TOP-Beschreibung"),
                              presenter=_secret("Vortragende"))
    MeetingDocument.objects.create(meeting=meeting, title=_secret("Sitzungsunterlage"),
                                   file=ContentFile(PDF_BYTES, name="unterlage.pdf"))
    project = JointProject.objects.create(
        title="Ankerprojekt Baulasten", slug="ankerprojekt", lead=admin, goal="Ein Ziel.",
        working_group=group, funding_note=_secret("Förderung"))
    ProjectDocument.objects.create(project=project, title=_secret("Projektunterlage"),
                                   file=ContentFile(PDF_BYTES, name="projekt.pdf"))
    article = article_make(author=author, title="Ankerartikel E-Akte", summary="Öffentlich.",
                           category=category, visibility=Visibility.PUBLIC, administration=admin,
                           topics=[topic], joint_projects=[project], meetings=[meeting])
    document = document_make(uploaded_by=author, title="Ankerdokument Muster",
                             visibility=Visibility.PUBLIC, administration=admin)
    document.articles.add(article)
    question = ProfileQuestion.objects.create(text="Ankerfrage: Was erwarten Sie?", order=99)
    world = World(anchors={
        Administration: admin, Topic: topic, Category: category, WorkingGroup: group,
        Meeting: meeting, JointProject: project, Article: article, Document: document,
        ProfileQuestion: question,
    })

    internal_article = article_make(
        author=author, title=_secret("Artikel-intern"), summary=_secret("Zusammenfassung"),
        category=category, visibility=Visibility.INTERNAL, tags=[f"{MARK}-Schlagwort"])
    archived_article = article_make(author=author, title=_secret("Artikel-archiviert"),
                                    category=category, visibility=Visibility.PUBLIC)
    archived_article.archived_at = now
    archived_article.save()
    internal_document = document_make(uploaded_by=author, title=_secret("Dokument-intern"),
                                      description=_secret("Beschreibung"))
    archived_document = document_make(uploaded_by=author, title=_secret("Dokument-archiviert"),
                                      visibility=Visibility.PUBLIC, archived_at=now)
    planned = _meeting(group, _secret("Sitzung-geplant"), days=10, state=MeetingState.PLANNED)
    cancelled = _meeting(group, _secret("Sitzung-abgesagt"), days=15,
                         state=MeetingState.CANCELLED, cancel_reason=_secret("Absagegrund"))
    gone_by = _meeting(group, _secret("Sitzung-vorbei"), days=-2, state=MeetingState.INVITED)
    held = _meeting(group, _secret("Sitzung-gehalten"), days=-40,
                    state=MeetingState.MINUTES_PUBLISHED)
    Minutes.objects.create(meeting=held, summary=_secret("Protokoll"),
                           state=MinutesState.PUBLISHED, published_at=now)
    published_decision = Decision.objects.create(meeting=held, wording=_secret("Beschluss"))
    draft_decision = Decision.objects.create(meeting=meeting, wording=_secret("Beschlussentwurf"))
    action_item = ActionItem.objects.create(meeting=held, title=_secret("Aufgabe"),
                                            due_date=timezone.localdate() + timedelta(days=9))
    contact = ContactPerson.objects.create(
        administration=admin, name=_secret("Kontakt"), function="it_leitung",
        email="kontakt.anker@example.org", expertise=_secret("Fachgebiet"), is_public=False)
    answer = ProfileAnswer.objects.create(administration=admin, question=question,
                                          text=_secret("Antwort"), is_public=False)
    status = Status.objects.create(administration=admin, topic=topic, stage=Stage.LIVE,
                                   product=_secret("Produkt"), department=_secret("Stelle"),
                                   note=_secret("Notiz"), contact=contact)
    world.records = _meeting_with_public_records(group, admin, now)
    world.secrets = [internal_article, archived_article, internal_document, archived_document,
                     planned, cancelled, gone_by, held, published_decision, draft_decision,
                     action_item, contact, answer, status]
    for secret in world.secrets:
        link_to_anchors(secret, world)
    return world


# What anyone sees of the meeting with public records (meetings.selectors.public).
PUBLIC_RECORDS = ("Ankersaal, Ankerweg 1, 56000 Ankerstadt", "TOP 2: Ankerpunkt Glasfaser",
                  "Ankerbeschluss: Glasfaser wird ausgebaut.")


def _meeting_with_public_records(group, admin, now) -> Meeting:
    """A held meeting whose records the coordination office made public: its place, the
    agenda item marked public and the decision on it are public, all else is marked."""
    records = _meeting(group, _secret("Sitzung-oeffentlich"), days=-30,
                       state=MeetingState.MINUTES_PUBLISHED, host=admin, format="hybrid",
                       location="Ankersaal, Ankerweg 1, 56000 Ankerstadt",
                       online_link=f"https://example.org/{MARK}-Link-oeffentlich",
                       invited_at=now - timedelta(days=50), public_records=True)
    hidden = AgendaItem.objects.create(meeting=records, order=1,
                                       title=_secret("TOP-nichtoeffentlich"),
                                       notes=_secret("Notiz-nichtoeffentlich"))
    shown = AgendaItem.objects.create(
        meeting=records, order=2, title="Ankerpunkt Glasfaser", public=True,
        description=_secret("TOP-oeffentlich-Beschreibung"),
        presenter=_secret("TOP-oeffentlich-Vortrag"), notes=_secret("TOP-oeffentlich-Notiz"))
    Minutes.objects.create(meeting=records, summary=_secret("Protokoll-oeffentlich"),
                           state=MinutesState.PUBLISHED, published_at=now)
    Decision.objects.create(meeting=records, agenda_item=shown,
                            wording="Ankerbeschluss: Glasfaser wird ausgebaut.")
    Decision.objects.create(meeting=records, agenda_item=hidden, order=2,
                            wording=_secret("Beschluss-nichtoeffentlich"))
    Decision.objects.create(meeting=records, order=3, wording=_secret("Beschluss-ohne-TOP"))
    attendee = UserFactory(administration=admin, first_name=_secret("Teilnehmerin"),
                           last_name="Anker")
    Registration.objects.create(meeting=records, user=attendee, attended=True)
    ActionItem.objects.create(meeting=records, title=_secret("Aufgabe-oeffentlich"),
                              responsible_user=attendee)
    return records


def _marked(answers: dict[str, Answer]) -> dict[str, list[str]]:
    """URL → the marked texts found in its answer."""
    found = {}
    for url, answer in answers.items():
        if MARK in answer.body:
            found[url] = sorted(set(re.findall(rf"{MARK}-[\w-]*", answer.body)))
    return found


def _value_for(obj: models.Model, name: str, converter: str):
    """The value of one URL parameter taken from `obj`, or None if it has none."""
    if converter == "int":
        if name == "pk" or name.endswith("_pk"):
            return obj.pk
        value = getattr(obj, name, None)
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if converter == "slug":
        value = getattr(obj, name, None)
        if isinstance(value, models.Model):
            value = getattr(value, "slug", None)
        if value is None and name == "slug":
            # A part of something with an address of its own: the project of a document.
            for relation in obj._meta.concrete_fields:
                if relation.many_to_one and hasattr(relation.related_model, "slug"):
                    parent = getattr(obj, relation.name)
                    if parent is not None:
                        return parent.slug
        return value if isinstance(value, str) and value else None
    return "ungueltig" if converter == "str" else None


def filled_routes(objects: list[models.Model]) -> list[str]:
    """Every URL pattern of the project, filled with the keys of each object that fits."""
    urls = []
    for route, _name, _view in project_routes():
        if "(?P" in route or "^" in route:
            continue
        params = PARAM.findall(route)
        for obj in objects if params else [None]:
            values = {name: _value_for(obj, name, converter or "str")
                      for converter, name in params}
            if any(value is None for value in values.values()):
                continue
            urls.append("/" + PARAM.sub(lambda m, v=values: str(v[m["name"]]), route))
    return list(dict.fromkeys(urls))


def _secret_markers(world: World) -> set[str]:
    """Every marked text the world holds, in the objects, their parts and their tags."""
    anchors = world.anchors
    holders = [*world.objects, anchors[Article].author,
               *AgendaItem.objects.filter(meeting=anchors[Meeting]),
               *ProjectDocument.objects.filter(project=anchors[JointProject]),
               *MeetingDocument.objects.filter(meeting=anchors[Meeting]),
               *Minutes.objects.filter(meeting__working_group=anchors[WorkingGroup]),
               world.records, *world.records.agenda_items.all(),
               *world.records.decisions.all(), *world.records.action_items.all(),
               *[r.user for r in world.records.registrations.all()]]
    values = [getattr(obj, f.attname) for obj in holders for f in obj._meta.concrete_fields]
    values += [tag.name for secret in world.secrets if isinstance(secret, Article)
               for tag in secret.tags.all()]
    return {marker for value in values if isinstance(value, str)
            for marker in re.findall(rf"{MARK}-[\w-]*", value)}


def _carries_a_secret(url: str) -> bool:
    """A personal address (calendar feed of a user): its token is a credential, and whoever
    holds it sees what its owner sees. Visitors do not have one."""
    kwargs = resolve(urlsplit(url).path).kwargs
    return any(name in kwargs for name in SECRET_URL_KWARGS)


def _own_urls(obj: models.Model) -> list[str]:
    """The addresses of an object's own pages and files."""
    if isinstance(obj, Article):
        return [reverse("knowledge:article_detail", args=[obj.slug])]
    if isinstance(obj, Document):
        return [reverse("knowledge:document_detail", args=[obj.pk]),
                reverse("knowledge:document_download", args=[obj.pk])]
    if isinstance(obj, Meeting):
        return [obj.get_absolute_url(), reverse("meetings:ics", args=[obj.pk])]
    return []


# --- Visitors: nothing internal anywhere -------------------------------------------------

def test_setup_links_every_internal_object_to_public_pages_and_members_see_them(network,
                                                                                 world):
    """The sweep below proves something only if the internal texts are there to leak:
    member staff meet every one of them on the anchors' pages, the search or their own."""
    coordinator = recording_client(network, "coordinator")
    for url in [*world.anchor_urls, *world.search_urls]:
        coordinator.get(url)
    for secret in world.secrets:  # archived ones show only on their own page
        for url in _own_urls(secret):
            coordinator.get(url)
    coordinator.get(reverse("projects:status_edit_topic", args=[  # the status's note
        world.anchors[Administration].slug, world.anchors[Topic].slug]))
    seen = {text for texts in _marked(coordinator.answers).values() for text in texts}

    assert _secret_markers(world) - seen == set()
    # Every kind of relation between an internal object and a public one was linked.
    assert {"Article.topics", "Article.joint_projects", "Article.meetings",
            "Article.documents", "Document.articles",
            "Document.meetings", "Document.joint_projects", "Meeting.articles",
            "Meeting.knowledge_documents", "Meeting.host", "Decision.projects",
            "ActionItem.responsible_administration"} <= set(world.links)


def test_visitor_meets_nothing_internal_on_any_page_list_download_or_search(network, world):
    visitor = recording_client(network, "visitor")
    start = (*[url for url in network.seed_urls() if not _carries_a_secret(url)],
             *world.anchor_urls, *world.search_urls)

    pages = crawl(visitor, start=start, per_route=3, limit=900)
    for url in filled_routes(world.objects):
        if url not in visitor.answers:
            visitor.get(url)

    assert _marked(visitor.answers) == {}
    # The public anchors were reached and show their public parts …
    anchor_article = visitor.answers[world.anchor_urls[1]]
    assert anchor_article.status == 200 and "Ankerartikel E-Akte" in anchor_article.body
    assert "Ankerdokument Muster" in anchor_article.body
    assert visitor.answers[world.anchors[Meeting].get_absolute_url()].status == 200
    assert "Sitzung der AG Anker" in anchor_article.body  # the meeting, without its title
    # The meeting with public records shows them, on its page and in its public minutes.
    records_page = visitor.answers[world.records.get_absolute_url()]
    assert records_page.status == 200
    assert [text for text in PUBLIC_RECORDS if text not in records_page.body] == []
    minutes = visitor.answers[reverse("meetings:public_minutes_pdf", args=[world.records.pk])]
    assert minutes.status == 200 and minutes.content_type == "application/pdf"
    pdf = network.client("visitor").get(reverse("meetings:public_minutes_pdf",
                                                args=[world.records.pk]))
    text = " ".join("\n".join(page.extract_text() for page in PdfReader(
        io.BytesIO(pdf.content)).pages).split())
    assert MARK not in text and [t for t in PUBLIC_RECORDS[1:] if t not in text] == []
    # … while every internal object's own address is refused, and no page links to it (not
    # even by date, without its title).
    secret_urls = {url for secret in world.secrets for url in _own_urls(secret)}
    for url in secret_urls:
        # Refused, or (pages of articles, documents, meetings) sent to the login.
        assert visitor.answers[url].status in (302, 403, 404), url
        if visitor.answers[url].status == 302:
            location = network.client("visitor").get(url)["Location"]
            assert location.startswith(reverse("account_login") + "?next="), url
    assert {(page.url, link) for page in pages.values() for link in page.links
            if urlsplit(link).path in secret_urls} == set()
    # Statuses are internal: "Wer kann helfen?" names no member to visitors.
    for url, page in pages.items():
        if 'id="wer-kann-helfen"' in page.html:
            box = page.html.split('id="wer-kann-helfen"', 1)[1].split("</aside>", 1)[0]
            assert "/mitglieder/" not in box and "helper-list__item" not in box, url


def test_visitor_search_finds_no_internal_object(network, world):
    visitor = recording_client(network, "visitor")
    coordinator = recording_client(network, "coordinator")

    for url in world.search_urls:
        visitor.get(url)
        coordinator.get(url)

    assert _marked(visitor.answers) == {}
    assert f"{MARK}-Artikel-intern" in coordinator.answers[world.search_urls[0]].body


def test_working_group_list_shows_visitors_the_next_meeting_they_may_see(network, world):
    group = world.anchors[WorkingGroup]
    planned = next(s for s in world.secrets
                   if isinstance(s, Meeting) and s.state == MeetingState.PLANNED)
    visible = world.anchors[Meeting]

    def next_date(client):
        page = client.get(reverse("groups:list")).content.decode()
        row = page.split(f'id="{group.slug}"', 1)[1].split("</tr>", 1)[0]
        return re.search(r'datetime="([^"]+)"', row)[1]

    # Whole seconds: a datetime attribute allows at most three fractional digits.
    assert next_date(network.client("visitor")) == timezone.localtime(
        visible.starts_at).replace(microsecond=0).isoformat()
    assert next_date(network.client("reader")) == timezone.localtime(
        planned.starts_at).replace(microsecond=0).isoformat()


def test_article_page_shows_visitors_linked_meetings_they_may_open_without_title(network,
                                                                                 world):
    url = reverse("knowledge:article_detail", args=[world.anchors[Article].slug])

    visitor_page = network.client("visitor").get(url).content.decode()
    reader_page = network.client("reader").get(url).content.decode()

    meeting = world.anchors[Meeting]
    date = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")
    assert (f'href="{meeting.get_absolute_url()}">Sitzung der AG Anker</a> '
            f'<span class="kern-body--small">(<time') in visitor_page
    assert date in visitor_page
    for secret in world.secrets:
        if isinstance(secret, Meeting):
            assert secret.get_absolute_url() + '"' not in visitor_page
            assert secret.title in reader_page


# --- Staff lists: own administration and the coordination office -----------------------

STAFF_LIST_ROLES = ["visitor", "reader", "editor", "coordinator", "admin"]
# Who may read the staff list of their own and of another administration.
MAY_READ_STAFF = {"reader": (True, False), "editor": (True, False),
                  "coordinator": (True, True), "admin": (True, True), "visitor": (False, False)}


@pytest.fixture
def two_administrations(administration, other_administration):
    UserFactory(administration=administration, first_name="Eigene", last_name="Kollegin",
                email="eigene.kollegin@example.org")
    UserFactory(administration=other_administration, first_name="Fremde", last_name="Person",
                email="fremde.person@example.org")
    users = {"visitor": None, "admin": UserFactory(administration=None, is_superuser=True,
                                                   is_staff=True)}
    for role in ("reader", "editor", "coordinator"):
        users[role] = UserFactory(administration=administration, role=role)
    return administration, other_administration, users


@pytest.mark.django_db
@pytest.mark.parametrize("whose", ["own", "other"])
@pytest.mark.parametrize("role", STAFF_LIST_ROLES)
def test_staff_list_is_for_own_staff_and_coordination_only(client, two_administrations, role,
                                                           whose):
    own, other, users = two_administrations
    if users[role]:
        client.force_login(users[role])
    target = own if whose == "own" else other
    allowed = MAY_READ_STAFF[role][0 if whose == "own" else 1]

    response = client.get(reverse("members:staff", args=[target.slug]))
    profile = client.get(target.get_absolute_url()).content.decode()

    page = response.content.decode()
    assert response.status_code == (200 if allowed else 403)
    email = "eigene.kollegin@example.org" if whose == "own" else "fremde.person@example.org"
    assert (email in page) is allowed
    # The administration page links the list exactly for those who may read it.
    assert (reverse("members:staff", args=[target.slug]) in profile) is allowed


# --- Cache-Control: nothing personal in a shared cache ----------------------------------

def _directives(cache_control: str) -> set[str]:
    return {part.split("=", 1)[0].strip().lower() for part in cache_control.split(",")
            if part.strip()}


@pytest.mark.parametrize("role", ["reader", "editor", "coordinator"])
def test_every_answer_to_a_logged_in_user_is_private_and_not_stored(network, world, role):
    client = recording_client(network, role)

    crawl(client, start=(*network.seed_urls(), *world.anchor_urls), per_route=2, limit=500)

    # Pages, exports, calendars and downloads alike.
    assert len(client.answers) > 50
    kinds = {answer.content_type.split(";")[0] for answer in client.answers.values()}
    assert {"text/html", "text/calendar", "text/csv", "application/pdf"} <= kinds, kinds
    stored = {url: answer.cache_control for url, answer in client.answers.items()
              if not {"private", "no-store"} <= _directives(answer.cache_control)
              or "public" in _directives(answer.cache_control)}
    assert stored == {}


def test_public_pages_for_visitors_stay_cacheable(network, world):
    client = recording_client(network, "visitor")

    crawl(client, start=(*network.seed_urls(), *world.anchor_urls), per_route=1, limit=150)

    html = {url: answer for url, answer in client.answers.items()
            if answer.status == 200 and answer.content_type.startswith("text/html")}
    assert len(html) > 20
    assert {url: answer.cache_control for url, answer in html.items()
            if {"private", "no-store"} & _directives(answer.cache_control)} == {}


@pytest.mark.django_db
def test_answers_to_secret_addresses_are_private_without_a_login(
        client, administration, coordinator, django_capture_on_commit_callbacks):
    with_token = {}
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(administration=administration, invited_by=coordinator,
                          email="neu.eingeladen@example.org", role=Role.READER,
                          first_name="Nora", last_name="Neu")
    invitation = Invitation.objects.get(email="neu.eingeladen@example.org")
    with_token["invitation"] = reverse("members:invitation_accept", args=[_token_from_mail()])
    with_token["feed"] = reverse("meetings:feed", args=[coordinator.calendar_token])
    with_token["password reset"] = "/konto/password/reset/key/1z-ungueltig/"

    answers = {name: client.get(url) for name, url in with_token.items()}

    assert invitation.email in answers["invitation"].content.decode()
    assert answers["feed"].status_code == 200
    for name, response in answers.items():
        assert {"private", "no-store"} <= _directives(response.get("Cache-Control", "")), name
        assert "public" not in response.get("Cache-Control", ""), name


def _token_from_mail() -> str:
    return re.search(r"/mitglieder/einladung/([^/\s]+)/", mail.outbox[-1].body)[1]


def _through_middleware(response, user):
    request = RequestFactory().get("/")
    request.user = user
    return PrivateCacheMiddleware(lambda request: response)(request)


@pytest.mark.django_db
def test_middleware_keeps_stricter_directives_and_drops_public_ones(reader):
    never_cached = HttpResponse()
    never_cached["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
    public = HttpResponse()
    public["Cache-Control"] = "public, max-age=3600, s-maxage=600"

    assert _directives(_through_middleware(never_cached, reader)["Cache-Control"]) == {
        "max-age", "no-cache", "no-store", "must-revalidate", "private"}
    assert _directives(_through_middleware(public, reader)["Cache-Control"]) == {
        "private", "no-store"}
