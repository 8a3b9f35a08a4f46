"""What the site-wide search finds of the knowledge base: articles and documents
(registered with common.search in KnowledgeConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from common.markdown import markdown_plain_text
from common.search.registry import Related, SearchDocument, Source, View, join, pks
from members.models import Administration

from .models import Article, Category, Document


class ArticleSource(Source):
    kind = "article"
    label, label_plural, order = _("Artikel"), _("Artikel"), 10
    model = Article
    m2m_fields = ("tags",)
    # Names that appear in an article's entry: its category, tags and administration.
    related = (
        Related(Category, lambda category: pks(category.articles.all())),
        Related(Tag, lambda tag: pks(Article.objects.filter(tags=tag))),
        Related(Administration, lambda administration: pks(administration.articles.all()),
                fields=("name",)),
    )

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

    def url(self, object_id, slug):
        return reverse("knowledge:article_detail", kwargs={"slug": slug})


class DocumentSource(Source):
    kind = "document"
    label, label_plural, order = _("Dokument"), _("Dokumente"), 20
    model = Document
    related = (
        Related(Administration, lambda administration: pks(administration.documents.all()),
                fields=("name",)),
    )

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

    def url(self, object_id, slug):
        return reverse("knowledge:document_detail", kwargs={"pk": object_id})
