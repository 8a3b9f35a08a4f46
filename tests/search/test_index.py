"""The index follows every write: edits, deletions, archiving, publishing minutes, renames,
relations changed from either side; and the rebuild command."""

from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client

from common.models import SearchEntry
from knowledge.articles.services import article_archive, article_unarchive, article_update
from knowledge.documents.services import document_archive
from knowledge.enums import Visibility
from meetings.models import Decision
from meetings.services.minutes import minutes_publish, minutes_save
from members.models import ContactPerson
from members.services.administrations import administration_update, contact_save
from projects.models import JointProject, Milestone
from tests.factories import AdministrationFactory
from tests.knowledge.factories import CategoryFactory, article_make, document_make
from tests.meetings.helpers import add_agenda, make_group, make_meeting
from tests.projects.helpers import make_topic

from .helpers import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(reader):
    client = Client()
    client.force_login(reader)
    return client


def test_edited_article_is_found_by_its_new_words(member_client, reader):
    article = article_make(author=reader, title="Faxversand", body="Faxe gehen raus.")

    article_update(article=article, user=reader, expected_revision=article.revision_number,
                   title="Elektronischer Rechnungsversand", body="E-Rechnungen statt Papier.",
                   tags=["XRechnung"])

    assert found(member_client, "Faxversand") == []
    assert found(member_client, "Rechnungsversand") == ["Elektronischer Rechnungsversand"]
    assert found(member_client, "Papier") == ["Elektronischer Rechnungsversand"]
    assert found(member_client, "XRechnung") == ["Elektronischer Rechnungsversand"]


def test_deleted_article_leaves_the_index(member_client, reader):
    article = article_make(author=reader, title="Kassenautomat")

    article.delete()

    assert not SearchEntry.objects.filter(kind="article").exists()
    assert found(member_client, "Kassenautomat") == []


def test_archived_article_leaves_and_unarchived_returns(member_client, reader, coordinator):
    article = article_make(author=reader, title="Zeiterfassung", visibility=Visibility.PUBLIC)

    article_archive(article=article, user=coordinator)
    assert found(member_client, "Zeiterfassung") == []

    article_unarchive(article=article, user=coordinator)
    assert found(member_client, "Zeiterfassung") == ["Zeiterfassung"]
    assert found(Client(), "Zeiterfassung") == ["Zeiterfassung"]


def test_article_becomes_public_when_visibility_changes(client, reader):
    article = article_make(author=reader, title="Parkraumbewirtschaftung")
    assert found(client, "Parkraum") == []

    article_update(article=article, user=reader, expected_revision=None,
                   visibility=Visibility.PUBLIC)

    assert found(client, "Parkraum") == ["Parkraumbewirtschaftung"]


def test_renamed_category_reaches_its_articles(member_client, reader):
    category = CategoryFactory(name="Organisation")
    article_make(author=reader, title="Geschäftsverteilung", category=category)

    category.name = "Personalwesen"
    category.save()

    assert found(member_client, "Personalwesen") == ["Geschäftsverteilung"]


def test_archived_document_leaves_the_index(member_client, reader, coordinator):
    document = document_make(uploaded_by=reader, title="Dienstanweisung Scannen")
    assert found(member_client, "Anweisung") == ["Dienstanweisung Scannen"]

    document_archive(document=document, user=coordinator)

    assert found(member_client, "Anweisung") == []


def test_minutes_are_found_only_once_published(member_client, coordinator, administration):
    meeting = make_meeting(make_group(administration), days=-7, state="held",
                           title="Quartalssitzung Herbst")
    item, = add_agenda(meeting, "Bericht aus den Kreisen")
    Decision.objects.create(meeting=meeting, wording="Die Arbeitsgruppe beschafft Tablets.")
    minutes_save(meeting=meeting, summary="Der Haushaltsvorbehalt wurde erläutert.",
                 notes={item.pk: "Neuwied stellt das Wahlhelferportal vor."}, by=coordinator)

    assert found(member_client, "Bericht") == ["Quartalssitzung Herbst"]
    for word in ("Haushaltsvorbehalt", "Wahlhelferportal", "Tablets"):
        assert found(member_client, word) == [], word

    minutes_publish(meeting=meeting, by=coordinator)

    for word in ("Haushaltsvorbehalt", "Wahlhelferportal", "Portal", "Tablets"):
        assert found(member_client, word) == ["Quartalssitzung Herbst"], word
    assert found(Client(), "Haushaltsvorbehalt") == []


def test_deleted_meeting_leaves_the_index(member_client, administration):
    meeting = make_meeting(make_group(administration), title="Sondersitzung")
    add_agenda(meeting, "Haushalt")

    meeting.delete()

    assert not SearchEntry.objects.filter(kind="meeting").exists()


def test_project_follows_participants_added_from_either_side(member_client, administration,
                                                             other_administration):
    project = JointProject.objects.create(title="Gemeinsame Vergabeplattform", slug="vergabe",
                                          lead=administration, goal="Eine Plattform.")
    assert found(member_client, "Neuwied") == ["Landkreis Neuwied"]

    other_administration.joint_projects.add(project)
    assert found(member_client, "Neuwied") == ["Landkreis Neuwied",
                                               "Gemeinsame Vergabeplattform"]

    other_administration.joint_projects.clear()
    assert found(member_client, "Neuwied") == ["Landkreis Neuwied"]


def test_project_follows_milestones_and_decisions(member_client, administration):
    project = JointProject.objects.create(title="Kfz-Ummeldung", slug="kfz",
                                          lead=administration, goal="Ohne Termin.")
    Milestone.objects.create(project=project, date=date(2026, 5, 1), title="Pilotbetrieb")
    meeting = make_meeting(make_group(administration), title="Sitzung")
    decision = Decision.objects.create(meeting=meeting, wording="Der Pilot startet im Mai.")
    project.decisions.add(decision)
    assert found(member_client, "Pilotbetrieb") == ["Kfz-Ummeldung"]
    assert found(member_client, "Mai") == ["Kfz-Ummeldung"]

    decision.delete()

    assert found(member_client, "Mai") == []


def test_project_follows_its_topics_renamed_and_deleted(member_client, administration):
    topic = make_topic(name="Smart Region", slug="smart-region")
    project = JointProject.objects.create(title="Sensoren", slug="sensoren",
                                          lead=administration, goal="Messen.")
    project.topics.add(topic)
    assert found(member_client, "Region") == ["Sensoren"]

    topic.name = "Intelligente Landkreise"
    topic.save()
    assert found(member_client, "Region") == []
    assert found(member_client, "Intelligente") == ["Sensoren"]

    topic.delete()
    assert found(member_client, "Intelligente") == []


def test_renamed_administration_reaches_articles_and_projects(member_client, reader, coordinator,
                                                              administration):
    article_make(author=reader, title="Breitbandförderung")
    JointProject.objects.create(title="Geoportal", slug="geoportal", lead=administration,
                                goal="Karten für alle.")

    administration_update(administration=administration, fields={"name": "Kreis Maifeld"},
                          by=coordinator)

    assert found(member_client, "Maifeld") == ["Kreis Maifeld", "Breitbandförderung",
                                               "Geoportal"]
    assert found(member_client, "Mayen") == []


def test_contact_made_internal_is_no_longer_found_by_visitors(client, editor, administration):
    contact = ContactPerson.objects.create(administration=administration, name="Nora Nett",
                                           is_public=True)
    assert found(client, "Nett") == ["Landkreis Mayen-Koblenz"]

    contact_save(contact=contact, fields={"is_public": False}, by=editor)

    assert found(client, "Nett") == []


def test_administration_that_left_stays_findable_as_former_member(client):
    administration = AdministrationFactory(name="Stadt Andernach", member_until=date(2024, 1, 1))

    assert found(client, "Andernach") == ["Stadt Andernach"]
    administration.member_since = None
    administration.member_until = None
    administration.save()
    assert found(client, "Andernach") == []


def test_rebuild_command_recreates_the_index(member_client, reader, administration, capsys):
    article_make(author=reader, title="Digitale Bauakte", visibility=Visibility.PUBLIC)
    SearchEntry.objects.all().delete()
    SearchEntry.objects.create(kind="article", object_id=999_999, title="Verwaist",
                               vector="")
    assert found(member_client, "Bauakte") == []

    call_command("rebuild_search_index")

    assert found(member_client, "Bauakte") == ["Digitale Bauakte"]
    assert found(Client(), "Akte") == ["Digitale Bauakte"]
    assert found(member_client, "Verwaist") == []
    assert SearchEntry.objects.count() == 2
    output = capsys.readouterr().out
    assert output.startswith("Suchindex neu aufgebaut in ")
    assert output.rstrip().endswith(": 1 × Artikel, 0 × Dokument, 0 × Sitzung, 0 × Projekt, "
                                    "0 × Rundfrage, 1 × Mitglied.")


def test_rebuild_if_empty_fills_an_empty_index_only(member_client, reader, capsys):
    article_make(author=reader, title="Digitale Bauakte")
    SearchEntry.objects.all().delete()

    call_command("rebuild_search_index", "--if-empty")
    assert found(member_client, "Bauakte") == ["Digitale Bauakte"]
    SearchEntry.objects.filter(kind="member").delete()
    capsys.readouterr()

    call_command("rebuild_search_index", "--if-empty")

    assert capsys.readouterr().out.strip() == "Der Suchindex ist schon gefüllt; nichts zu tun."
    assert not SearchEntry.objects.filter(kind="member").exists()
