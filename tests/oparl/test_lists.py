"""The spec's rules that the schemas do not express: pagination and its links, the filters
and `limit`, errors as JSON, CORS, deleted objects, cancelled meetings; constant queries
per list page."""

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from knowledge.enums import Visibility
from meetings.models import Meeting, WorkingGroup
from tests.factories import AdministrationFactory, UserFactory
from tests.knowledge.factories import document_make
from tests.oparl.schemas import errors
from tests.oparl.walk import JSON, path_of

MEETINGS = "/oparl/v1/body/1/meeting"
BERLIN = timezone.get_fixed_timezone(60)


def _meeting(group, *, title="Sitzung", state="invited", days=10, **extra) -> Meeting:
    starts = timezone.now() + timedelta(days=days)
    extra.setdefault("invited_at", timezone.now())
    return Meeting.objects.create(working_group=group, title=title, starts_at=starts,
                                  ends_at=starts + timedelta(hours=2), state=state,
                                  location="Kreishaus, Saal 1", **extra)


def _with_document(meeting, title="Vorlage") -> Meeting:
    document_make(uploaded_by=UserFactory(), title=title, filename="v.txt", content=b"Vorlage",
                  visibility=Visibility.PUBLIC).meetings.add(meeting)
    return meeting


@pytest.fixture
def group(db):
    return WorkingGroup.objects.create(name="AG Digitales Kreishaus", slug="ag-digital")


def _get(client, url: str, **params):
    response = client.get(url if url.startswith("/") else path_of(url), params)
    assert response["Content-Type"] == JSON
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.status_code, response.json()


# --- Pagination ---------------------------------------------------------------------------

def test_pages_have_links_and_counts_as_the_spec_says(client, group):
    public = [_meeting(group, title=f"Sitzung {n}") for n in range(5)]
    _meeting(group, title="Geplant", state="planned", invited_at=None)

    status, first = _get(client, MEETINGS, limit=2)
    _, second = _get(client, first["links"]["next"])
    _, third = _get(client, second["links"]["next"])

    assert status == 200
    assert first["pagination"] == {"totalElements": 5, "elementsPerPage": 2,
                                   "currentPage": 1, "totalPages": 3}
    base = settings.SITE_URL + MEETINGS
    assert first["links"] == {"first": f"{base}?limit=2", "self": f"{base}?limit=2",
                              "next": f"{base}?limit=2&page=2",
                              "last": f"{base}?limit=2&page=3"}
    assert second["links"]["prev"] == f"{base}?limit=2"
    assert second["links"]["next"] == f"{base}?limit=2&page=3"
    assert "next" not in third["links"] and third["pagination"]["currentPage"] == 3
    ids = [m["id"] for page in (first, second, third) for m in page["data"]]
    assert ids == [f"{settings.SITE_URL}/oparl/v1/meeting/{m.pk}" for m in public]


def test_filters_stay_in_every_link(client, group):
    for n in range(3):
        _meeting(group, title=f"Sitzung {n}")

    _, page = _get(client, MEETINGS, limit=1, created_since="2020-01-01T00:00:00+01:00")

    for name in ("first", "self", "next", "last"):
        query = parse_qs(urlsplit(page["links"][name]).query)
        assert query["created_since"] == ["2020-01-01T00:00:00+01:00"]
        assert query["limit"] == ["1"]


def test_limit_is_bounded(client, group):
    _meeting(group)

    _, page = _get(client, MEETINGS, limit=100000)

    assert page["pagination"]["elementsPerPage"] == 500


def _at(year, month, day) -> datetime:
    return datetime(year, month, day, 12, tzinfo=BERLIN)


def test_created_and_modified_filters_select_by_the_objects_times(client, group):
    old, new = _meeting(group, title="Alt"), _meeting(group, title="Neu")
    Meeting.objects.filter(pk=old.pk).update(created_at=_at(2024, 1, 10),
                                             updated_at=_at(2024, 2, 1))
    Meeting.objects.filter(pk=new.pk).update(created_at=_at(2025, 3, 10),
                                             updated_at=_at(2025, 3, 10))

    def names(**params):
        ids = [m["id"].rsplit("/", 1)[1] for m in _get(client, MEETINGS, **params)[1]["data"]]
        return [{str(old.pk): "Alt", str(new.pk): "Neu"}[pk] for pk in ids]

    assert names(created_since="2025-01-01T00:00:00+01:00") == ["Neu"]
    assert names(created_until="2025-01-01T00:00:00+01:00") == ["Alt"]
    assert names(modified_since="2024-01-20T00:00:00+01:00",
                 modified_until="2024-03-01T00:00:00+01:00") == ["Alt"]
    # "+" sent unencoded arrives as a space; it is still read as the offset.
    assert client.get(MEETINGS + "?modified_since=2024-01-20T00:00:00+01:00").json()[
        "pagination"]["totalElements"] == 2


@pytest.mark.parametrize(("params", "status", "message"), [
    ({"created_since": "gestern"}, 400, "Der Filter created_since erwartet einen Zeitpunkt"),
    ({"modified_until": "2024-13-45T00:00:00+01:00"}, 400, "Der Filter modified_until"),
    ({"modified_since": "\x00"}, 400, "Der Filter modified_since"),
    ({"limit": "0"}, 400, "Der Parameter limit erwartet eine ganze Zahl ab 1."),
    ({"limit": "zehn"}, 400, "Der Parameter limit"),
    ({"page": "-1"}, 400, "Der Parameter page"),
    ({"page": "99"}, 404, "Diese Listenseite gibt es nicht."),
])
def test_bad_list_parameters_answer_with_the_error_object(client, group, params, status,
                                                          message):
    _meeting(group)

    answer_status, body = _get(client, MEETINGS, **params)

    assert answer_status == status
    assert body["type"] == "https://schema.oparl.org/1.1/Error"
    assert body["message"].startswith(message)
    assert body["debug"]


@pytest.mark.parametrize("path", ["/oparl/v1/unbekannt", "/oparl/v1/body/2",
                                  "/oparl/v1/meeting/999999", "/oparl/v1/organization/0"])
def test_unknown_addresses_answer_404_as_json(client, db, path):
    status, body = _get(client, path)

    assert status == 404
    assert body["type"] == "https://schema.oparl.org/1.1/Error"
    assert body["message"] == "Dieses Objekt gibt es nicht (oder es ist nicht öffentlich)."


# --- CORS, users, answers -------------------------------------------------------------------

def test_answers_are_the_same_for_everyone_and_allow_every_origin(client, group):
    _with_document(_meeting(group))
    coordinator = UserFactory(role="coordinator")
    logged_in = client.__class__()
    logged_in.force_login(coordinator)

    visitor = client.get(MEETINGS, HTTP_ORIGIN="https://app.example.net")
    member = logged_in.get(MEETINGS, HTTP_ORIGIN="https://app.example.net")

    assert visitor["Access-Control-Allow-Origin"] == member["Access-Control-Allow-Origin"] == "*"
    assert "GET" in visitor.get("Access-Control-Allow-Methods", "GET")
    assert visitor.json() == member.json()
    assert visitor.content.startswith(b"{")  # UTF-8, no byte order mark


# --- Meetings: cancelled, embedded objects, deleted files ----------------------------------------

def test_meeting_gone_from_public_view_is_deleted_and_listed_only_for_changes(client, group):
    public = _meeting(group, title="Kommt noch", days=10)
    held = _meeting(group, title="Vorbei", days=-3, state="held")
    cancelled = _meeting(group, title="Abgesagt", days=5, state="cancelled",
                         cancel_reason="Krankheit")
    _meeting(group, title="Geplant", state="planned", invited_at=None)
    # Last changed before it took place: it disappeared when it began.
    Meeting.objects.filter(pk=held.pk).update(updated_at=held.starts_at - timedelta(days=9))

    _, plain = _get(client, MEETINGS)
    _, changes = _get(client, MEETINGS, modified_since="2020-01-01T00:00:00+01:00")
    _, alone = _get(client, f"/oparl/v1/meeting/{held.pk}")

    assert [m["id"].rsplit("/", 1)[1] for m in plain["data"]] == [str(public.pk)]
    assert [m["id"].rsplit("/", 1)[1] for m in changes["data"]] == [
        str(public.pk), str(held.pk), str(cancelled.pk)]
    assert [m.get("deleted", False) for m in changes["data"]] == [False, True, True]
    assert set(alone) == {"id", "type", "created", "modified", "deleted"}
    assert alone["modified"] == timezone.localtime(held.starts_at).isoformat(timespec="seconds")
    assert errors(alone) == []
    assert "Vorbei" not in str(changes) and "Krankheit" not in str(changes)


def test_public_meeting_shows_what_visitors_see(client, group):
    meeting = _meeting(group, title="Interner Titel", days=12,
                       host=AdministrationFactory(name="Landkreis Neuwied"))

    _, body = _get(client, f"/oparl/v1/meeting/{meeting.pk}")

    assert body["name"] == f"Sitzung der AG Digitales Kreishaus bei {meeting.host.name}"
    assert body["meetingState"] == "eingeladen"
    assert body["start"] == timezone.localtime(meeting.starts_at).isoformat(timespec="seconds")
    assert "Interner Titel" not in str(body) and "Kreishaus, Saal 1" not in str(body)
    assert errors(body) == []


def test_archived_document_is_deleted_and_its_file_gone(client, group):
    meeting = _with_document(_meeting(group))
    document = meeting.knowledge_documents.get()
    document.archived_at = timezone.now()
    document.save()

    status, body = _get(client, f"/oparl/v1/file/dokument/{document.pk}")
    _, embedding = _get(client, f"/oparl/v1/meeting/{meeting.pk}")

    assert status == 200
    # Spec 2.8 lets everything else go; the schema still requires accessUrl.
    assert set(body) == {"id", "type", "accessUrl", "created", "modified", "deleted"}
    assert body["deleted"] is True
    assert errors(body) == []
    assert "auxiliaryFile" not in embedding
    assert client.get(f"/oparl/v1/file/dokument/{document.pk}/inhalt").status_code == 410
    # The meeting changed with its list of files.
    assert embedding["modified"] == body["modified"]


def test_files_are_served_inline_and_as_download(client, group):
    meeting = _with_document(_meeting(group))
    _, body = _get(client, f"/oparl/v1/meeting/{meeting.pk}")
    document = body["auxiliaryFile"][0]

    access = client.get(path_of(document["accessUrl"]))
    download = client.get(path_of(document["downloadUrl"]))

    assert access.status_code == download.status_code == 200
    assert b"".join(access.streaming_content) == b"Vorlage"
    assert not access.get("Content-Disposition", "").startswith("attachment")
    assert download["Content-Disposition"] == 'attachment; filename="v.txt"'
    assert access["Content-Type"].startswith("text/plain")
    assert document["size"] == 7 and document["fileName"] == "v.txt"


# --- Query counts -------------------------------------------------------------------------------

def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [MEETINGS, "/oparl/v1/organization/{group}/meeting",
                                 "/oparl/v1/body/1/organization"])
def test_list_pages_need_the_same_queries_for_1_and_30_meetings(client, group, url,
                                                                django_assert_num_queries):
    url = url.format(group=group.pk)
    _with_document(_meeting(group))
    one = _queries(client, url)
    for n in range(29):
        _with_document(_meeting(group, title=f"Sitzung {n}"), title=f"Vorlage {n}")
        WorkingGroup.objects.create(name=f"AG {n}", slug=f"ag-{n}")

    with django_assert_num_queries(one):
        client.get(url)
    # count, page, documents, public agenda items (and the group of a group's list); with
    # public records tests/oparl/test_records.py
    assert one <= 5
