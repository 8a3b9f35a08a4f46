"""The permission helpers of the base (common.permissions): one decorator, one mixin, both
asking the rules of the apps; 403 with the German page for everyone without the right."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.views.generic import DetailView

from common.permissions import PermissionRequiredMixin, URLObject, permission_required
from members.models import Administration

pytestmark = pytest.mark.django_db


def _request(user=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


@permission_required("members.change_administration", URLObject(Administration, kwarg="slug"))
def _edit(request, administration, extra="-"):
    return HttpResponse(f"{administration.name} {extra}")


class _AdministrationEdit(PermissionRequiredMixin, DetailView):
    model = Administration
    permission_required = "members.change_administration"

    def render_to_response(self, context, **kwargs):
        return HttpResponse(self.object.name)


def test_decorator_passes_the_object_loaded_once(editor, administration,
                                                 django_assert_num_queries):
    with django_assert_num_queries(1):
        response = _edit(_request(editor), slug=administration.slug, extra="ok")

    assert response.content.decode() == "Landkreis Mayen-Koblenz ok"


@pytest.mark.parametrize("who", ["visitor", "reader", "other_editor"])
def test_decorator_refuses_everyone_without_the_permission(request, administration, who):
    user = None if who == "visitor" else request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        _edit(_request(user), slug=administration.slug)


def test_decorator_answers_404_for_an_unknown_object_before_asking(db):
    with pytest.raises(Http404):
        _edit(_request(), slug="gibt-es-nicht")


def test_url_object_source_may_depend_on_the_request(editor, administration, other_editor):
    mine = URLObject(lambda request: Administration.objects.filter(
        pk=request.user.administration_id), kwarg="slug")

    assert mine.get(_request(editor), administration.slug) == administration
    with pytest.raises(Http404):
        mine.get(_request(other_editor), administration.slug)


def test_mixin_checks_the_object_and_loads_it_once(editor, administration,
                                                   django_assert_num_queries):
    view = _AdministrationEdit.as_view()

    with django_assert_num_queries(1):
        response = view(_request(editor), pk=administration.pk)

    assert response.content.decode() == "Landkreis Mayen-Koblenz"


@pytest.mark.parametrize("who", ["visitor", "reader", "other_editor"])
def test_mixin_refuses_with_403_also_visitors(request, administration, who):
    user = None if who == "visitor" else request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        _AdministrationEdit.as_view()(_request(user), pk=administration.pk)


@pytest.mark.parametrize(("url", "who", "status"), [
    (reverse("projects:catalogue"), "visitor", 403),
    (reverse("projects:catalogue"), "reader", 200),
    (reverse("projects:topic_create"), "reader", 403),
    (reverse("projects:topic_create"), "coordinator", 200),
    (reverse("groups:create"), "editor", 403),
    (reverse("groups:create"), "coordinator", 200),
])
def test_views_declare_their_permission(client, request, url, who, status):
    if who != "visitor":
        client.force_login(request.getfixturevalue(who))

    response = client.get(url)

    assert response.status_code == status
    if status == 403:
        page = response.content.decode()
        assert "Zugriff verweigert" in page
        assert ("Zur Anmeldung" in page) == (who == "visitor")


def test_edit_view_of_an_administration_refuses_other_editors(client, other_editor, editor,
                                                              administration):
    url = reverse("members:profile_edit", args=[administration.slug])
    client.force_login(other_editor)
    assert client.get(url).status_code == 403
    assert client.get(reverse("members:profile_edit", args=["gibt-es-nicht"])).status_code == 404

    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["administration"] == administration
