"""Member directory and administration page: filters, visibility, constant queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import ContactPerson, ProfileAnswer, ProfileQuestion
from tests.factories import AdministrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    kreis = AdministrationFactory(name="Landkreis Mayen-Koblenz", regional_key="07137",
                                  population=218210)
    AdministrationFactory(name="Stadt Andernach", kind="stadt", parent=kreis,
                          regional_key="071375001", population=30000, seat="Andernach")
    AdministrationFactory(name="Kreis Coesfeld", federal_state="05", regional_key="05558",
                          population=224692)
    AdministrationFactory(name="Landkreis Altmark", regional_key="07999",
                          member_since=date(2019, 1, 1), member_until=date(2023, 12, 31))
    return kreis


def _names(response):
    return [a.name for a in response.context["administrations"]]


def test_directory_hides_former_members_unless_asked(client, network):
    default = client.get(reverse("members:list"))
    with_former = client.get(reverse("members:list"), {"former": "on"})

    assert "Landkreis Altmark" not in _names(default)
    assert "Landkreis Altmark" in _names(with_former)
    assert "ehemalig" in with_former.content.decode()


@pytest.mark.parametrize(("params", "expected"), [
    ({"kind": "stadt"}, ["Stadt Andernach"]),
    ({"federal_state": "05"}, ["Kreis Coesfeld"]),
    ({"q": "ander"}, ["Stadt Andernach"]),
    ({"q": "0713"}, ["Landkreis Mayen-Koblenz", "Stadt Andernach"]),
])
def test_directory_filters(client, network, params, expected):
    assert _names(client.get(reverse("members:list"), params)) == expected


def test_directory_filters_by_parent(client, network):
    response = client.get(reverse("members:list"), {"parent": network.pk})

    assert _names(response) == ["Stadt Andernach"]


def test_directory_sorts_by_population_descending(client, network):
    response = client.get(reverse("members:list"), {"sort": "-population"})

    assert _names(response) == ["Kreis Coesfeld", "Landkreis Mayen-Koblenz", "Stadt Andernach"]


def test_directory_keeps_filter_input_and_shows_count(client, network):
    page = client.get(reverse("members:list"), {"q": "Coesfeld"}).content.decode()

    assert 'value="Coesfeld"' in page
    assert "1 Verwaltung gefunden." in page


@pytest.fixture
def profile(administration):
    public_q = ProfileQuestion.objects.create(text="Welche Schwerpunkte setzen Sie?", order=1)
    internal_q = ProfileQuestion.objects.create(text="Was erwarten Sie vom Netzwerk?", order=2)
    ProfileAnswer.objects.create(administration=administration, question=public_q,
                                 text="E-Akte in der Ausländerbehörde", is_public=True)
    ProfileAnswer.objects.create(administration=administration, question=internal_q,
                                 text="Vertraulicher Austausch zu Haushaltsfragen",
                                 is_public=False)
    ContactPerson.objects.create(administration=administration, name="Petra Offen",
                                 function="digitalbeauftragte", is_public=True,
                                 email="offen@myk.example.org")
    ContactPerson.objects.create(administration=administration, name="Ingo Intern",
                                 function="it_leitung", is_public=False,
                                 phone="+49 261 0000-1234")
    administration.membership_number = 7
    administration.save()
    return administration


def test_visitor_sees_only_public_answers_and_contacts(client, profile):
    page = client.get(profile.get_absolute_url()).content.decode()

    assert "E-Akte in der Ausländerbehörde" in page
    assert "Petra Offen" in page and "offen@myk.example.org" in page
    assert "Vertraulicher Austausch" not in page
    assert "Was erwarten Sie vom Netzwerk?" not in page
    assert "Ingo Intern" not in page and "0000-1234" not in page
    assert "Mitgliedsnummer" not in page
    assert "Personen mit Zugang" not in page


def test_member_staff_sees_internal_answers_and_contacts(client, profile, other_editor):
    client.force_login(other_editor)

    page = client.get(profile.get_absolute_url()).content.decode()

    assert "Vertraulicher Austausch" in page
    assert "Ingo Intern" in page and "+49 261 0000-1234" in page
    assert "Mitgliedsnummer" in page
    assert "Steckbrief bearbeiten" not in page


def test_visitor_directory_has_no_internal_columns(client, profile, reader):
    visitor_page = client.get(reverse("members:list")).content.decode()
    client.force_login(reader)
    member_page = client.get(reverse("members:list")).content.decode()

    assert "Mitglied seit" not in visitor_page
    assert "Mitglied seit" in member_page


def test_administration_page_lists_children_and_parent(client, network):
    child_page = client.get(reverse("members:detail", args=[
        network.children.get().slug])).content.decode()
    parent_page = client.get(network.get_absolute_url()).content.decode()

    assert "Landkreis Mayen-Koblenz" in child_page
    assert "Stadt Andernach" in parent_page


def test_unknown_administration_is_404(client):
    assert client.get(reverse("members:detail", args=["gibt-es-nicht"])).status_code == 404


def test_profile_edit_saves_answers_and_visibility(client, editor, profile):
    question = ProfileQuestion.objects.get(order=2)
    client.force_login(editor)

    client.post(reverse("members:profile_edit", args=[profile.slug]), {
        f"answer_{question.pk}": "Mehr gemeinsame Ausschreibungen",
        f"answer_{ProfileQuestion.objects.get(order=1).pk}": "",
    })

    answers = {a.question.order: (a.text, a.is_public) for a in profile.profile_answers.all()}
    assert answers == {2: ("Mehr gemeinsame Ausschreibungen", False)}


def test_contact_form_keeps_input_and_explains_error(client, editor, administration):
    client.force_login(editor)

    response = client.post(reverse("members:contact_create", args=[administration.slug]),
                           {"name": "Olaf Ohne", "function": "other", "email": "kein-mail",
                            "order": 0})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Olaf Ohne"' in page
    assert "Bitte nennen Sie die Funktion" in page or "gültige E-Mail-Adresse" in page
    assert not ContactPerson.objects.filter(name="Olaf Ohne").exists()


def _populate(count):
    parent = AdministrationFactory()
    question = ProfileQuestion.objects.create(text="Frage", order=1)
    for _ in range(count):
        child = AdministrationFactory(parent=parent)
        ProfileAnswer.objects.create(administration=child, question=question, text="Antwort")
        ContactPerson.objects.create(administration=child, name="Kim", function="it_leitung")
        ContactPerson.objects.create(administration=parent, name="Kai", function="it_leitung",
                                     is_public=True)
    return parent


@pytest.mark.parametrize("logged_in", [False, True])
def test_directory_queries_do_not_grow_with_members(client, reader, logged_in):
    if logged_in:
        client.force_login(reader)
    _populate(1)
    client.get(reverse("members:list"))  # warm up session and caches
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("members:list"))
    _populate(59)
    with CaptureQueriesContext(connection) as large:
        response = client.get(reverse("members:list"))

    # A page of 50 whatever the size of the network.
    assert len(response.context["administrations"]) == 50
    assert response.context["page"].paginator.count >= 60
    assert len(large.captured_queries) == len(small.captured_queries)


def test_administration_page_queries_do_not_grow(client, reader):
    client.force_login(reader)
    small_parent = _populate(1)
    client.get(small_parent.get_absolute_url())
    with CaptureQueriesContext(connection) as small:
        client.get(small_parent.get_absolute_url())
    large_parent = _populate(30)
    with CaptureQueriesContext(connection) as large:
        response = client.get(large_parent.get_absolute_url())

    assert len(response.context["administration"].current_children) == 30
    assert len(large.captured_queries) == len(small.captured_queries)


def test_imported_non_members_are_not_listed(client, network):
    AdministrationFactory(name="Ortsgemeinde Nur Importiert", member_since=None)

    default = _names(client.get(reverse("members:list")))
    with_former = _names(client.get(reverse("members:list"), {"former": "on"}))

    assert "Ortsgemeinde Nur Importiert" not in default
    assert "Ortsgemeinde Nur Importiert" not in with_former


def test_directory_filters_by_parent_name_in_a_search_field(client, network):
    page = client.get(reverse("members:list"), {"parent": "mayen"})

    assert _names(page) == ["Stadt Andernach"]
    html = page.content.decode()
    assert 'name="parent"' in html and 'value="mayen"' in html
    # A text field, not a select with an option per Kreis and Verbandsgemeinde.
    assert '<select name="parent"' not in html
    assert _names(client.get(reverse("members:list"), {"parent": "Unbekannt"})) == []


def test_directory_pages_through_members_fifty_at_a_time(client):
    for number in range(53):
        AdministrationFactory(name=f"Gemeinde {number:02d}")

    first = client.get(reverse("members:list"))
    last = client.get(reverse("members:list"), {"page": 2, "q": "Gemeinde"})

    assert _names(first)[:2] == ["Gemeinde 00", "Gemeinde 01"]
    assert len(_names(first)) == 50
    assert _names(last) == ["Gemeinde 50", "Gemeinde 51", "Gemeinde 52"]
    page = first.content.decode()
    assert "53 Verwaltungen gefunden." in page
    assert "Seite 1 von 2" in page
    assert 'href="?page=2" rel="next"' in page
    # The filter stays in the pager's links.
    assert 'href="?page=1&amp;q=Gemeinde" rel="prev"' in last.content.decode()
    # Not a page number: the first page, no error.
    assert _names(client.get(reverse("members:list"), {"page": "x"}))[0] == "Gemeinde 00"
