"""A visitor opening the link of an internal article, document or meeting is sent to the
login with `next`, and so is one opening a link to an object that does not exist: the
answer tells nothing of the object, not even whether it exists. Signed-in users whom the
object is hidden from keep their 404."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from tests.knowledge.factories import article_make, document_make
from tests.meetings.helpers import make_group, make_meeting

pytestmark = pytest.mark.django_db

SECRET = "Geheimprojekt Zauberwürfel"


def _login_redirect(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={quote(url)}"
    login = client.get(response["Location"])
    assert login.status_code == 200
    assert SECRET not in login.content.decode()
    return login


def _internal_urls(reader):
    article = article_make(author=reader, title=SECRET)
    document = document_make(uploaded_by=reader, title=SECRET)
    past = make_meeting(make_group(reader.administration), days=-30,
                        state="minutes_published", title=SECRET)
    return [
        reverse("knowledge:article_detail", args=[article.slug]),
        reverse("knowledge:document_detail", args=[document.pk]),
        reverse("knowledge:document_download", args=[document.pk]),
        reverse("meetings:detail", args=[past.pk]),
    ]


MISSING = [
    ("knowledge:article_detail", ["gibt-es-nicht"]),
    ("knowledge:document_detail", [999_999]),
    ("knowledge:document_download", [999_999]),
    ("meetings:detail", [999_999]),
]


def test_visitor_opening_an_internal_link_is_offered_the_login(client, reader):
    for url in _internal_urls(reader):
        login = _login_redirect(client, url)
        assert "Anmelden" in login.content.decode()


@pytest.mark.parametrize(("name", "args"), MISSING)
def test_missing_objects_answer_visitors_alike(client, name, args):
    _login_redirect(client, reverse(name, args=args))


def test_after_the_login_the_member_sees_the_page(client, reader):
    url = _internal_urls(reader)[0]
    response = client.get(url)
    client.force_login(reader)

    page = client.get(response["Location"].split("next=", 1)[1].replace("%2F", "/"))

    assert page.status_code == 200
    assert SECRET in page.content.decode()


@pytest.mark.parametrize(("name", "args"), MISSING)
def test_signed_in_users_keep_their_404(reader, name, args):
    member = Client()
    member.force_login(reader)

    assert member.get(reverse(name, args=args)).status_code == 404

