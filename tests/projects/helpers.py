from projects.models import OzgLebenslage, OzgService, OzgThemenfeld, Topic


def make_topic(name="E-Akte", slug="e-akte", group="internal"):
    return Topic.objects.create(name=name, slug=slug, group=group)


def make_service(ozg_id=10000, name="Elterngeld", themenfeld_number=6):
    themenfeld, _ = OzgThemenfeld.objects.get_or_create(number=themenfeld_number,
                                                        defaults={"name": "Familie & Kind"})
    lebenslage, _ = OzgLebenslage.objects.get_or_create(
        number=26, defaults={"name": "Geburt", "themenfeld": themenfeld})
    return OzgService.objects.create(ozg_id=ozg_id, name=name, themenfeld=themenfeld,
                                     lebenslage=lebenslage)
