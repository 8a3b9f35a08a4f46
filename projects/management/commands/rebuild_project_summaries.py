from django.core.management.base import BaseCommand
from django.db.models import Sum
from django.utils.translation import gettext as _

from projects.models import MaturityCount, StageCount, Status
from projects.statuses.services import summaries_rebuild


class Command(BaseCommand):
    help = (
        "Zählt die Übersichten (Sachstände je Stand und je Reifegrad) aus allen Sachständen "
        "neu, z. B. nach einer Reparatur oder einem Massenimport."
    )

    def handle(self, *args, **options):
        summaries_rebuild()
        network = dict(StageCount.objects.filter(
            scope__in=[StageCount.Scope.NETWORK_TOPICS, StageCount.Scope.NETWORK_SERVICES],
        ).values("scope").annotate(total=Sum("count")).values_list("scope", "total"))
        self.stdout.write(self.style.SUCCESS(_(
            "Übersichten neu gezählt: %(statuses)d Sachstände (%(topics)d zu Themen, "
            "%(services)d zu OZG-Leistungen), %(stage_counts)d Zählungen nach Stand, "
            "%(maturity_counts)d Zählungen nach Reifegrad.") % {
            "statuses": Status.objects.count(),
            "topics": network.get(StageCount.Scope.NETWORK_TOPICS, 0),
            "services": network.get(StageCount.Scope.NETWORK_SERVICES, 0),
            "stage_counts": StageCount.objects.count(),
            "maturity_counts": MaturityCount.objects.count(),
        }))
