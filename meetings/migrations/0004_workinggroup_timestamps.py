"""Working groups get their creation and last change (OParl's `created` and `modified`).

Existing rows keep what is known: a working group was created with its first meeting (or
now, if it has none) and counts as changed now, so that clients which synchronise by
`modified_since` fetch it once.
"""

from django.db import migrations, models
from django.db.models import Min, OuterRef, Subquery
from django.utils import timezone


def fill_times(apps, schema_editor):
    WorkingGroup = apps.get_model("meetings", "WorkingGroup")
    Meeting = apps.get_model("meetings", "Meeting")
    now = timezone.now()
    first_meeting = (Meeting.objects.filter(working_group=OuterRef("pk"))
                     .values("working_group").annotate(first=Min("created_at")).values("first"))
    WorkingGroup.objects.update(created_at=Subquery(first_meeting), updated_at=now)
    WorkingGroup.objects.filter(created_at__isnull=True).update(created_at=now)


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0003_meeting_capacity_unlimited_or_positive"),
    ]

    operations = [
        migrations.AddField(model_name="workinggroup", name="created_at",
                            field=models.DateTimeField(null=True)),
        migrations.AddField(model_name="workinggroup", name="updated_at",
                            field=models.DateTimeField(null=True)),
        migrations.RunPython(fill_times, migrations.RunPython.noop),
        migrations.AlterField(model_name="workinggroup", name="created_at",
                              field=models.DateTimeField(auto_now_add=True)),
        migrations.AlterField(model_name="workinggroup", name="updated_at",
                              field=models.DateTimeField(auto_now=True)),
    ]
