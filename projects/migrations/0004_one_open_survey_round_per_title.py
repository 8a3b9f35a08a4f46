"""At most one open survey round per title (case-insensitive).

Existing databases may hold open rounds of the same title (a double click opened the round
twice). The oldest keeps its title; every later one is renamed "<title> (2)", "(3)" … and
stays open with its answers, so nothing is lost and the constraint can be added.
"""

import django.db.models.functions.text
from django.db import migrations, models
from django.db.models.functions import Lower

TITLE_MAX = 200


def rename_duplicate_open_rounds(apps, schema_editor):
    SurveyRound = apps.get_model("projects", "SurveyRound")
    rounds = (SurveyRound.objects.filter(state="open").annotate(key=Lower("title"))
              .order_by("key", "opened_at", "pk"))
    taken = {r.key for r in rounds}
    seen = set()
    for survey_round in rounds:
        if survey_round.key not in seen:
            seen.add(survey_round.key)
            continue
        number = 2
        while True:
            suffix = f" ({number})"
            title = survey_round.title[:TITLE_MAX - len(suffix)] + suffix
            if title.lower() not in taken:
                break
            number += 1
        taken.add(title.lower())
        SurveyRound.objects.filter(pk=survey_round.pk).update(title=title)


class Migration(migrations.Migration):

    dependencies = [
        ("projects", "0003_alter_topic_options"),
    ]

    operations = [
        migrations.RunPython(rename_duplicate_open_rounds, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="surveyround",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("title"),
                condition=models.Q(("state", "open")), name="one_open_survey_round_per_title"),
        ),
    ]
