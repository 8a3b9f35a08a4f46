"""Articles: writing with preview, revisions with diff and restore, archiving, and what the
article page shows to members and visitors."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from knowledge.articles import services
from knowledge.articles.diff import DiffLine, line_diff
from knowledge.enums import Visibility
from knowledge.models import Article, ArticleRevision, Document
from projects.enums import Stage
from projects.models import JointProject
from tests.factories import UserFactory
from tests.knowledge.factories import CategoryFactory, article_make, document_make
from tests.knowledge.helpers import (
    make_administration,
    make_contact,
    make_status,
    make_topic,
)
from tests.meetings.helpers import make_group, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return CategoryFactory(name="Gute Beispiele", slug="gute-beispiele")


@pytest.fixture
def article(reader, administration, category):
    return article_make(author=reader, title="E-Akte im Bauamt", summary="Wie wir starteten.",
                        body="Erste Zeile.\nZweite Zeile.", category=category,
                        administration=administration, tags=["E-Akte"])


def _form_data(category, **extra):
    data = {"title": "Digitale Poststelle", "summary": "Scannen am Eingang.",
            "body": "# Ablauf\n\nAlles wird gescannt.", "category": category.pk,
            "visibility": Visibility.INTERNAL, "tags": "Post, Scannen, digitale Verwaltung",
            "message": ""}
    data.update(extra)
    return data


def _edit_data(article, **extra):
    data = {"title": article.title, "summary": article.summary, "body": article.body,
            "category": article.category_id, "visibility": article.visibility,
            "tags": ", ".join(t.name for t in article.tags.all()),
            "revision": article.revision_number, "message": ""}
    data.update(extra)
    return data


# --- Creating ------------------------------------------------------------------------------

def test_create_page_shows_editor_with_markdown_help(client, reader, category):
    client.force_login(reader)

    page = client.get(reverse("knowledge:article_create")).content.decode()

    assert page.count("<h1") == 1 and ">Neuer Artikel</h1>" in page
    assert "Tabellen: Spalten mit <code>|</code> trennen" in page
    assert 'name="preview"' in page and ">Vorschau</span>" in page
    assert ">Speichern</span>" in page
    assert f'<option value="{category.pk}">Gute Beispiele</option>' in page
    # Readers contribute for their own administration; the field shows it, disabled.
    assert 'name="administration"' in page and "disabled" in page
    assert "Landkreis Mayen-Koblenz" in page


def test_create_saves_article_relations_and_first_revision(client, reader, administration,
                                                           other_administration, category):
    topic = make_topic()
    project = JointProject.objects.create(title="Baulastenakten", slug="baulasten", goal="Ziel",
                                          lead=administration)
    meeting = make_meeting(make_group(administration), days=-10, title="AG-Sitzung Mai")
    client.force_login(reader)

    response = client.post(reverse("knowledge:article_create"), _form_data(
        category, topics=[topic.pk], joint_projects=[project.pk], meetings=[meeting.pk],
        administration=other_administration.pk, message="Aus der AG-Sitzung"))

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:article_detail",
                                           args=["digitale-poststelle"])
    assert (article.title, article.slug, article.author, article.revision_number) == (
        "Digitale Poststelle", "digitale-poststelle", reader, 1)
    # Only coordinators pick another administration; the submitted one is ignored.
    assert article.administration == administration
    assert sorted(article.tags.names()) == ["Post", "Scannen", "digitale Verwaltung"]
    assert list(article.topics.all()) == [topic]
    assert list(article.joint_projects.all()) == [project]
    assert list(article.meetings.all()) == [meeting]
    revision = article.revisions.get()
    assert (revision.number, revision.title, revision.body, revision.author, revision.message) == (
        1, "Digitale Poststelle", "# Ablauf\n\nAlles wird gescannt.", reader,
        "Aus der AG-Sitzung")
    page = client.get(response["Location"]).content.decode()
    assert "Der Artikel wurde gespeichert." in page


def test_coordinator_may_credit_another_administration(client, coordinator, other_administration,
                                                       category):
    client.force_login(coordinator)

    client.post(reverse("knowledge:article_create"),
                _form_data(category, administration=other_administration.pk))

    assert Article.objects.get().administration == other_administration


def test_coordinator_starts_with_own_administration_and_must_name_one(client, coordinator,
                                                                      administration, category):
    client.force_login(coordinator)

    form = client.get(reverse("knowledge:article_create")).content.decode()
    response = client.post(reverse("knowledge:article_create"),
                           _form_data(category, administration=""))

    assert f'<option value="{administration.pk}" selected>Landkreis Mayen-Koblenz</option>' in form
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert not Article.objects.exists()


def test_create_with_errors_keeps_input_and_explains_in_german(client, reader, category):
    client.force_login(reader)

    response = client.post(reverse("knowledge:article_create"),
                           _form_data(category, title="", body="Mein langer Text"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in page
    assert "Mein langer Text</textarea>" in page
    assert 'value="Post, Scannen, digitale Verwaltung"' in page
    assert not Article.objects.exists()


def test_preview_renders_markdown_and_saves_nothing(client, reader, category):
    client.force_login(reader)
    body = "# Ablauf\n\n| Schritt | Wer |\n| --- | --- |\n| Scannen | Poststelle |"

    response = client.post(reverse("knowledge:article_create"),
                           _form_data(category, body=body, preview="1"))

    page = response.content.decode()
    preview = page.split('id="vorschau"', 1)[1].split("</section>", 1)[0]
    assert response.status_code == 200
    assert "Er ist noch nicht gespeichert." in preview
    assert "Digitale Poststelle" in preview and "Scannen am Eingang." in preview
    assert "<h2>Ablauf</h2>" in preview
    assert "<th>Schritt</th>" in preview and "<td>Poststelle</td>" in preview
    assert "| Schritt | Wer |" in page.split("<form", 1)[1]  # the source stays in the editor
    assert not Article.objects.exists()


# --- Editing and conflicts -----------------------------------------------------------------

def test_edit_saves_a_new_revision_and_keeps_the_old(client, editor, article):
    client.force_login(editor)

    response = client.post(reverse("knowledge:article_edit", args=[article.slug]), _edit_data(
        article, body="Erste Zeile.\nGeänderte Zeile.", message="Zweite Zeile korrigiert"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "Erste Zeile.\nGeänderte Zeile."
    assert article.revision_number == 2
    assert list(article.revisions.values_list("number", "body", "author", "message")) == [
        (2, "Erste Zeile.\nGeänderte Zeile.", editor.pk, "Zweite Zeile korrigiert"),
        (1, "Erste Zeile.\nZweite Zeile.", article.author_id, "Erste Fassung"),
    ]


def test_edit_form_starts_from_the_current_revision(client, editor, article):
    client.force_login(editor)

    page = client.get(reverse("knowledge:article_edit", args=[article.slug])).content.decode()

    assert '<input type="hidden" name="revision" value="1"' in page
    assert 'value="E-Akte"' in page
    assert "„E-Akte im Bauamt“ bearbeiten</h1>" in page


def test_edit_conflict_keeps_input_and_shows_the_other_version(client, editor, coordinator,
                                                                article):
    client.force_login(editor)
    data = _edit_data(article, body="Meine Fassung.")
    services.article_update(article=Article.objects.get(pk=article.pk), user=coordinator,
                            expected_revision=1, body="Fassung der Koordinierungsstelle.",
                            message="Quelle ergänzt")

    response = client.post(reverse("knowledge:article_edit", args=[article.slug]), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Artikel gespeichert" in page
    assert "Meine Fassung.</textarea>" in page
    other = page.split('id="andere-fassung"', 1)[1]
    assert "Die andere Fassung (Version 2)" in other
    assert "Fassung der Koordinierungsstelle.</pre>" in other
    assert "Quelle ergänzt" in other and str(coordinator) in other
    assert '<input type="hidden" name="revision" value="2"' in page
    article.refresh_from_db()
    assert (article.body, article.revision_number) == ("Fassung der Koordinierungsstelle.", 2)

    # Saving again replaces the other version knowingly, as a new revision.
    client.post(reverse("knowledge:article_edit", args=[article.slug]),
                _edit_data(article, body="Meine Fassung.", revision=2))
    article.refresh_from_db()
    assert (article.body, article.revision_number) == ("Meine Fassung.", 3)


# --- History, diff and restore -------------------------------------------------------------

@pytest.fixture
def revised(article, editor):
    services.article_update(article=article, user=editor, expected_revision=1,
                            title="E-Akte im Bauamt des Kreises",
                            body="Erste Zeile.\nNeue zweite Zeile.\nDritte Zeile.",
                            message="Ergänzt")
    return article


def test_history_lists_revisions_newest_first(client, editor, revised):
    services.article_restore(article=revised, revision=revised.revisions.get(number=1),
                             user=editor)
    client.force_login(editor)

    response = client.get(reverse("knowledge:article_history", args=[revised.slug]))

    page = response.content.decode()
    rows = [(r.number, r.author_id, r.message, r.restored_from)
            for r in response.context["page"].object_list]
    assert rows == [(3, editor.pk, "Version 1 wiederhergestellt", 1),
                    (2, editor.pk, "Ergänzt", None),
                    (1, revised.author_id, "Erste Fassung", None)]
    assert "(wiederhergestellt aus Version 1)" in page
    assert page.count(">aktuell</span>") == 1
    assert 'href="/wissen/artikel/e-akte-im-bauamt/versionen/2/wiederherstellen/"' in page
    assert 'href="/wissen/artikel/e-akte-im-bauamt/versionen/3/wiederherstellen/"' not in page


@pytest.mark.parametrize("role", ["other_editor", "editor"])
def test_history_queries_do_not_grow_with_revisions(client, request, article, role,
                                                     django_assert_num_queries):
    # The editor's page asks the restore rule on every row; it must not load anything.
    user = request.getfixturevalue(role)
    client.force_login(user)
    url = reverse("knowledge:article_history", args=[article.slug])
    client.get(url)  # warm up: session, permission tables
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(2, 31):
        services.article_update(article=article, user=article.author, expected_revision=None,
                                body=f"Fassung {number}.")

    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(url).content.decode()

    assert page.count(">aktuell</span>") == 1
    assert page.count("wiederherstellen</a>") == (29 if role == "editor" else 0)


def test_revision_page_marks_changes_with_signs_and_hidden_text(client, reader, revised):
    client.force_login(reader)

    page = client.get(reverse("knowledge:revision_detail",
                              args=[revised.slug, 2])).content.decode()

    assert "Version 2 im Vergleich zu Version 1" in page
    assert ('<del class="diff__line diff__line--removed"><span class="diff__sign" '
            'aria-hidden="true">−</span><span class="visually-hidden">entfernt: </span>'
            "Zweite Zeile.</del>") in page
    assert ('<ins class="diff__line diff__line--added"><span class="diff__sign" '
            'aria-hidden="true">+</span><span class="visually-hidden">hinzugefügt: </span>'
            "Neue zweite Zeile.</ins>") in page
    assert "hinzugefügt: </span>Dritte Zeile.</ins>" in page
    assert "hinzugefügt: </span>E-Akte im Bauamt des Kreises</ins>" in page
    summary = page.split('id="diff-summary"', 1)[1].split("</section>", 1)[0]
    assert "unverändert" in summary
    # A reader did not write the article: no restore button.
    assert "wiederherstellen</span>" not in page


def test_revision_page_compares_with_chosen_version(client, editor, revised):
    services.article_update(article=revised, user=editor, expected_revision=2,
                            body="Nur noch eine Zeile.")
    client.force_login(editor)

    page = client.get(reverse("knowledge:revision_detail", args=[revised.slug, 3]),
                      {"gegen": 1}).content.decode()

    assert "Version 3 im Vergleich zu Version 1" in page
    assert "entfernt: </span>Erste Zeile.</del>" in page
    assert "hinzugefügt: </span>Nur noch eine Zeile.</ins>" in page
    assert '<option value="1" selected>1</option>' in page


def test_first_revision_is_all_new(client, reader, article):
    client.force_login(reader)

    page = client.get(reverse("knowledge:revision_detail", args=[article.slug, 1])).content.decode()

    assert "Erste Fassung: alles ist neu" in page
    assert "hinzugefügt: </span>Erste Zeile.</ins>" in page


def test_restore_asks_first_then_makes_a_new_revision(client, editor, revised):
    client.force_login(editor)
    url = reverse("knowledge:revision_restore", args=[revised.slug, 1])

    confirm = client.get(url).content.decode()
    assert "Version 1 wiederherstellen?</h1>" in confirm
    assert "hinzugefügt: </span>Zweite Zeile.</ins>" in confirm
    assert Article.objects.get(pk=revised.pk).revision_number == 2

    response = client.post(url)

    assert response.status_code == 302
    revised.refresh_from_db()
    assert (revised.title, revised.body, revised.revision_number) == (
        "E-Akte im Bauamt", "Erste Zeile.\nZweite Zeile.", 3)
    restored = revised.revisions.get(number=3)
    assert (restored.restored_from, restored.author, restored.body) == (
        1, editor, "Erste Zeile.\nZweite Zeile.")
    assert ArticleRevision.objects.filter(article=revised).count() == 3
    page = client.get(response["Location"]).content.decode()
    assert "Version 1 wurde wiederhergestellt und ist jetzt Version 3." in page


def test_restoring_the_current_version_changes_nothing(client, editor, revised):
    client.force_login(editor)

    response = client.post(reverse("knowledge:revision_restore", args=[revised.slug, 2]),
                           follow=True)

    assert "Version 2 ist bereits die aktuelle Fassung." in response.content.decode()
    assert Article.objects.get(pk=revised.pk).revision_number == 2


def test_history_is_internal_even_for_public_articles(client, reader, category):
    article = article_make(author=reader, category=category, visibility=Visibility.PUBLIC)

    history = client.get(reverse("knowledge:article_history", args=[article.slug]))
    revision = client.get(reverse("knowledge:revision_detail", args=[article.slug, 1]))

    assert history.status_code == 403 and revision.status_code == 403


def test_unknown_revision_is_404(client, reader, article):
    client.force_login(reader)

    assert client.get(reverse("knowledge:revision_detail",
                              args=[article.slug, 9])).status_code == 404
    assert client.get(reverse("knowledge:revision_detail", args=[article.slug, 1]),
                      {"gegen": 7}).status_code == 404


# --- Archiving -----------------------------------------------------------------------------

def test_archive_hides_article_from_lists_but_members_can_open_it(client, coordinator, reader,
                                                                 category):
    article = article_make(author=reader, category=category, title="Altes Verfahren",
                           visibility=Visibility.PUBLIC)
    client.force_login(coordinator)

    response = client.post(reverse("knowledge:article_archive", args=[article.slug]))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.archived_at is not None
    index = client.get(reverse("knowledge:index")).content.decode()
    assert "Altes Verfahren" not in index
    client.force_login(reader)
    page = client.get(reverse("knowledge:article_detail", args=[article.slug])).content.decode()
    assert "Dieser Artikel ist seit dem" in page and "archiviert" in page
    client.logout()
    assert client.get(reverse("knowledge:article_detail",
                              args=[article.slug])).status_code == 302  # to the login


def test_unarchive_brings_article_back(client, coordinator, reader, category):
    article = article_make(author=reader, category=category, title="Wieder aktuell")
    services.article_archive(article=article, user=coordinator)
    client.force_login(coordinator)

    page = client.get(reverse("knowledge:article_detail", args=[article.slug])).content.decode()
    assert "Archivierung aufheben" in page
    client.post(reverse("knowledge:article_unarchive", args=[article.slug]))

    article.refresh_from_db()
    assert article.archived_at is None
    assert "Wieder aktuell" in client.get(reverse("knowledge:index")).content.decode()


# --- Article page --------------------------------------------------------------------------

@pytest.fixture
def rich_article(reader, administration, other_administration, category):
    topic = make_topic()
    helper = make_administration("kreis-ahrweiler", "Kreis Ahrweiler")
    planner = make_administration("stadt-andernach", "Stadt Andernach")
    make_status(helper, topic, Stage.LIVE, product="d.velop",
                contact=make_contact(helper, "Hanna Hilfreich", is_public=False,
                                     email="hanna@example.org", phone="02641 123"))
    make_contact(helper, "Peter Public", is_public=True, email="peter@example.org")
    make_status(other_administration, topic, Stage.PILOT)
    make_contact(other_administration, "Nina Neuwied", is_public=True, email="nina@example.org")
    make_status(planner, topic, Stage.PLANNED)
    make_contact(planner, "Paul Plan", is_public=True)
    project = JointProject.objects.create(title="Baulastenakten", slug="baulasten", goal="Ziel",
                                          lead=administration)
    meeting = make_meeting(make_group(administration), days=-10, title="AG-Sitzung Mai")
    article = article_make(
        author=reader, category=category, title="E-Akte einführen", summary="So gelingt es.",
        body="# Schritte\n\nErst planen.", administration=administration,
        visibility=Visibility.PUBLIC, tags=["E-Akte", "Scannen"], topics=[topic],
        joint_projects=[project], meetings=[meeting])
    document_make(uploaded_by=reader, title="Dienstanweisung E-Akte",
                  visibility=Visibility.PUBLIC).articles.add(article)
    document_make(uploaded_by=reader, title="Interne Kalkulation").articles.add(article)
    return article


def test_article_page_shows_meta_body_and_related_items_to_members(client, reader, rich_article,
                                                                   administration):
    client.force_login(UserFactory(administration=administration))

    response = client.get(reverse("knowledge:article_detail", args=[rich_article.slug]))

    page = response.content.decode()
    assert page.count("<h1") == 1 and ">E-Akte einführen</h1>" in page
    assert "So gelingt es." in page
    assert '<div class="markdown-body"><h2>Schritte</h2>' in page
    assert 'href="/wissen/?kategorie=gute-beispiele#artikel">Gute Beispiele</a>' in page
    assert 'href="/wissen/?schlagwort=e-akte#artikel">E-Akte</a>' in page
    assert 'href="/wissen/?schlagwort=scannen#artikel">Scannen</a>' in page
    assert str(reader) in page
    assert f'href="{administration.get_absolute_url()}">Landkreis Mayen-Koblenz</a>' in page
    assert "öffentlich" in page and "Version 1" in page
    assert 'href="/vorhaben/themen/e-akte/">E-Akte</a>' in page
    assert 'href="/vorhaben/projekte/baulasten/">Baulastenakten</a>' in page
    assert ">AG-Sitzung Mai</a>" in page
    for document in Document.objects.all():
        assert f'href="/wissen/dokumente/{document.pk}/">{document.title}</a>' in page
    assert 'href="/wissen/dokumente/neu/?artikel=e-akte-einfuehren"' in page
    assert 'href="/wissen/artikel/e-akte-einfuehren/versionen/"' in page
    # A reader who did not write it may neither edit nor archive it.
    assert "Artikel bearbeiten" not in page and "archivieren" not in page


def test_who_can_help_lists_advanced_members_with_contacts(client, reader, rich_article):
    client.force_login(reader)

    response = client.get(reverse("knowledge:article_detail", args=[rich_article.slug]))

    helpers = response.context["helpers"]
    assert [(h.administration.name, [c.name for c in h.contacts]) for h in helpers] == [
        ("Kreis Ahrweiler", ["Hanna Hilfreich"]),  # the contact named on the status
        ("Landkreis Neuwied", ["Nina Neuwied"]),   # no contact on the status: the member's
    ]
    box = response.content.decode().split('id="wer-kann-helfen"', 1)[1].split("</aside>", 1)[0]
    assert "E-Akte: im Betrieb (d.velop)" in box and "E-Akte: Pilot" in box
    assert 'href="mailto:hanna@example.org">hanna@example.org</a>' in box
    assert "Telefon 02641 123" in box
    assert "Stadt Andernach" not in box  # only planned


def test_who_can_help_names_current_members_only(client, reader, rich_article):
    topic = rich_article.topics.get()
    today = timezone.localdate()
    former = make_administration("ehemalig", name="Verbandsgemeinde Ehemalig",
                                 member_until=today)
    future = make_administration("kuenftig", name="Stadt Künftig",
                                 member_since=today + timedelta(days=1))
    leaving = make_administration("scheidend", name="Gemeinde Scheidend",
                                  member_until=today + timedelta(days=30))
    for member in (former, future, leaving):
        make_status(member, topic, Stage.LIVE)
    client.force_login(reader)

    response = client.get(reverse("knowledge:article_detail", args=[rich_article.slug]))

    helpers = response.context["helpers"]
    assert [h.administration.name for h in helpers] == [
        "Gemeinde Scheidend", "Kreis Ahrweiler", "Landkreis Neuwied"]
    assert helpers.total == 3
    page = response.content.decode()
    assert "Verbandsgemeinde Ehemalig" not in page and "Stadt Künftig" not in page


def test_visitor_sees_public_parts_only(client, rich_article):
    response = client.get(reverse("knowledge:article_detail", args=[rich_article.slug]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Dienstanweisung E-Akte" in page and "Interne Kalkulation" not in page
    assert "/wissen/dokumente/neu/" not in page
    assert "Rita" not in page  # the author's name is internal
    assert "Versionsgeschichte" not in page and "/versionen/" not in page
    assert 'href="/vorhaben/themen/e-akte/"' not in page  # topic pages are internal
    # Who runs a topic is a status, and statuses are internal: visitors learn nobody's
    # stage, not even from the choice of members named.
    box = page.split('id="wer-kann-helfen"', 1)[1].split("</aside>", 1)[0]
    assert "sehen angemeldete Mitglieder des Netzwerks" in box
    for name in ("Kreis Ahrweiler", "Landkreis Neuwied", "Hanna Hilfreich", "Peter Public",
                 "Nina Neuwied", "im Betrieb", "Pilot", "d.velop"):
        assert name not in page
    assert response.context["helpers"] == []


def test_visitor_gets_the_login_for_internal_article(client, reader, category):
    article = article_make(author=reader, category=category)

    response = client.get(reverse("knowledge:article_detail", args=[article.slug]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_author_sees_edit_button_but_not_archive(client, reader, rich_article):
    client.force_login(reader)
    rich_article.author = UserFactory(administration=reader.administration)
    rich_article.save()
    client.force_login(rich_article.author)

    page = client.get(reverse("knowledge:article_detail",
                              args=[rich_article.slug])).content.decode()

    assert 'href="/wissen/artikel/e-akte-einfuehren/bearbeiten/"' in page
    assert "Artikel archivieren" not in page


def test_coordinator_sees_edit_and_archive_buttons(client, coordinator, rich_article):
    client.force_login(coordinator)

    page = client.get(reverse("knowledge:article_detail",
                              args=[rich_article.slug])).content.decode()

    assert 'href="/wissen/artikel/e-akte-einfuehren/bearbeiten/"' in page
    assert 'action="/wissen/artikel/e-akte-einfuehren/archivieren/"' in page


def _add_related(article, n, administration):
    group = make_group(administration, slug=f"ag-{n}", name=f"AG {n}")
    for i in range(n):
        topic = make_topic(name=f"Thema {n}-{i}", slug=f"thema-{n}-{i}")
        member = make_administration(f"mitglied-{n}-{i}")
        make_status(member, topic, Stage.LIVE, contact=make_contact(member, f"Kontakt {i}"))
        make_contact(member, f"Weitere {i}", is_public=True)
        article.topics.add(topic)
        article.joint_projects.add(JointProject.objects.create(
            title=f"Projekt {n}-{i}", slug=f"projekt-{n}-{i}", goal="Ziel", lead=member))
        article.meetings.add(make_meeting(group, days=-i - 1, title=f"Sitzung {i}"))
        document_make(uploaded_by=None, title=f"Dokument {i}",
                      visibility=Visibility.PUBLIC).articles.add(article)
    article.tags.add(*[f"Schlagwort {n}-{i}" for i in range(n)])


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_article_page_query_count_does_not_grow_with_related_items(
        client, reader, administration, category, django_assert_num_queries, role):
    if role == "member":
        client.force_login(reader)
    small = article_make(author=reader, category=category, title="Klein",
                         visibility=Visibility.PUBLIC, administration=administration)
    large = article_make(author=reader, category=category, title="Groß",
                         visibility=Visibility.PUBLIC, administration=administration)
    _add_related(small, 1, administration)
    _add_related(large, 30, administration)
    # The article; tags, topics, projects, meetings, documents; for members the statuses
    # and the contacts of "Wer kann helfen?" (internal: visitors get none), session, user,
    # the administration in the header; for members also how many could help in all (only
    # the first 20 are named), and the comments (none here; their mentioned administrations
    # are one more query when there are some, see tests/comments). Django's permission
    # tables are not read for members (members.models.User.has_perm). Members also see the
    # Rundfrage the article came from (polls.results: "Aus der Rundfrage …", one query);
    # the bell (unread notifications) and the follow button (a follow row, the author's
    # default follow) add three.
    expected = 17 if role == "member" else 6

    with django_assert_num_queries(expected):
        first = client.get(reverse("knowledge:article_detail", args=[small.slug]))
    with django_assert_num_queries(expected):
        second = client.get(reverse("knowledge:article_detail", args=[large.slug]))

    assert first.content.decode().count("Dokument 0") == 1
    helpers = 20 if role == "member" else 0
    assert len(second.context["helpers"]) == helpers
    assert second.content.decode().count('class="helper-list__item"') == helpers
    if role == "member":
        assert second.context["helpers"].total == 30
        assert "Hier die ersten 20 von 30 Mitgliedern, die am weitesten sind." in (
            second.content.decode())


# --- Diff helper ---------------------------------------------------------------------------

def test_line_diff_keeps_context_and_marks_gaps():
    old = "\n".join(f"Zeile {i}" for i in range(1, 11))
    new = old.replace("Zeile 5", "Zeile fünf")

    lines = line_diff(old, new, context=1)

    assert lines == [
        DiffLine("gap", ""), DiffLine("same", "Zeile 4"), DiffLine("removed", "Zeile 5"),
        DiffLine("added", "Zeile fünf"), DiffLine("same", "Zeile 6"), DiffLine("gap", ""),
    ]


def test_line_diff_of_a_new_text_adds_every_line():
    assert line_diff("", "a\nb") == [DiffLine("added", "a"), DiffLine("added", "b")]


def test_archived_article_keeps_its_revisions(coordinator, article):
    services.article_archive(article=article, user=coordinator)

    assert article.revisions.count() == 1
    assert article.archived_at <= timezone.now()
