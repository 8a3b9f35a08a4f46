"""What the knowledge base holds about a person (registered with common.personal_data in
KnowledgeConfig.ready()).

Nothing of it is erased: articles, their revisions, confirmations ("Als aktuell
bestätigen") and documents are shared work the network relies on (DSGVO Art. 17(3)); they
name the person as author or uploader by the pseudonym their account gets on removal
(members.personal_data).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.personal_data import iso, personal_data_register

from .models import Article, ArticleReview, ArticleRevision, Document


def collect(user) -> dict:
    return {
        _("Artikel, die Sie verfasst haben"): [
            {_("Titel"): article.title, _("Sichtbarkeit"): article.get_visibility_display(),
             _("Erstellt am"): iso(article.created_at),
             _("Archiviert am"): iso(article.archived_at)}
            for article in Article.objects.filter(author=user).order_by("created_at", "pk")],
        _("Artikelversionen, die Sie gespeichert haben"): [
            {_("Artikel"): revision.article.title, _("Version"): revision.number,
             _("Gespeichert am"): iso(revision.created_at),
             _("Änderungsnotiz"): revision.message}
            for revision in ArticleRevision.objects.filter(author=user)
            .select_related("article").order_by("created_at", "pk")],
        _("Artikel, die Sie als aktuell bestätigt haben"): [
            {_("Artikel"): review.article.title, _("Bestätigt am"): iso(review.reviewed_at)}
            for review in ArticleReview.objects.filter(user=user)
            .select_related("article").order_by("reviewed_at", "pk")],
        _("Dokumente, die Sie hochgeladen haben"): [
            {_("Titel"): document.title, _("Dateiname"): document.filename,
             _("Sichtbarkeit"): document.get_visibility_display(),
             _("Hochgeladen am"): iso(document.created_at)}
            for document in Document.objects.filter(uploaded_by=user)
            .order_by("created_at", "pk")],
    }


def erase(user) -> None:
    """Nothing to erase here: see the module docstring."""


def register() -> None:
    """Called once from KnowledgeConfig.ready()."""
    personal_data_register("knowledge", label=gettext_lazy("Wissen"), collect=collect,
                           erase=erase, order=40)
