"""Review dates of articles (issue 15): every article gets "geprüft am", the date of its last
revision (or, without one, of its last change), and categories an interval of 12 months."""

import django.core.validators
import django.db.models.deletion
from zoneinfo import ZoneInfo

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncDate


def reviewed_at_fill(apps, schema_editor):
    """One UPDATE: the local day (settings.TIME_ZONE) of the newest revision, else of the
    last change."""
    Article = apps.get_model("knowledge", "Article")
    ArticleRevision = apps.get_model("knowledge", "ArticleRevision")
    newest = (ArticleRevision.objects.filter(article=OuterRef("pk"))
              .order_by("-created_at").values("created_at")[:1])
    Article.objects.update(reviewed_at=TruncDate(
        Coalesce(Subquery(newest), F("updated_at"), output_field=models.DateTimeField()),
        tzinfo=ZoneInfo(settings.TIME_ZONE)))


class Migration(migrations.Migration):

    dependencies = [
        ('knowledge', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleReview',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reviewed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='bestätigt am')),
            ],
            options={
                'verbose_name': 'Artikelprüfung',
                'verbose_name_plural': 'Artikelprüfungen',
                'ordering': ['article', '-reviewed_at'],
            },
        ),
        migrations.AddField(
            model_name='article',
            name='review_interval_months',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Leer lassen: das Prüfintervall der Kategorie gilt.', null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(120)], verbose_name='eigenes Prüfintervall in Monaten'),
        ),
        migrations.AddField(
            model_name='article',
            name='reviewed_at',
            field=models.DateField(null=True, verbose_name='geprüft am'),
        ),
        migrations.RunPython(reviewed_at_fill, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name='article',
            name='reviewed_at',
            field=models.DateField(default=django.utils.timezone.localdate, verbose_name='geprüft am'),
        ),
        migrations.AddField(
            model_name='category',
            name='review_interval_months',
            field=models.PositiveSmallIntegerField(default=12, help_text='Nach so vielen Monaten sollen Artikel dieser Kategorie wieder geprüft werden; ein Artikel kann ein eigenes Intervall haben.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(120)], verbose_name='Prüfintervall in Monaten'),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.CheckConstraint(condition=models.Q(('review_interval_months__isnull', True), models.Q(('review_interval_months__gte', 1), ('review_interval_months__lte', 120)), _connector='OR'), name='knowledge_article_review_interval_range'),
        ),
        migrations.AddConstraint(
            model_name='category',
            constraint=models.CheckConstraint(condition=models.Q(('review_interval_months__gte', 1), ('review_interval_months__lte', 120)), name='knowledge_category_review_interval_range'),
        ),
        migrations.AddField(
            model_name='articlereview',
            name='article',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='knowledge.article', verbose_name='Artikel'),
        ),
        migrations.AddField(
            model_name='articlereview',
            name='user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='bestätigt von'),
        ),
    ]
