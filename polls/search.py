"""What the site-wide search finds of the Rundfragen (registered with common.search in
PollsConfig.ready): title, context and questions, and — where every member may see the
results — the texts of the handed-in answers. Never visitors.

The index knows two audiences, member staff and visitors. A hidden Rundfrage is open to
the asker and the coordination office only, so it has no entry at all (they find it in
the list); drafts are never indexed.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.markdown import markdown_plain_text
from common.search.registry import Part, Related, SearchDocument, Source, View, join, pks
from members.models import Administration

from .models import Answer, AnswerState, Poll, Question, ResultsVisibility


class PollSource(Source):
    kind = "poll"
    label, label_plural, order = _("Rundfrage"), _("Rundfragen"), 45
    model = Poll
    # answer_save saves the answer after its items, so an answer's save covers them.
    parts = (Part(Question, "poll"), Part(Answer, "poll"))
    m2m_fields = ("topics",)
    related = (
        Related(Administration, lambda administration: pks(administration.polls_asked.all()),
                fields=("name",)),
    )

    def queryset(self):
        return (Poll.objects.filter(hidden_at__isnull=True)
                .select_related("administration")
                .prefetch_related("questions", "topics", "answers__items"))

    def document(self, poll):
        answers = []
        if poll.results_visibility == ResultsVisibility.MEMBERS:
            for answer in poll.answers.all():
                if answer.state != AnswerState.FINAL:
                    continue
                for item in answer.items.all():
                    answers.extend([item.text, item.other])
        view = View(
            title=poll.title,
            summary=join(*(question.text for question in poll.questions.all())),
            keywords=join(*(topic.name for topic in poll.topics.all()),
                          poll.administration.name if poll.administration else ""),
            body=join(markdown_plain_text(poll.context), *answers),
        )
        return SearchDocument(object_id=poll.pk, slug="", date=poll.created_at, internal=view)

    def url(self, object_id, slug):
        return reverse("polls:detail", args=[object_id])
