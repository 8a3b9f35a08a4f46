"""The whole API on the demo network: every list and page, every object under its id and
embedded, validated against the official OParl 1.1 schemas (0 errors); every file served
to anyone."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from meetings.models import Meeting, WorkingGroup
from tests.oparl.schemas import errors
from tests.oparl.walk import walk_api

SCHEMA = "https://schema.oparl.org/1.1/"


def test_walk_validates_every_object_of_the_demo_network(network):
    walk = walk_api(network.client("visitor"))

    assert walk.problems == []  # schema errors, statuses, headers, ids, dispositions
    assert all(errors(obj) == [] for obj in walk.embedded)
    kinds = {o["type"].removeprefix(SCHEMA) for o in walk.objects.values()}
    # Files appear where public documents belong to a coming meeting (tests/oparl/test_leak).
    assert {"System", "Body", "Organization", "Meeting"} <= kinds <= {
        "System", "Body", "Organization", "Meeting", "File"}
    # Every embedded object is also reachable under its own id.
    assert {obj["id"] for obj in walk.embedded} <= set(walk.objects)
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
                "File": {"accessUrl", "downloadUrl", "name", "mimeType"}}
    for obj in walk.objects.values():
        kind = obj["type"].removeprefix(SCHEMA)
        assert obj["type"] == SCHEMA + kind
        assert {"id", "type", "created", "modified"} | required[kind] <= set(obj), obj["id"]
        assert obj["id"].startswith(settings.SITE_URL + "/oparl/v1/")
    for obj in walk.embedded:
        assert {"id", "type", "created", "modified"} <= set(obj)
    assert walk.objects[settings.SITE_URL + "/oparl/v1/"]["oparlVersion"] == SCHEMA
