"""Public meeting records (issue 16): a meeting's "Öffentliche Sitzungsdaten" and an agenda
item's "öffentlich", both off for every existing row, so nothing that was internal becomes
public by the migration. Agenda items get their creation and last change (OParl's `created`
and `modified`): existing items take those of their meeting.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.utils import timezone


def fill_item_times(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Meeting = apps.get_model("meetings", "Meeting")
    meeting = Meeting.objects.filter(pk=OuterRef("meeting_id"))
    AgendaItem.objects.update(created_at=Subquery(meeting.values("created_at")[:1]),
                              updated_at=Subquery(meeting.values("updated_at")[:1]))
    AgendaItem.objects.filter(created_at__isnull=True).update(created_at=timezone.now())
    AgendaItem.objects.filter(updated_at__isnull=True).update(updated_at=timezone.now())


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0009_guest_label"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting", name="public_records",
            field=models.BooleanField(
                default=False, verbose_name="Öffentliche Sitzungsdaten",
                help_text="Besucherinnen, Besucher und die offene Schnittstelle (OParl) sehen "
                          "ab der Einladung den Ort und die als öffentlich markierten "
                          "Tagesordnungspunkte, nach Veröffentlichung des Protokolls auch die "
                          "Beschlüsse dazu und das öffentliche Protokoll (ohne "
                          "Anwesenheitsliste, Notizen und Aufgaben).")),
        migrations.AddField(
            model_name="meeting", name="public_records_at",
            field=models.DateTimeField(blank=True, editable=False, null=True,
                                       verbose_name="Sitzungsdaten erstmals veröffentlicht am")),
        migrations.AddField(
            model_name="agendaitem", name="public",
            field=models.BooleanField(
                default=False, verbose_name="öffentlich",
                help_text="Titel und Beschlüsse dieses Punktes sind öffentlich, wenn die "
                          "Sitzung öffentliche Sitzungsdaten hat. Beschreibung, vortragende "
                          "Person und Protokollnotiz bleiben intern.")),
        migrations.AddField(model_name="agendaitem", name="created_at",
                            field=models.DateTimeField(null=True)),
        migrations.AddField(model_name="agendaitem", name="updated_at",
                            field=models.DateTimeField(null=True)),
        migrations.RunPython(fill_item_times, migrations.RunPython.noop),
        migrations.AlterField(model_name="agendaitem", name="created_at",
                              field=models.DateTimeField(auto_now_add=True)),
        migrations.AlterField(model_name="agendaitem", name="updated_at",
                              field=models.DateTimeField(auto_now=True)),
    ]
