"""Public objects as OParl 1.1 JSON objects (dicts). Every id is the object's canonical
full URL below SITE_URL; every object has `created` and `modified`; optional properties
without data are left out (spec 2.4), required lists are given even when empty."""

import mimetypes
from datetime import datetime
from functools import cache

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Document
from meetings.models import Meeting, WorkingGroup
from members.models import Administration

SCHEMA = "https://schema.oparl.org/1.1/"
BODY = "1"  # one body: the network


_SENTINEL = "9081726354"


@cache
def _pattern(name: str, arity: int) -> tuple[str, ...]:
    """The URL of `name` split at its arguments: reverse() once per name, not per object
    (a page of 100 meetings holds over 1,000 URLs)."""
    path = reverse(f"oparl:{name}", args=[_SENTINEL] * arity)
    return tuple((settings.SITE_URL + path).split(_SENTINEL))


def url(name: str, *args) -> str:
    parts = _pattern(name, len(args))
    return parts[0] + "".join(f"{arg}{part}" for arg, part in zip(args, parts[1:], strict=True))


def moment(value: datetime) -> str:
    """OParl date-time: yyyy-mm-ddThh:mm:ss±hh:mm."""
    return timezone.localtime(value).isoformat(timespec="seconds")


def _object(kind: str, id_: str, created: datetime, modified: datetime, **fields) -> dict:
    data = {"id": id_, "type": SCHEMA + kind}
    data.update({key: value for key, value in fields.items()
                 if value not in (None, "", [])})
    data["created"], data["modified"] = moment(created), moment(modified)
    return data


def deleted(kind: str, id_: str, created: datetime, modified: datetime, **required) -> dict:
    """A depublished object (spec 2.8): id, type, created, modified and `deleted`, plus what
    the official schema still requires (a File's accessUrl, which then answers 410)."""
    return {"id": id_, "type": SCHEMA + kind, **required, "created": moment(created),
            "modified": moment(modified), "deleted": True}


# --- System and Body ------------------------------------------------------------------------

def _keys(administration: Administration | None) -> dict:
    """The official keys of the coordinating administration, where they apply: the 12-digit
    regional key (a Kreis' 5 digits padded with zeros, as the BKG does) and the 8-digit AGS
    of a municipality."""
    key = administration.regional_key if administration else None
    if not key:
        return {}
    keys = {"rgs": key.ljust(12, "0")}
    if len(key) == 12:
        keys["ags"] = key[:5] + key[9:]
    return keys


def system(*, created: datetime, modified: datetime) -> dict:
    return _object(
        "System", url("system"), created, modified,
        oparlVersion=SCHEMA, license=settings.OPARL_DATA_LICENSE, body=url("bodies"),
        name=settings.OPARL_BODY_NAME, website=settings.SITE_URL + "/",
        web=settings.SITE_URL + reverse("oparl:interfaces"))


def body(*, coordinator: Administration | None, created: datetime, modified: datetime) -> dict:
    return _object(
        "Body", url("body", BODY), created, modified,
        system=url("system"), name=settings.OPARL_BODY_NAME, website=settings.SITE_URL + "/",
        license=settings.OPARL_DATA_LICENSE, classification="Arbeitsgemeinschaft",
        organization=url("body_organizations", BODY), person=url("body_people", BODY),
        meeting=url("body_meetings", BODY), paper=url("body_papers", BODY),
        **_keys(coordinator), web=settings.SITE_URL + "/") | {"legislativeTerm": []}


# --- Organization ---------------------------------------------------------------------------

def organization(group: WorkingGroup) -> dict:
    return _object(
        "Organization", url("organization", group.pk), group.created_at, group.updated_at,
        body=url("body", BODY), name=group.name, organizationType="Gremium",
        classification="Arbeitsgruppe", meeting=url("organization_meetings", group.pk),
        web=settings.SITE_URL + group.get_absolute_url())


# --- Meeting and File ------------------------------------------------------------------------

def document_file(document: Document, *, meetings: list[Meeting] | None = None) -> dict:
    """A public knowledge document; `meetings` (the public ones it belongs to) only when
    it is not embedded."""
    if document.archived_at is not None:
        return deleted("File", url("document_file", document.pk), document.created_at,
                       max(document.updated_at, document.archived_at),
                       accessUrl=url("document_access", document.pk))
    return _object(
        "File", url("document_file", document.pk), document.created_at, document.updated_at,
        name=document.title, fileName=document.filename,
        mimeType=mimetypes.guess_type(document.filename)[0] or "application/octet-stream",
        size=document.size, date=timezone.localtime(document.created_at).date().isoformat(),
        accessUrl=url("document_access", document.pk),
        downloadUrl=url("document_download", document.pk),
        meeting=None if meetings is None else [url("meeting", m.pk) for m in meetings])


def meeting(meeting: Meeting, *, omit_internal: bool = False) -> dict:
    """A meeting as visitors see it (date, working group, host, public documents), or
    `deleted` once they no longer do. Its title is internal: the name is the group's."""
    if not meeting.oparl_public:
        return deleted("Meeting", url("meeting", meeting.pk), meeting.created_at,
                       meeting.oparl_modified)
    name = f"Sitzung der {meeting.working_group.name}"
    fields = {
        "name": name + (f" bei {meeting.host.name}" if meeting.host_id else ""),
        "meetingState": "eingeladen",
        "start": moment(meeting.starts_at), "end": moment(meeting.ends_at),
        "organization": [url("organization", meeting.working_group_id)],
        "web": settings.SITE_URL + meeting.get_absolute_url(),
    }
    if not omit_internal:
        fields["auxiliaryFile"] = [document_file(d) for d in meeting.public_documents]
    return _object("Meeting", url("meeting", meeting.pk), meeting.created_at,
                   meeting.oparl_modified, **fields)
