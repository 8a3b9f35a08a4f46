import django.core.validators
from django.db import migrations, models


def clear_negative_areas(apps, schema_editor):
    """A negative area is no area anyone knows: it becomes empty, so the constraint holds."""
    Administration = apps.get_model("members", "Administration")
    Administration.objects.filter(area_km2__lt=0).update(area_km2=None)


class Migration(migrations.Migration):

    dependencies = [
        ("members", "0003_user_calendar_token_user_muted_reminders"),
    ]

    operations = [
        migrations.AlterField(
            model_name="administration",
            name="area_km2",
            field=models.DecimalField(
                blank=True, decimal_places=2, max_digits=8, null=True,
                validators=[django.core.validators.MinValueValidator(
                    0, message="Die Fläche kann nicht negativ sein.")],
                verbose_name="Fläche in km²"),
        ),
        migrations.RunPython(clear_negative_areas, migrations.RunPython.noop, elidable=True),
        migrations.AddConstraint(
            model_name="administration",
            constraint=models.CheckConstraint(
                condition=models.Q(("area_km2__isnull", True), ("area_km2__gte", 0),
                                   _connector="OR"),
                name="administration_area_not_negative"),
        ),
    ]
