"""Minutes and attendance lists as PDF and as a table (CSV through common.tabular), for the
files of the member administrations.

The PDFs use the PDF core font Helvetica (WinAnsi/cp1252): it covers German umlauts, ß and
typographic quotes; the rare character outside cp1252 is replaced by a close ASCII form.
"""

import unicodedata
from itertools import groupby

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from .enums import MeetingFormat, RegistrationStatus
from .models import Meeting, Registration

# Characters outside cp1252 that have an obvious stand-in.
_FALLBACKS = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u2043": "-",
    "\u2032": "'", "\u2033": '"', "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u2192": "->",
    "\u2190": "<-", "\u2264": "<=", "\u2265": ">=", "\u2260": "!=", "\u2713": "x",
    "\u2714": "x", "\u2717": "x", "\u25cf": "\u2022", "\u25aa": "\u2022",
    # Letters without a decomposition into base letter and accent.
    "\u0141": "L", "\u0142": "l", "\u0110": "D", "\u0111": "d", "\u0131": "i",
    "\u0126": "H", "\u0127": "h",
})


def winansi(text: str) -> str:
    """The text with every character the core fonts cannot draw replaced."""
    text = unicodedata.normalize("NFC", str(text)).translate(_FALLBACKS)
    out = []
    for char in text:
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            # Accented letters lose their accent; anything else becomes "?".
            stripped = unicodedata.normalize("NFKD", char).encode("cp1252", "ignore")
            char = stripped.decode("cp1252") or "?"
        out.append(char)
    return "".join(out)


class _Document(FPDF):
    def __init__(self, title: str, meeting: Meeting, compress: bool):
        super().__init__(format="A4")
        self.doc_title = title
        self.meeting = meeting
        self.core_fonts_encoding = "cp1252"
        self.set_compression(compress)
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=20)
        self.set_title(f"{title}: {meeting.title}")
        self.set_author("Kreishaus")
        self.set_creator("Kreishaus")
        self.set_lang("de-DE")
        self.add_page()

    def normalize_text(self, text: str) -> str:
        return super().normalize_text(winansi(text))

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_text_color(90)
        self.cell(0, 5, _("Kreishaus – Arbeitsgemeinschaft Digitalisierung der Kommunen"),
                  new_x="LMARGIN", new_y="NEXT")
        self.ln(4)
        self.set_text_color(0)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", size=8)
        self.set_text_color(90)
        self.cell(0, 5, f"{self.doc_title}: {self.meeting.title} – {_date(self.meeting)}")
        self.cell(0, 5, _("Seite %(page)s von {nb}") % {"page": self.page_no()}, align="R")
        self.set_text_color(0)

    def heading(self, text: str, size: int = 13) -> None:
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)
        self.set_font("Helvetica", size=10)

    def paragraph(self, text: str, style: str = "") -> None:
        self.set_font("Helvetica", style, 10)
        self.multi_cell(0, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", size=10)

    def facts(self, rows: list[tuple[str, str]]) -> None:
        self.set_font("Helvetica", size=10)
        with self.table(col_widths=(45, 125), first_row_as_headings=False, text_align="LEFT",
                        borders_layout="NONE", line_height=5, padding=(0.6, 1)) as table:
            for label, value in rows:
                row = table.row()
                row.cell(label, style=FontFace(emphasis="BOLD"))
                row.cell(value)
        self.ln(4)

    def section(self, text: str) -> None:
        # Keep a heading together with the first lines below it.
        if self.will_page_break(20):
            self.add_page()
        self.ln(4)
        self.heading(text, size=12)


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
    """Header and rows of the attendance list as a table (the CSV download)."""
    with translation.override(settings.LANGUAGE_CODE):
        header = [_("Verwaltung"), _("Person"), _("Teilnahme"), _("Status"), _("Anwesend")]
        rows = [[name, *_cell_values(registration)]
                for name, registrations in attendance_groups(meeting)
                for registration in registrations]
    return header, rows


def attendance_pdf(meeting: Meeting, *, compress: bool = True) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        pdf = _Document(_("Anwesenheitsliste"), meeting, compress)
        pdf.heading(_("Anwesenheitsliste"), size=16)
        pdf.heading(meeting.title)
        pdf.facts(_meeting_facts(meeting))
        groups = attendance_groups(meeting)
        if not groups:
            pdf.paragraph(_("Es liegen keine Anmeldungen vor."))
            return bytes(pdf.output())
        pdf.set_font("Helvetica", size=9)
        with pdf.table(col_widths=(70, 30, 35, 35), text_align="LEFT", line_height=5,
                       padding=(1, 1.5), repeat_headings=1) as table:
            heading = table.row()
            for label in (_("Person"), _("Teilnahme"), _("Status"), _("Anwesend")):
                heading.cell(label)
            for name, registrations in groups:
                table.row().cell(name, colspan=4, style=FontFace(emphasis="BOLD",
                                                                 fill_color=(235, 235, 235)))
                for registration in registrations:
                    row = table.row()
                    for value in _cell_values(registration):
                        row.cell(value)
        attended = [r for _name, rows in groups for r in rows if r.attended]
        pdf.ln(4)
        pdf.paragraph(_("Anwesend: %(people)s Personen aus %(offices)s Verwaltungen.") % {
            "people": len(attended),
            "offices": len({_administration_name(r) for r in attended})})
        return bytes(pdf.output())


def _people_present(meeting: Meeting) -> tuple[list[tuple[str, list[Registration]]], bool]:
    """Who attended per administration; before attendance is recorded, who registered."""
    groups = attendance_groups(meeting)
    recorded = any(r.attended is not None for _name, rows in groups for r in rows)
    if recorded:
        groups = [(name, [r for r in rows if r.attended]) for name, rows in groups]
        groups = [(name, rows) for name, rows in groups if rows]
    return groups, recorded


def minutes_pdf(meeting: Meeting, *, compress: bool = True) -> bytes:
    """The published minutes: facts, attendance, summary, agenda with notes and decisions,
    action items."""
    minutes = meeting.minutes
    with translation.override(settings.LANGUAGE_CODE):
        pdf = _Document(_("Protokoll"), meeting, compress)
        pdf.heading(_("Protokoll"), size=16)
        pdf.heading(meeting.title)
        facts = _meeting_facts(meeting)
        if minutes.published_at:
            published = formats.date_format(timezone.localtime(minutes.published_at), "j. F Y")
            if minutes.published_by:
                published += " " + _("von %(name)s") % {"name": minutes.published_by}
            facts.append((_("Veröffentlicht"), published))
        if minutes.approved_in:
            facts.append((_("Genehmigt"), _("in der Sitzung „%(title)s“ am %(date)s") % {
                "title": minutes.approved_in.title, "date": _date(minutes.approved_in)}))
        pdf.facts(facts)

        groups, recorded = _people_present(meeting)
        pdf.section(_("Anwesend") if recorded else _("Angemeldet (Anwesenheit nicht erfasst)"))
        for name, rows in groups:
            pdf.paragraph(f"{name}: " + ", ".join(str(r.user) for r in rows))
        if not groups:
            pdf.paragraph("–")

        if minutes.summary:
            pdf.section(_("Zusammenfassung"))
            pdf.paragraph(minutes.summary)

        decisions = list(meeting.decisions.all())
        agenda = list(meeting.agenda_items.all())
        if agenda:
            pdf.section(_("Tagesordnung und Ergebnisse"))
        for number, item in enumerate(agenda, start=1):
            pdf.paragraph(_("TOP %(number)s: %(title)s") % {"number": number,
                                                           "title": item.title}, style="B")
            if item.presenter:
                pdf.paragraph(_("Vortrag: %(name)s") % {"name": item.presenter}, style="I")
            if item.notes:
                pdf.paragraph(item.notes)
            for decision in decisions:
                if decision.agenda_item_id == item.pk:
                    _decision(pdf, decision)
            pdf.ln(2)
        loose = [d for d in decisions if d.agenda_item_id not in {i.pk for i in agenda}]
        if loose:
            pdf.section(_("Weitere Beschlüsse"))
            for decision in loose:
                _decision(pdf, decision)

        actions = list(meeting.action_items.all())
        if actions:
            pdf.section(_("Aufgaben"))
            pdf.set_font("Helvetica", size=9)
            with pdf.table(col_widths=(70, 50, 25, 25), text_align="LEFT", line_height=5,
                           padding=(1, 1.5)) as table:
                heading = table.row()
                for label in (_("Aufgabe"), _("zuständig"), _("fällig"), _("Status")):
                    heading.cell(label)
                for action in actions:
                    row = table.row()
                    row.cell(action.title)
                    row.cell(", ".join(str(x) for x in (action.responsible_administration,
                                                       action.responsible_user) if x) or "–")
                    row.cell(formats.date_format(action.due_date, "d.m.Y")
                             if action.due_date else "–")
                    row.cell(action.get_status_display())
        return bytes(pdf.output())


def _decision(pdf: _Document, decision) -> None:
    pdf.paragraph(_("Beschluss (%(result)s):") % {"result": decision.get_result_display()},
                  style="B")
    pdf.paragraph(decision.wording)
