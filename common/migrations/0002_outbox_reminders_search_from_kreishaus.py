"""The outbox, the reminders and the search index move from the kreishaus app to common.

State only: the tables keep their names (kreishaus_outgoingmail, kreishaus_reminder,
kreishaus_searchentry), their indexes and constraints, and their rows. kreishaus 0003
removes the models from the kreishaus app's state afterwards. The content types follow,
so permissions and admin log entries stay attached to the moved models.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ("outgoingmail", "reminder", "searchentry")


def content_types_to(app_label: str, from_label: str):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in MODELS:
            if not ContentType.objects.using(db).filter(app_label=app_label,
                                                        model=model).exists():
                ContentType.objects.using(db).filter(app_label=from_label, model=model).update(
                    app_label=app_label)
    return move


class Migration(migrations.Migration):

    dependencies = [
        ('common', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('kreishaus', '0002_search_entry'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='OutgoingMail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('to', models.EmailField(max_length=254, verbose_name='an')),
                        ('subject', models.CharField(max_length=300, verbose_name='Betreff')),
                        ('body_text', models.TextField(verbose_name='Text')),
                        ('body_html', models.TextField(blank=True, verbose_name='HTML')),
                        ('attachment_name', models.CharField(blank=True, max_length=200, verbose_name='Anhang')),
                        ('attachment_content', models.TextField(blank=True)),
                        ('attachment_mimetype', models.CharField(blank=True, max_length=100)),
                        ('state', models.CharField(choices=[('queued', 'wartet'), ('sending', 'wird gesendet'), ('sent', 'gesendet'), ('failed', 'fehlgeschlagen')], default='queued', max_length=10, verbose_name='Status')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='Versuche')),
                        ('last_error', models.TextField(blank=True, verbose_name='letzter Fehler')),
                        ('next_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='nächster Versuch')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='erstellt am')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='gesendet am')),
                    ],
                    options={
                        'verbose_name': 'ausgehende E-Mail',
                        'verbose_name_plural': 'ausgehende E-Mails',
                        'db_table': 'kreishaus_outgoingmail',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(fields=['state', 'next_attempt_at'], name='kreishaus_o_state_be8cd9_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='Reminder',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_key', models.CharField(max_length=100, verbose_name='Objekt')),
                        ('kind', models.CharField(max_length=100, verbose_name='Art')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='erstellt am')),
                        ('mail', models.OneToOneField(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reminder', to='common.outgoingmail', verbose_name='E-Mail')),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to=settings.AUTH_USER_MODEL, verbose_name='an')),
                    ],
                    options={
                        'verbose_name': 'Erinnerung',
                        'verbose_name_plural': 'Erinnerungen',
                        'db_table': 'kreishaus_reminder',
                        'constraints': [models.UniqueConstraint(fields=('recipient', 'object_key', 'kind'), name='one_reminder_per_kind')],
                    },
                ),
                migrations.CreateModel(
                    name='SearchEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(max_length=20, verbose_name='Art')),
                        ('object_id', models.PositiveBigIntegerField(verbose_name='Objekt-ID')),
                        ('slug', models.CharField(blank=True, max_length=200, verbose_name='Kurzadresse')),
                        ('title', models.CharField(max_length=300, verbose_name='Titel')),
                        ('public_title', models.CharField(blank=True, max_length=300, verbose_name='öffentlicher Titel')),
                        ('date', models.DateTimeField(blank=True, null=True, verbose_name='Datum')),
                        ('text', models.TextField(blank=True, verbose_name='Text für Ausschnitte')),
                        ('public_text', models.TextField(blank=True, null=True, verbose_name='öffentlicher Text für Ausschnitte')),
                        ('vector', django.contrib.postgres.search.SearchVectorField(verbose_name='Suchvektor')),
                        ('public_vector', django.contrib.postgres.search.SearchVectorField(blank=True, null=True, verbose_name='öffentlicher Suchvektor')),
                        ('head_vector', django.contrib.postgres.search.SearchVectorField(verbose_name='Suchvektor Titel und Zusammenfassung')),
                        ('public_head_vector', django.contrib.postgres.search.SearchVectorField(blank=True, null=True, verbose_name='öffentlicher Suchvektor Titel und Zusammenfassung')),
                        ('public_until', models.DateTimeField(blank=True, null=True, verbose_name='öffentlich bis')),
                        ('indexed_at', models.DateTimeField(auto_now=True, verbose_name='indexiert am')),
                    ],
                    options={
                        'verbose_name': 'Sucheintrag',
                        'verbose_name_plural': 'Sucheinträge',
                        'db_table': 'kreishaus_searchentry',
                        'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['vector'], name='search_vector_gin'), django.contrib.postgres.indexes.GinIndex(fields=['public_vector'], name='search_public_vector_gin')],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'object_id'), name='search_one_entry_per_object'), models.CheckConstraint(condition=models.Q(models.Q(('public_head_vector__isnull', True), ('public_text__isnull', True), ('public_vector__isnull', True)), models.Q(('public_head_vector__isnull', False), ('public_text__isnull', False), ('public_vector__isnull', False)), _connector='OR'), name='search_public_text_and_vector_together')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to("common", "kreishaus"),
                             content_types_to("kreishaus", "common")),
    ]
