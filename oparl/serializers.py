"""Public objects as OParl 1.1 JSON objects (dicts). Every id is the object's canonical
full URL below SITE_URL; every object has `created` and `modified`; optional properties
without data are left out (spec 2.4), required lists are given even when empty."""

import mimetypes
import re
from datetime import datetime
from functools import cache

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Document
from meetings.enums import MeetingState
from meetings.exports import public_name
from meetings.models import AgendaItem, Meeting, WorkingGroup
from meetings.selectors.public import public_location, public_records
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
        agendaItem=url("body_agenda_items", BODY), locationList=url("body_locations", BODY),
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


# OParl's usual words for the states a public meeting can be in.
MEETING_STATES = {MeetingState.INVITED: "eingeladen", MeetingState.HELD: "durchgeführt",
                  MeetingState.MINUTES_PUBLISHED: "durchgeführt"}


def meeting(meeting: Meeting, *, omit_internal: bool = False) -> dict:
    """A meeting as visitors see it (date, working group, host, public documents, and its
    public records: place, public agenda items, public minutes), or `deleted` once they no
    longer do. Its title is internal: the name is the group's."""
    if not meeting.oparl_public:
        return deleted("Meeting", url("meeting", meeting.pk), meeting.created_at,
                       meeting.oparl_modified)
    records = public_records(meeting)
    fields = {
        "name": public_name(meeting),
        "meetingState": MEETING_STATES.get(meeting.state, "eingeladen"),
        "start": moment(meeting.starts_at), "end": moment(meeting.ends_at),
        "organization": [url("organization", meeting.working_group_id)],
        "web": settings.SITE_URL + meeting.get_absolute_url(),
    }
    if records.location:
        fields["location"] = location(meeting, text=records.location, embedded=True)
    if records.minutes:
        fields["resultsProtocol"] = minutes_file(meeting, embedded=True)
    if not omit_internal:  # spec 2.5: the lists a client may leave out
        fields["agendaItem"] = [agenda_item(item, meeting=meeting) for item in records.items]
        fields["auxiliaryFile"] = [document_file(d) for d in meeting.public_documents]
    return _object("Meeting", url("meeting", meeting.pk), meeting.created_at,
                   meeting.oparl_modified, **fields)


# --- AgendaItem, Location and the public minutes -------------------------------------------------

def agenda_item(item: AgendaItem, *, meeting: Meeting | None = None) -> dict:
    """A public agenda item: number and place in the whole agenda, title, and the decisions
    on it once the minutes are published; `deleted` once it is no longer public. Embedded
    in its meeting (`meeting` given) or on its own (annotated by agenda_items_known)."""
    if meeting is None:
        modified = item.oparl_modified
    else:  # as agenda_items_known annotates it: the same object embedded and on its own
        modified = max(item.updated_at, meeting.updated_at,
                       meeting.oparl_corrected or item.updated_at)
    if meeting is None and not item.oparl_public:
        return deleted("AgendaItem", url("agenda_item", item.pk), item.created_at, modified)
    decisions = item.public_decisions
    web = settings.SITE_URL + item.meeting.get_absolute_url() if meeting is None else (
        settings.SITE_URL + meeting.get_absolute_url())
    return _object(
        "AgendaItem", url("agenda_item", item.pk), item.created_at, modified,
        meeting=url("meeting", item.meeting_id), number=str(item.number), order=item.number,
        name=item.title, public=True,
        result="; ".join(str(d.get_result_display()) for d in decisions),
        resolutionText="\n\n".join(d.wording for d in decisions),
        web=f"{web}#top-{item.pk}")


# "Wilhelm-Leuschner-Straße 9, 56564 Neuwied": street, postal code and town of a line.
ADDRESS = re.compile(r"^(?P<street>[^,]+),\s*(?P<code>\d{5})\s+(?P<town>.+)$")


def location(meeting: Meeting, *, text: str = "", embedded: bool = False) -> dict:
    """A meeting's place (the Location has the meeting's id): the address as description,
    street, postal code and town where a line reads "Straße 1, 12345 Ort"; `deleted`
    once it is no longer public."""
    id_ = url("location", meeting.pk)
    if not embedded and not meeting.oparl_location:
        return deleted("Location", id_, meeting.created_at, meeting.oparl_modified)
    text = text or public_location(meeting)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    address = next((m for m in map(ADDRESS.match, reversed(lines)) if m), None)
    return _object(
        "Location", id_, meeting.created_at, meeting.oparl_modified,
        description=", ".join(lines),
        streetAddress=address["street"] if address else None,
        postalCode=address["code"] if address else None,
        locality=address["town"] if address else None,
        meetings=None if embedded else [url("meeting", meeting.pk)],
        web=settings.SITE_URL + meeting.get_absolute_url())


def minutes_file(meeting: Meeting, *, embedded: bool = False) -> dict:
    """The public minutes of a meeting as a File (meetings.exports.public_minutes_pdf);
    `deleted` (its file answers 410) once they are no longer public."""
    id_, access = url("minutes_file", meeting.pk), url("minutes_access", meeting.pk)
    published = meeting.minutes.published_at
    if not embedded and not meeting.oparl_minutes:
        return deleted("File", id_, published, meeting.oparl_modified, accessUrl=access)
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    return _object(
        "File", id_, published, meeting.oparl_modified,
        name="Öffentliches Protokoll", fileName=f"oeffentliches-protokoll-{day}.pdf",
        mimeType="application/pdf",
        date=timezone.localtime(published).date().isoformat(),
        accessUrl=access, downloadUrl=url("minutes_download", meeting.pk),
        meeting=None if embedded else [url("meeting", meeting.pk)])
