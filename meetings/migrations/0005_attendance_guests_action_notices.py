"""Guests from outside the network on a meeting's attendance, and the notice counter of
action items. Existing action items start at 0: they were never announced by mail and are
not announced now (only a later change of person or due date is)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0004_workinggroup_timestamps'),
    ]

    operations = [
        migrations.AddField(
            model_name='actionitem',
            name='notice_changed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='actionitem',
            name='notice_sequence',
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.CreateModel(
            name='Guest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='Name')),
                ('organisation', models.CharField(blank=True, max_length=200, verbose_name='Organisation')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='guests', to='meetings.meeting', verbose_name='Sitzung')),
            ],
            options={
                'verbose_name': 'Gast',
                'verbose_name_plural': 'Gäste',
                'ordering': ['name', 'pk'],
            },
        ),
    ]
