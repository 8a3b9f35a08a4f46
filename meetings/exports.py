"""Minutes and attendance lists as tagged PDF (PDF/UA, through common.pdf from the
templates in templates/meetings/pdf/) and the attendance list as a table (CSV through
common.tabular), for the files of the member administrations.

The PDFs hold what member staff see on the meeting page, nothing more: the published
minutes with their notes, decisions and action items, and the attendance list. The public
minutes (`public_minutes_pdf`) hold only what selectors.public makes public: date, group,
host and place, the public agenda items with their decisions; no title, attendance,
summary, notes or action items, and no person's name.
"""

from datetime import datetime
from itertools import groupby

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.pdf import pdf_markdown, pdf_render

from .enums import MeetingFormat, RegistrationStatus
from .models import Meeting, Registration
from .selectors.public import public_records


def _date(meeting: Meeting) -> str:
    return formats.date_format(timezone.localtime(meeting.starts_at), "j. F Y")


def _meeting_facts(meeting: Meeting) -> list[tuple[str, str]]:
    start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    rows = [
        (_("Arbeitsgruppe"), meeting.working_group.name),
        (_("Datum"), formats.date_format(start, "l, j. F Y")),
        (_("Uhrzeit"), f"{start:%H:%M} – {end:%H:%M} " + _("Uhr")),
        (_("Format"), meeting.get_format_display()),
    ]
    if meeting.format != MeetingFormat.ONLINE and meeting.location:
        rows.append((_("Ort"), meeting.location))
    if meeting.host:
        rows.append((_("Gastgeber"), meeting.host.name))
    return rows


def _registrations(meeting: Meeting) -> list[Registration]:
    """Everybody on the list (declined registrations are not), sorted for grouping."""
    rows = [r for r in meeting.registrations.all() if r.status != RegistrationStatus.DECLINED]
    return sorted(rows, key=lambda r: (_administration_name(r).casefold(),
                                       r.user.last_name.casefold(), r.user.first_name.casefold(),
                                       r.user.email))


def _administration_name(registration: Registration) -> str:
    administration = registration.user.administration
    return administration.name if administration else _("ohne Verwaltung")


def attendance_groups(meeting: Meeting) -> list[tuple[str, list[Registration]]]:
    """The list of people per administration, administrations in alphabetical order."""
    return [(name, list(rows)) for name, rows in
            groupby(_registrations(meeting), key=_administration_name)]


def _attended(registration: Registration) -> str:
    if registration.attended is None:
        return _("nicht erfasst")
    return _("ja") if registration.attended else _("nein")


def _cell_values(registration: Registration) -> list[str]:
    return [str(registration.user), registration.get_mode_display(),
            registration.get_status_display(), _attended(registration)]


def attendance_table(meeting: Meeting) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the attendance list as a table (the CSV download); guests from
    outside the network last, their organisation in the first column."""
    with translation.override(settings.LANGUAGE_CODE):
        header = [_("Verwaltung"), _("Person"), _("Teilnahme"), _("Status"), _("Anwesend")]
        rows = [[name, *_cell_values(registration)]
                for name, registrations in attendance_groups(meeting)
                for registration in registrations]
        rows += [[guest.organisation, guest.name, "", _("Gast"), _("ja")]
                 for guest in meeting.guests.all()]
    return header, rows


# Empty rows on a list printed before the meeting, for people who come unannounced.
BLANK_ROWS = 8


def _for_signing(meeting: Meeting) -> bool:
    """Printed before the meeting is over: a list to sign, not a record of who came."""
    return timezone.now() < meeting.ends_at


def _footer(document: str, meeting: Meeting) -> str:
    return f"{document}: {meeting.title} – {_date(meeting)}"


def _attended_summary(attended: list[Registration], guests: int = 0) -> str:
    people, offices = len(attended) + guests, len({_administration_name(r) for r in attended})
    return _("Anwesend: %(people)s aus %(offices)s.") % {
        "people": ngettext("%(count)s Person", "%(count)s Personen", people) % {"count": people},
        "offices": ngettext("%(count)s Verwaltung", "%(count)s Verwaltungen", offices) % {
            "count": offices}}


def attendance_pdf(meeting: Meeting) -> bytes:
    """The attendance list: one table per administration (a person's row headed by the
    name), the guests, and how many people from how many administrations attended. Printed
    before the meeting is over it is a list to sign: a signature column instead of
    "Anwesend", and empty rows for people who come unannounced."""
    with translation.override(settings.LANGUAGE_CODE):
        groups = attendance_groups(meeting)
        attended = [r for _name, rows in groups for r in rows if r.attended]
        guests = list(meeting.guests.all())
        signing = _for_signing(meeting)
        context = {
            "meeting": meeting,
            "facts": _meeting_facts(meeting),
            "groups": [(name, [_cell_values(r)[:3] if signing else _cell_values(r)
                               for r in rows]) for name, rows in groups],
            "guests": guests,
            "signing": signing,
            "blank_rows": range(1, BLANK_ROWS + 1) if signing else (),
            "attended_summary": _attended_summary(attended, len(guests))
            if (groups or guests) and not signing else "",
        }
        return pdf_render("meetings/pdf/attendance.html", context,
                          footer=_footer(_("Anwesenheitsliste"), meeting),
                          created=timezone.now())


def _people_present(meeting: Meeting) -> tuple[list[tuple[str, list[Registration]]], bool]:
    """Who attended per administration; before attendance is recorded, who registered."""
    groups = attendance_groups(meeting)
    recorded = any(r.attended is not None for _name, rows in groups for r in rows)
    if recorded:
        groups = [(name, [r for r in rows if r.attended]) for name, rows in groups]
        groups = [(name, rows) for name, rows in groups if rows]
    return groups, recorded


def _decision(decision, heading_level: int) -> dict:
    return {"result": decision.get_result_display(),
            "wording": pdf_markdown(decision.wording, heading_level=heading_level + 1)}


def _minutes_facts(meeting: Meeting) -> list[tuple[str, str]]:
    minutes, facts = meeting.minutes, _meeting_facts(meeting)
    if minutes.published_at:
        published = formats.date_format(timezone.localtime(minutes.published_at), "j. F Y")
        if minutes.published_by:
            published += " " + _("von %(name)s") % {"name": minutes.published_by}
        facts.append((_("Veröffentlicht"), published))
    if minutes.approved_in:
        facts.append((_("Genehmigt"), _("in der Sitzung „%(title)s“ am %(date)s") % {
            "title": minutes.approved_in.title, "date": _date(minutes.approved_in)}))
    return facts


def _action_rows(meeting: Meeting) -> list[list[str]]:
    return [[action.title,
             ", ".join(str(x) for x in (action.responsible_administration,
                                        action.responsible_user) if x) or "–",
             formats.date_format(action.due_date, "d.m.Y") if action.due_date else "–",
             action.get_status_display()]
            for action in meeting.action_items.all()]


def _corrected_at(minutes) -> datetime | None:
    """When published minutes were last corrected (None if never)."""
    latest = minutes.revisions.order_by("-created_at").first()
    return latest.created_at if latest else None


def minutes_pdf(meeting: Meeting) -> bytes:
    """The published minutes: facts, attendance, summary, agenda with notes and decisions,
    action items. Notes, summary and decisions are Markdown (lists, emphasis, tables)."""
    minutes = meeting.minutes
    with translation.override(settings.LANGUAGE_CODE):
        groups, recorded = _people_present(meeting)
        decisions = list(meeting.decisions.all())
        agenda = list(meeting.agenda_items.all())
        on_agenda = {item.pk for item in agenda}
        items = [{
            "number": number, "title": item.title, "presenter": item.presenter,
            "notes": pdf_markdown(item.notes, heading_level=4) if item.notes else "",
            "decisions": [_decision(d, 4) for d in decisions if d.agenda_item_id == item.pk],
        } for number, item in enumerate(agenda, start=1)]
        guests = [str(guest) for guest in meeting.guests.all()]
        present = [(name, ", ".join(str(r.user) for r in rows)) for name, rows in groups]
        context = {
            "meeting": meeting,
            "facts": _minutes_facts(meeting),
            "present": present + ([(_("Gäste"), ", ".join(guests))] if guests else []),
            "recorded": recorded or bool(guests),
            "summary": pdf_markdown(minutes.summary, heading_level=3) if minutes.summary else "",
            "items": items,
            "loose": [_decision(d, 3) for d in decisions if d.agenda_item_id not in on_agenda],
            "actions": _action_rows(meeting),
        }
        return pdf_render("meetings/pdf/minutes.html", context,
                          footer=_footer(_("Protokoll"), meeting),
                          created=minutes.published_at, modified=_corrected_at(minutes))


def public_name(meeting: Meeting) -> str:
    """A meeting's name for the public: its group and host (its title is internal)."""
    name = _("Sitzung der %(group)s") % {"group": meeting.working_group.name}
    if meeting.host_id:
        name += " " + _("bei %(host)s") % {"host": meeting.host.name}
    return name


def public_minutes_pdf(meeting: Meeting) -> bytes:
    """The public minutes ("öffentliches Protokoll") of a meeting with public records and
    published minutes (selectors.public.meeting_with_public_minutes)."""
    records = public_records(meeting)
    with translation.override(settings.LANGUAGE_CODE):
        start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        facts = [(_("Arbeitsgruppe"), meeting.working_group.name),
                 (_("Datum"), formats.date_format(start, "l, j. F Y")),
                 (_("Uhrzeit"), f"{start:%H:%M} – {end:%H:%M} " + _("Uhr")),
                 (_("Format"), meeting.get_format_display())]
        if records.location:
            facts.append((_("Ort"), records.location))
        if meeting.host_id:
            facts.append((_("Gastgeber"), meeting.host.name))
        if meeting.minutes.published_at:
            facts.append((_("Veröffentlicht"), formats.date_format(
                timezone.localtime(meeting.minutes.published_at), "j. F Y")))
        items = [{"number": item.number, "title": item.title,
                  "decisions": [_decision(d, 4) for d in item.public_decisions]}
                 for item in records.items]
        name = public_name(meeting)
        return pdf_render("meetings/pdf/minutes_public.html",
                          {"name": name, "facts": facts, "items": items},
                          footer=f"{_('Öffentliches Protokoll')}: {name} – {_date(meeting)}",
                          created=meeting.minutes.published_at,
                          modified=_corrected_at(meeting.minutes))
