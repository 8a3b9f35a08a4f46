"""Demo network: the ten district administrations of the northern Rhineland-Palatinate group
with their public facts from the Destatis reference data, and one login per role."""

import csv
from decimal import Decimal
from pathlib import Path

from allauth.account.models import EmailAddress
from django.utils.text import slugify

from .enums import AdministrationKind, FederalState, Role
from .models import Administration, User

DEMO_PASSWORD = "kreishaus-demo"
KREISE_CSV = Path(__file__).parent / "data" / "kreise_rlp_plus_coesfeld_neuss.csv"

# Regional key -> (short name: the vehicle registration code, official website).
DEMO_DISTRICTS = {
    "07137": ("MYK", "https://www.kvmyk.de"),
    "07131": ("AW", "https://www.kreis-ahrweiler.de"),
    "07132": ("AK", "https://www.kreis-altenkirchen.de"),
    "07135": ("COC", "https://www.cochem-zell.de"),
    "07339": ("MZ", "https://www.mainz-bingen.de"),
    "07138": ("NR", "https://www.kreis-neuwied.de"),
    "07140": ("SIM", "https://www.kreis-sim.de"),
    "07141": ("EMS", "https://www.rhein-lahn-kreis.de"),
    "07233": ("DAU", "https://www.vulkaneifel.de"),
    "07143": ("WW", "https://www.westerwaldkreis.de"),
}

# email, first name, last name, role, regional key of the administration (None: admin).
DEMO_LOGINS = [
    ("admin@example.org", "Paula", "Betrieb", None, None),
    ("koordination@example.org", "Katrin", "Berger", Role.COORDINATOR, "07137"),
    ("redaktion.myk@example.org", "Jonas", "Weber", Role.EDITOR, "07137"),
    ("redaktion.neuwied@example.org", "Sabine", "Klein", Role.EDITOR, "07138"),
    ("lesen.ahrweiler@example.org", "Tobias", "Schmitz", Role.READER, "07131"),
]


def demo_login_table() -> list[dict]:
    """The demo logins as shown on the login page while demo mode is on."""
    labels = {None: "Plattform-Administration"}
    rows = []
    for email, _first, _last, role, _key in DEMO_LOGINS:
        rows.append({"email": email, "label": labels.get(role) or Role(role).label})
    return rows


def _district_name(csv_name: str) -> str:
    return csv_name if csv_name.lower().endswith("kreis") else f"Landkreis {csv_name}"


def load_districts() -> dict[str, Administration]:
    """Create or update the ten districts by regional key; returns them by key."""
    with KREISE_CSV.open(encoding="utf-8") as handle:
        rows = {row["kreis_schluessel"]: row for row in csv.DictReader(handle)}
    districts = {}
    for key, (short_name, website) in DEMO_DISTRICTS.items():
        row = rows[key]
        districts[key], _ = Administration.objects.update_or_create(
            regional_key=key,
            defaults={
                "name": _district_name(row["name"]),
                "short_name": short_name,
                "slug": slugify(row["name"]),
                "kind": AdministrationKind.LANDKREIS,
                "federal_state": FederalState(row["land_schluessel"]),
                "population": int(row["einwohner"]),
                "area_km2": Decimal(row["flaeche_km2"]),
                "seat": row["sitz"],
                "website": website,
            },
        )
    return districts


def load_logins(districts: dict[str, Administration]) -> None:
    """Create the demo logins once; a second run leaves them (and their passwords) alone."""
    for email, first_name, last_name, role, key in DEMO_LOGINS:
        user = User.objects.filter(email=email).first()
        if user is None:
            extra = {"first_name": first_name, "last_name": last_name}
            if role is None:
                user = User.objects.create_superuser(email, DEMO_PASSWORD, **extra)
            else:
                user = User.objects.create_user(
                    email, DEMO_PASSWORD, administration=districts[key], role=role, **extra
                )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )


def load() -> None:
    load_logins(load_districts())
