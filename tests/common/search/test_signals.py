"""The signals the registry wires for each source (common.search.signals): a related object
watched for some fields reindexes its dependents when one of them changed, not on every
save."""

import pytest

from common.models import SearchEntry
from tests.knowledge.factories import article_make

pytestmark = pytest.mark.django_db


def test_administration_reindexes_its_articles_on_a_rename_only(reader, administration):
    article = article_make(author=reader, title="Breitbandförderung",
                           administration=administration)
    SearchEntry.objects.filter(kind="article", object_id=article.pk).delete()

    administration.population = 210_000
    administration.save()
    assert not SearchEntry.objects.filter(kind="article", object_id=article.pk).exists()

    administration.name = "Kreis Maifeld"
    administration.save()
    entry = SearchEntry.objects.get(kind="article", object_id=article.pk)
    assert entry.title == "Breitbandförderung"
    assert SearchEntry.objects.filter(
        kind="article", object_id=article.pk, vector="Maifeld").exists()
