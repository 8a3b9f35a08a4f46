"""Knowledge test data, created through the services where a service exists."""

import factory
from django.core.files.base import ContentFile

from knowledge.articles import services
from knowledge.enums import Visibility
from knowledge.models import Category, Document

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.Sequence(lambda n: f"kategorie-{n}")
    position = factory.Sequence(lambda n: n)


def article_make(*, author, title="Einführung der E-Akte", summary="Kurz gesagt.",
                 body="Ein **Text**.", category=None, visibility=Visibility.INTERNAL,
                 administration=None, tags=(), **relations):
    """An article with its first revision, as a member would create it."""
    return services.article_create(
        author=author, title=title, summary=summary, body=body,
        category=category or CategoryFactory(), visibility=visibility,
        administration=administration, tags=tags, **relations)


def document_make(*, uploaded_by, title="Musterdienstanweisung E-Akte", filename="anweisung.pdf",
                  content=PDF_BYTES, visibility=Visibility.INTERNAL, administration=None,
                  **fields):
    """A stored document row with a small PDF file (no upload form involved)."""
    document = Document(
        title=title, visibility=visibility, uploaded_by=uploaded_by,
        administration=administration or getattr(uploaded_by, "administration", None),
        filename=filename, size=len(content), **fields)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document
