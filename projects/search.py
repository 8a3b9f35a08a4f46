"""What the site-wide search finds of joint projects (registered with common.search in
ProjectsConfig.ready)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.search.registry import Part, Related, SearchDocument, Source, View, join, pks
from meetings.models import Decision, WorkingGroup
from members.models import Administration

from .models import JointProject, Milestone, ProjectDocument, Topic


def _projects_of(administration: Administration) -> list[int]:
    return pks(JointProject.objects.filter(
        Q(lead=administration) | Q(participants=administration)).distinct())


class ProjectSource(Source):
    kind = "project"
    label, label_plural, order = _("Projekt"), _("Projekte"), 40
    model = JointProject
    parts = (Part(Milestone, "project"), Part(ProjectDocument, "project"))
    m2m_fields = ("participants", "topics", "decisions")
    # Names and wordings that appear in a project's entry.
    related = (
        Related(Topic, lambda topic: pks(topic.projects.all())),
        Related(WorkingGroup, lambda group: pks(group.projects.all())),
        Related(Decision, lambda decision: pks(decision.projects.all())),
        Related(Administration, _projects_of, fields=("name",)),
    )

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

    def url(self, object_id, slug):
        return reverse("projects:project", args=[slug])
