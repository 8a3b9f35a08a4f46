"""One-time form tokens (common.once)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='OnceToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('scope', models.CharField(max_length=60, verbose_name='Absender')),
                ('token', models.CharField(max_length=32, verbose_name='Formular-Kennung')),
                ('path', models.CharField(max_length=500, verbose_name='Adresse')),
                ('target', models.CharField(blank=True, max_length=2000, verbose_name='Weiterleitung')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='abgeschickt am')),
            ],
            options={
                'verbose_name': 'abgeschicktes Formular',
                'verbose_name_plural': 'abgeschickte Formulare',
                'constraints': [models.UniqueConstraint(fields=('scope', 'token'), name='common_once_token_unique')],
            },
        ),
    ]
