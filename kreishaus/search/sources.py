"""What the search index holds for each kind of object, for member staff and for visitors.

A source loads the objects of one kind that may be found at all (archived articles and
documents, and administrations that never joined, may not) and turns each into a
`SearchDocument`: the words member staff may find and, if visitors may see the object,
the words visitors may find. The public view must never hold more than the object's page
shows a visitor.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext, override

from knowledge.markdown import markdown_plain_text
from knowledge.models import Article, Document
from meetings.enums import MeetingState, MinutesState
from meetings.models import AgendaItem, Decision, Meeting
from members.models import Administration, ContactPerson, ProfileAnswer
from projects.models import JointProject

from ..enums import SearchKind


@dataclass(frozen=True)
class View:
    """The words of one audience's view, by weight: title (A), summary and keywords (B),
    text (C). Snippets are cut from the summary and the text."""

    title: str
    summary: str = ""
    body: str = ""
    title_extra: str = ""  # weighted as title, but not shown as the result's title
    keywords: str = ""  # weighted as summary, but not shown in snippets (tags, names)


@dataclass(frozen=True)
class SearchDocument:
    object_id: int
    slug: str
    date: datetime | None
    internal: View
    public: View | None = None
    public_until: datetime | None = None


def join(*parts: str | None) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


class Source(ABC):
    """One kind of searchable object: which rows are indexed and what of them is found."""

    kind: SearchKind

    @abstractmethod
    def queryset(self) -> QuerySet:
        """The objects that may be found, shaped for document() (constant queries)."""

    @abstractmethod
    def document(self, obj) -> SearchDocument:
        """The texts members and visitors find the object by."""


class ArticleSource(Source):
    kind = SearchKind.ARTICLE

    def queryset(self):
        return (Article.objects.filter(archived_at__isnull=True)
                .select_related("category", "administration").prefetch_related("tags"))

    def document(self, article):
        view = View(
            title=article.title, summary=article.summary,
            keywords=join(*sorted(tag.name for tag in article.tags.all()),
                          article.category.name,
                          article.administration.name if article.administration else ""),
            body=markdown_plain_text(article.body),
        )
        return SearchDocument(object_id=article.pk, slug=article.slug, date=article.updated_at,
                              internal=view, public=view if article.is_public else None)


class DocumentSource(Source):
    kind = SearchKind.DOCUMENT

    def queryset(self):
        return Document.objects.filter(archived_at__isnull=True).select_related("administration")

    def document(self, document):
        view = View(
            title=document.title, summary=join(document.description, document.reuse_note),
            keywords=document.administration.name if document.administration else "",
            body=document.filename,
        )
        return SearchDocument(object_id=document.pk, slug="", date=document.updated_at,
                              internal=view, public=view if document.is_public else None)


class MeetingSource(Source):
    kind = SearchKind.MEETING

    def queryset(self):
        return (Meeting.objects.select_related("working_group", "host", "minutes")
                .prefetch_related(
                    Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "pk")),
                    Prefetch("decisions", queryset=Decision.objects.order_by("order", "pk"))))

    def document(self, meeting):
        group = meeting.working_group.name
        host = meeting.host.name if meeting.host else ""
        agenda = meeting.agenda_items.all()
        minutes = getattr(meeting, "minutes", None)
        body = [meeting.cancel_reason]
        for item in agenda:
            body += [item.title, item.description, item.presenter]
        # Minutes, notes and decisions become searchable when the minutes are published,
        # as they become visible on the meeting page (drafts are the coordinators' own).
        if minutes is not None and minutes.state == MinutesState.PUBLISHED:
            body.append(minutes.summary)
            body += [item.notes for item in agenda]
            body += [decision.wording for decision in meeting.decisions.all()]
        internal = View(title=meeting.title, title_extra=group,
                        summary=join(host, meeting.location), body=join(*body))
        public = None
        # Visitors see upcoming meetings once invited: date, working group and host only,
        # under the heading the public meeting page uses (not the internal title).
        if meeting.state == MeetingState.INVITED:
            public = View(title=gettext("Sitzung der %(group)s") % {"group": group},
                          summary=host)
        return SearchDocument(object_id=meeting.pk, slug="", date=meeting.starts_at,
                              internal=internal, public=public,
                              public_until=meeting.starts_at if public else None)


class ProjectSource(Source):
    kind = SearchKind.PROJECT

    def queryset(self):
        return (JointProject.objects.select_related("lead", "working_group")
                .prefetch_related("participants", "topics", "milestones", "decisions",
                                  "documents"))

    def document(self, project):
        keywords = join(
            project.get_stage_display(), project.lead.name,
            *sorted(participant.name for participant in project.participants.all()),
            *sorted(topic.name for topic in project.topics.all()),
            project.working_group.name if project.working_group else "")
        milestones = [milestone.title for milestone in project.milestones.all()]
        public = View(title=project.title, summary=project.goal, keywords=keywords,
                      body=join(*milestones))
        # Member staff also see the funding note, linked decisions and documents.
        internal = View(title=project.title, summary=project.goal, keywords=keywords, body=join(
            *milestones, project.funding_note,
            *(decision.wording for decision in project.decisions.all()),
            *(document.title for document in project.documents.all())))
        return SearchDocument(object_id=project.pk, slug=project.slug, date=None,
                              internal=internal, public=public)


class MemberSource(Source):
    kind = SearchKind.MEMBER

    def queryset(self):
        answers = ProfileAnswer.objects.filter(question__is_active=True).order_by(
            "question__order", "question_id")
        return (Administration.objects.ever_members().select_related("parent")
                .prefetch_related(Prefetch("profile_answers", queryset=answers),
                                  Prefetch("contacts", queryset=ContactPerson.objects.all())))

    def document(self, administration):
        keywords = join(administration.get_kind_display(),
                        administration.get_federal_state_display(), administration.seat,
                        administration.parent.name if administration.parent else "")
        answers = list(administration.profile_answers.all())
        contacts = list(administration.contacts.all())

        def view(*, public: bool) -> View:
            return View(
                title=administration.name, title_extra=administration.short_name,
                keywords=keywords,
                body=join(*(answer.text for answer in answers if answer.is_public or not public),
                          *(_contact_text(contact) for contact in contacts
                            if contact.is_public or not public)))

        return SearchDocument(object_id=administration.pk, slug=administration.slug,
                              date=None, internal=view(public=False), public=view(public=True))


def _contact_text(contact: ContactPerson) -> str:
    return join(contact.name, contact.function_label, contact.department, contact.expertise)


SOURCES: dict[str, Source] = {source.kind: source for source in (
    ArticleSource(), DocumentSource(), MeetingSource(), ProjectSource(), MemberSource())}


def documents_for(source: Source, objects) -> list[SearchDocument]:
    """The documents of loaded objects, with labels and dates in German."""
    with override("de"):
        return [source.document(obj) for obj in objects]
