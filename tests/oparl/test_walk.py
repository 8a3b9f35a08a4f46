"""The whole API on the demo network: every list and page, every object under its id and
embedded, validated against the official OParl 1.1 schemas (0 errors); every file served
to anyone."""

import io

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from pypdf import PdfReader

from meetings.models import Meeting, WorkingGroup
from meetings.selectors.public import meetings_with_public_location, public_agenda_items
from tests.oparl.schemas import errors
from tests.oparl.walk import path_of, walk_api

SCHEMA = "https://schema.oparl.org/1.1/"


def test_walk_validates_every_object_of_the_demo_network(network):
    walk = walk_api(network.client("visitor"))

    assert walk.problems == []  # schema errors, statuses, headers, ids, dispositions
    assert all(errors(obj) == [] for obj in walk.embedded)
    kinds = {o["type"].removeprefix(SCHEMA) for o in walk.objects.values()}
    # The demo's meetings with public records bring agenda items, places and minutes.
    assert kinds == {"System", "Body", "Organization", "Meeting", "AgendaItem", "Location",
                     "File"}
    assert {o["id"] for o in walk.of_type("AgendaItem")} == {
        f"{settings.SITE_URL}/oparl/v1/agendaitem/{pk}"
        for pk in public_agenda_items().values_list("pk", flat=True)}
    assert {o["id"] for o in walk.of_type("Location")} == {
        f"{settings.SITE_URL}/oparl/v1/location/{pk}"
        for pk in meetings_with_public_location().values_list("pk", flat=True)}
    # Every embedded object is also reachable under its own id, and is the same object
    # (only the links back to its meetings are left out when it is embedded).
    assert {obj["id"] for obj in walk.embedded} <= set(walk.objects)
    back = ("meeting", "meetings")
    for obj in walk.embedded:
        if obj["type"].endswith(("/Location", "/File")):
            own = {key: value for key, value in walk.objects[obj["id"]].items()
                   if key not in back}
        else:
            own = walk.objects[obj["id"]]
        assert obj == own, obj["id"]
    # Every meeting visitors see (invited, to come) and every working group, nothing else.
    public = Meeting.objects.visible_to(AnonymousUser())
    assert {o["id"] for o in walk.of_type("Meeting")} == {
        f"{settings.SITE_URL}/oparl/v1/meeting/{pk}" for pk in public.values_list("pk", flat=True)}
    assert len(walk.of_type("Organization")) == WorkingGroup.objects.count()
    # Every list page is complete: data, pagination and links with self and first.
    for url, page in walk.pages.items():
        assert page["links"]["self"] == url
        assert len(page["data"]) == min(page["pagination"]["elementsPerPage"],
                                         page["pagination"]["totalElements"])
    # Files: each results protocol and public document, inline and as download.
    files = walk.of_type("File")
    assert all(walk.files[f["accessUrl"]].status_code == 200 for f in files)
    assert all(walk.files[f["downloadUrl"]]["Content-Disposition"].startswith("attachment")
               for f in files)


def test_required_fields_and_type_urls(network):
    walk = walk_api(network.client("visitor"), downloads=False)

    required = {"System": {"oparlVersion", "body"},
                "Body": {"name", "organization", "person", "meeting", "paper",
                         "legislativeTerm"},
                "Organization": {"body", "name", "meeting", "organizationType"},
                "Meeting": {"name", "start", "end", "organization"},
                "AgendaItem": {"meeting", "number", "order", "name", "public"},
                "Location": {"description"},
                "File": {"accessUrl", "downloadUrl", "name", "mimeType"}}
    for obj in walk.objects.values():
        kind = obj["type"].removeprefix(SCHEMA)
        assert obj["type"] == SCHEMA + kind
        assert {"id", "type", "created", "modified"} | required[kind] <= set(obj), obj["id"]
        assert obj["id"].startswith(settings.SITE_URL + "/oparl/v1/")
    for obj in walk.embedded:
        assert {"id", "type", "created", "modified"} <= set(obj)
    assert walk.objects[settings.SITE_URL + "/oparl/v1/"]["oparlVersion"] == SCHEMA



def _pdf_text(response) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_walk_shows_the_demo_records_made_public_and_only_those(network):
    walk = walk_api(network.client("visitor"), downloads=False)

    held = (meetings_with_public_location().filter(state="minutes_published")
            .select_related("minutes").get())
    meeting = walk.objects[f"{settings.SITE_URL}/oparl/v1/meeting/{held.pk}"]
    assert meeting["meetingState"] == "durchgeführt"
    assert meeting["location"]["description"] == ", ".join(held.location.splitlines())
    agenda = list(held.agenda_items.order_by("order", "pk"))
    public = [item for item in agenda if item.public]
    assert 0 < len(public) < len(agenda)  # the approval of earlier minutes stays internal
    items = meeting["agendaItem"]
    assert [(i["number"], i["name"], i["public"]) for i in items] == [
        (str(agenda.index(item) + 1), item.title, True) for item in public]
    wordings = [d.wording for item in public for d in item.decisions.all()]
    assert wordings and "\n\n".join(i.get("resolutionText", "") for i in items if
                                     i.get("resolutionText")) == "\n\n".join(wordings)
    # The public minutes: those items and decisions, no person, summary or notes.
    response = network.client("visitor").get(path_of(meeting["resultsProtocol"]["accessUrl"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(_pdf_text(response).split())
    assert "Öffentliches Protokoll" in text
    for item in public:
        assert f"TOP {agenda.index(item) + 1}: {item.title}" in text
    hidden = [item.title for item in agenda if not item.public]
    hidden += [r.user.last_name for r in held.registrations.select_related("user")]
    hidden += [held.title, held.minutes.summary[:40]]
    hidden += [item.notes[:40] for item in agenda if item.notes]
    hidden += [a.title[:40] for a in held.action_items.all()]
    assert [value for value in hidden if value and " ".join(value.split()) in text] == []
