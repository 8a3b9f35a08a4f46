"""What the site-wide search finds of members: an administration with its public or
internal profile answers and contacts (registered with common.search in
MembersConfig.ready)."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.search.registry import Part, Related, SearchDocument, Source, View, join, pks

from .models import Administration, ContactPerson, ProfileAnswer, ProfileQuestion


class MemberSource(Source):
    kind = "member"
    label, label_plural, order = _("Mitglied"), _("Mitglieder"), 50
    model = Administration
    parts = (Part(ProfileAnswer, "administration"), Part(ContactPerson, "administration"))
    related = (
        Related(ProfileQuestion, lambda question: list(
            question.answers.values_list("administration_id", flat=True))),
        # A municipality's entry names its Kreis.
        Related(Administration, lambda administration: pks(administration.children.all()),
                fields=("name",)),
    )

    def queryset(self):
        answers = ProfileAnswer.objects.filter(question__is_active=True).order_by(
            "question__order", "question_id")
        return (Administration.objects.ever_members().select_related("parent")
                .prefetch_related(Prefetch("profile_answers", queryset=answers),
                                  Prefetch("contacts", queryset=ContactPerson.objects.present())))

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

    def url(self, object_id, slug):
        return reverse("members:detail", args=[slug])


def _contact_text(contact: ContactPerson) -> str:
    return join(contact.name, contact.function_label, contact.department, contact.expertise)
