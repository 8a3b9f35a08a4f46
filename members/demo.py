"""Demo network: the ten district administrations of the northern Rhineland-Palatinate group
with their public facts from the Destatis reference data, some cities and Verbandsgemeinden
of Mayen-Koblenz, a fictional IT service provider, Steckbriefe, contact persons and one login
per role.

Idempotent: every row is found by a natural key and only written when a value differs, so a
second run changes nothing (not even the "geändert am" timestamp of a Steckbrief answer).
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

from allauth.account.models import EmailAddress
from django.db import models
from django.utils.text import slugify

from common.tabular import ImportReport, read_csv_file

from . import demo_texts as texts
from .enums import AdministrationKind, FederalState, Role
from .models import Administration, ContactPerson, ProfileAnswer, ProfileQuestion, User

DEMO_PASSWORD = "kreishaus-demo"
DATA_DIR = Path(__file__).parent / "data"
KREISE_CSV = DATA_DIR / "kreise_rlp_plus_coesfeld_neuss.csv"
GEMEINDEVERBAENDE_CSV = DATA_DIR / "gemeindeverbaende_myk.csv"
COORDINATING_DISTRICT = "07137"

# Regional key -> (short name: the vehicle registration code, official website, postal
# address of the main building of the district administration).
DEMO_DISTRICTS = {
    "07137": ("MYK", "https://www.kvmyk.de", "Bahnhofstraße 9\n56068 Koblenz"),
    "07131": ("AW", "https://www.kreis-ahrweiler.de",
              "Wilhelmstraße 24–30\n53474 Bad Neuenahr-Ahrweiler"),
    "07132": ("AK", "https://www.kreis-altenkirchen.de", "Parkstraße 1\n57610 Altenkirchen"),
    "07135": ("COC", "https://www.cochem-zell.de", "Endertplatz 2\n56812 Cochem"),
    "07339": ("MZ", "https://www.mainz-bingen.de",
              "Georg-Rückert-Straße 11\n55218 Ingelheim am Rhein"),
    "07138": ("NR", "https://www.kreis-neuwied.de", "Wilhelm-Leuschner-Straße 9\n56564 Neuwied"),
    "07140": ("SIM", "https://www.kreis-sim.de", "Ludwigstraße 3–5\n55469 Simmern/Hunsrück"),
    "07141": ("EMS", "https://www.rhein-lahn-kreis.de", "Insel Silberau 1\n56130 Bad Ems"),
    "07233": ("DAU", "https://www.vulkaneifel.de", "Mainzer Straße 25\n54550 Daun"),
    "07143": ("WW", "https://www.westerwaldkreis.de", "Peter-Altmeier-Platz 1\n56410 Montabaur"),
}

# 9-digit regional key of a Gemeindeverband of Mayen-Koblenz -> short name. Facts come from
# GEMEINDEVERBAENDE_CSV; address and website stay blank.
DEMO_CHILDREN = {
    "071370003": "Andernach",
    "071370068": "Mayen",
    "071370203": "Bendorf",
    "071375007": "VG Vallendar",
    "071375008": "VG Weißenthurm",
    "071375009": "VG Rhein-Mosel",
}

# The IT service provider is invented; it has no regional key and is found by its slug.
IT_PROVIDER = {
    "name": "IT-Zweckverband Mittelrhein",
    "short_name": "ITZ Mittelrhein",
    "kind": AdministrationKind.IT_DIENSTLEISTER,
    "federal_state": FederalState.RP,
    "seat": "Koblenz",
}

# Natural key -> (membership number, member since). The network was founded by four
# districts on the first date; the dates are invented for the demo.
FOUNDED = date(2019, 5, 9)
MEMBERSHIPS = {
    "07137": (1, FOUNDED),
    "07138": (2, FOUNDED),
    "07131": (3, FOUNDED),
    "07143": (4, FOUNDED),
    "07132": (5, date(2019, 9, 12)),
    "07141": (6, date(2019, 9, 12)),
    "07135": (7, date(2020, 1, 23)),
    "07140": (8, date(2020, 1, 23)),
    "07233": (9, date(2020, 6, 18)),
    "07339": (10, date(2020, 10, 1)),
    "071370003": (11, date(2021, 3, 1)),
    "071370068": (12, date(2021, 3, 1)),
    "071370203": (13, date(2021, 9, 1)),
    "071375007": (14, date(2022, 1, 1)),
    "071375008": (15, date(2022, 1, 1)),
    "071375009": (16, date(2022, 6, 1)),
    texts.IT_PROVIDER_SLUG: (17, date(2022, 9, 1)),
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


def _sync(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Like update_or_create, but validates and saves only when something differs.

    update_or_create always saves, which would move auto_now timestamps on every run.
    """
    obj = model.objects.filter(**lookup).order_by("pk").first()
    if obj is None:
        obj = model(**lookup, **values)
    elif all(getattr(obj, field) == value for field, value in values.items()):
        return obj
    else:
        for field, value in values.items():
            setattr(obj, field, value)
    obj.full_clean()
    obj.save()
    return obj


def _membership(key: str) -> dict:
    number, since = MEMBERSHIPS[key]
    return {"membership_number": number, "member_since": since}


def _read_csv(path: Path, key_column: str) -> dict[str, dict]:
    report = ImportReport()  # the bundled files have no rows of the wrong length
    return {values[key_column]: values for _row, values in read_csv_file(path).records(report)}


def _district_name(csv_name: str) -> str:
    return csv_name if csv_name.lower().endswith("kreis") else f"Landkreis {csv_name}"


def load_districts() -> dict[str, Administration]:
    """Create or update the ten districts by regional key; returns them by key."""
    rows = _read_csv(KREISE_CSV, "kreis_schluessel")
    districts = {}
    for key, (short_name, website, address) in DEMO_DISTRICTS.items():
        row = rows[key]
        districts[key] = _sync(Administration, {"regional_key": key}, {
            "name": _district_name(row["name"]),
            "short_name": short_name,
            "slug": slugify(row["name"]),
            "kind": AdministrationKind.LANDKREIS,
            "federal_state": FederalState(row["land_schluessel"]),
            "population": int(row["einwohner"]),
            "area_km2": Decimal(row["flaeche_km2"]),
            "seat": row["sitz"],
            "address": address,
            "website": website,
            **_membership(key),
        })
    return districts


def _child_name_and_kind(csv_name: str, csv_type: str) -> tuple[str, str]:
    """"Andernach, Stadt" -> "Stadt Andernach"; a Verbandsgemeinde gets its full title."""
    if csv_type == "Verbandsgemeinde":
        return f"Verbandsgemeinde {csv_name}", AdministrationKind.VERBANDSGEMEINDE
    if csv_name.endswith(", Stadt"):
        return f"Stadt {csv_name.removesuffix(', Stadt')}", AdministrationKind.STADT
    return csv_name, AdministrationKind.GEMEINDE


def load_children(parent: Administration) -> dict[str, Administration]:
    """Create or update Gemeindeverbände of Mayen-Koblenz by regional key."""
    rows = _read_csv(GEMEINDEVERBAENDE_CSV, "rs_gemeindeverband")
    children = {}
    for key, short_name in DEMO_CHILDREN.items():
        row = rows[key]
        name, kind = _child_name_and_kind(row["name"], row["typ"])
        children[key] = _sync(Administration, {"regional_key": key}, {
            "name": name,
            "short_name": short_name,
            "slug": slugify(short_name.replace("ß", "ss")),
            "kind": kind,
            "federal_state": FederalState(key[:2]),
            "parent": parent,
            "population": int(row["einwohner"]),
            "area_km2": Decimal(row["flaeche_km2"]),
            "seat": row["sitz"] or name.removeprefix("Stadt "),
            **_membership(key),
        })
    return children


def load_service_provider() -> Administration:
    """Create or update the fictional IT service provider by slug."""
    slug = texts.IT_PROVIDER_SLUG
    return _sync(Administration, {"slug": slug}, {**IT_PROVIDER, **_membership(slug)})


def load_profiles(administrations: dict[str, Administration]) -> None:
    """Steckbrief questions by order, answers by (administration, question)."""
    questions = {
        order: _sync(ProfileQuestion, {"order": order},
                     {"text": text, "help_text": hint, "is_active": True})
        for order, text, hint in texts.QUESTIONS
    }
    for key, answers in texts.ANSWERS.items():
        for order, text in answers.items():
            _sync(ProfileAnswer,
                  {"administration": administrations[key], "question": questions[order]},
                  {"text": str(text), "is_public": not isinstance(text, texts.Internal)})


def load_contacts(administrations: dict[str, Administration]) -> None:
    """Contact persons by (administration, name), ordered as listed."""
    for key, contacts in texts.CONTACTS.items():
        for order, contact in enumerate(contacts, start=1):
            values = {**contact, "order": order}
            _sync(ContactPerson,
                  {"administration": administrations[key], "name": values.pop("name")}, values)


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
    districts = load_districts()
    children = load_children(districts[COORDINATING_DISTRICT])
    administrations = {**districts, **children, texts.IT_PROVIDER_SLUG: load_service_provider()}
    load_profiles(administrations)
    load_contacts(administrations)
    load_logins(districts)
