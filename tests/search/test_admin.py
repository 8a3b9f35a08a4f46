import pytest

from common.models import SearchEntry
from knowledge.enums import Visibility
from tests.knowledge.factories import article_make

pytestmark = pytest.mark.django_db


def test_admin_lists_index_entries_read_only(client, admin_user, reader):
    article = article_make(author=reader, title="Bauanträge digital", visibility=Visibility.PUBLIC)
    entry = SearchEntry.objects.get(kind="article", object_id=article.pk)
    client.force_login(admin_user)

    listing = client.get("/admin/common/searchentry/?q=Bauantr").content.decode()

    assert "Bauanträge digital" in listing
    assert client.get("/admin/common/searchentry/add/").status_code == 403
    page = client.get(f"/admin/common/searchentry/{entry.pk}/change/").content.decode()
    assert 'name="title"' not in page and "Bauanträge digital" in page
