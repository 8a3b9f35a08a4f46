"""Search at scale: bulk indexing and search latency over generated German articles.

    .venv/bin/python bench/search_scale.py [--articles 100000] [--repeat 20]
    .venv/bin/python bench/search_scale.py --demo [--database kreishaus_search_demo]

Uses its own database on the embedded PostgreSQL (default kreishaus_search_bench, created
if missing and kept for the next run; DATABASE_URL overrides). Without --demo it generates
the articles once (bulk_create, so no per-save indexing; realistic administration words
and compounds with a Zipf-like frequency, 12 categories, 40 contributing administrations,
0-3 tags each, 30 % public, 3 % archived), with --demo it loads the demo data. Then:

* rebuild     search_rebuild() over everything, in one transaction, and the share of it
              spent in Python (Markdown to text, compound splitting) vs PostgreSQL
* sizes       the table, its TOAST data and the two GIN indexes
* per query   search_results() for member staff and for visitors, median and p95 of
              --repeat runs: rare word, common word, compound part, stemmed form,
              participle, several words, a phrase, no hit, and page 50 of the common word
* page        GET /suche/ through Django's test client (member and visitor), against
              GET /healthz in the same run (these machines are noisy: compare the ratio)
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.test")

RARE_WORD = "Friedhofsgebührensatzung"
QUERIES = [
    ("rare word", RARE_WORD, 1),
    ("very common word", "Digitalisierung", 1),
    ("common word", "Verwaltung", 1),
    ("compound part", "Antrag", 1),
    ("stemmed form", "Akten", 1),
    ("participle", "eingeführt", 1),
    ("three words", "digitale Akte Einführung", 1),
    ("phrase", '"elektronische Akte"', 1),
    ("no hit", "Quantencomputer", 1),
    ("common, page 50", "Verwaltung", 50),
]


def _words(text: str) -> list[str]:
    return text.split()


BASE_NOUNS = _words("""Akte Akten E-Akte Antrag Anträge Bauantrag Wohngeldantrag Förderantrag
Einführung Terminvereinbarung Online-Terminvereinbarung Kfz-Ummeldung
Ummeldung Gesundheitsamt Standesamt Bürgerbüro Bürgerportal Serviceportal Ratsarbeit
Ratsinformationssystem Sitzungsdienst Posteingang Scanstelle Dokumentenmanagementsystem
Dienstanweisung Aktenplan Aktenzeichen Schnittstelle Fachverfahren Leistungskatalog
Nutzerkonto Postfach Breitbandausbau Glasfaser Rechenzentrum Zweckverband Dienstleister
Videokonferenz Webseminar Fortbildung Schulung Personalrat Datenschutz Informationssicherheit
Ausländerbehörde Zulassungsstelle Straßenverkehrsamt Baulastenverzeichnis Bauaufsicht
Baugenehmigung Elterngeld Gewerbeanmeldung Hundesteuer Grundsteuer Bescheid Widerspruch
Vergabe Ausschreibung Rahmenvertrag Lizenzkosten Betriebskosten Wirtschaftlichkeit Pilotprojekt
Projektleitung Lenkungsgruppe Meilenstein Arbeitsgruppe Kreisverwaltung Verbandsgemeinde
Gemeinde Landkreis Kreistag Bürgermeister Fachbereich Sachgebiet Mitarbeitende Beschäftigte
Rechnungseingang Eingangsrechnung Haushaltsplan Haushalt Kämmerei Kasse Zahlungsverkehr
Archiv Langzeitarchivierung Signatur Siegel Registratur Poststelle Telefonanlage Homeoffice
Arbeitsplatz Tablet Software Hardware Anbieter Schnittstellen Standard XRechnung OZG
Reifegrad Onlinedienst Onlinedienste Formular Formulare Prozess Prozesse Prozessmodell
Vorlage Vorlagen Beschluss Beschlussvorlage Protokoll Tagesordnung Erfahrung Erfahrungen
Erfahrungsaustausch Netzwerk Kommune Kommunen Land Bund Förderung Fördermittel Zuschuss
Wahlhelfer Wahlamt Meldebehörde Einwohnermeldeamt Jugendamt Sozialamt Jobcenter
Schulträger Schule Schulen Kita Kindertagesstätte Elternbeitrag Bibliothek Museum
Feuerwehr Rettungsdienst Katastrophenschutz Ordnungsamt Bußgeldstelle Parkraum""")
# Compounds as administrations write them: prefix × head ("Wohngeld" + "antrag").
PREFIXES = _words("""Bau Wohngeld Förder Kfz Bürger Service Personal Daten Akten Termin Online
Rats Sitzungs Haushalts Schul Kita Steuer Gewerbe Melde Wahl Straßen Verkehrs Umwelt Abfall
Wasser Friedhofs Sozial Jugend Gesundheits Feuerwehr Bibliotheks Vergabe Rechnungs Zahlungs
Post Archiv Dokumenten Prozess Projekt Netz""")
HEADS = _words("""antrag anträge akte verfahren portal amt stelle system konzept plan leitung
gruppe verordnung satzung bescheid gebühr management dienst register verzeichnis formular
prüfung beratung software schnittstelle vorlage vertrag planung steuerung bericht statistik
daten kosten recht team""")


def _vocabulary() -> list[str]:
    """About 1,600 nouns in a fixed order of frequency: "Digitalisierung" is in nearly every
    article, "Verwaltung" (rank 10) in about a third, most compounds in few."""
    words = sorted(set(BASE_NOUNS) | {prefix + head for prefix in PREFIXES for head in HEADS})
    random.Random(7).shuffle(words)
    words.insert(0, "Digitalisierung")
    words.insert(9, "Verwaltung")
    return words


NOUNS = _vocabulary()
ADJECTIVES = _words("""digitale elektronische neue einheitliche gemeinsame zentrale kommunale
papierlose schnelle sichere barrierefreie mobile landesweite interne öffentliche""")
PARTICIPLES = _words("""eingeführt umgesetzt digitalisiert beschlossen geprüft vereinbart
beantragt eingerichtet abgeschlossen vorbereitet getestet ausgeschrieben vergeben gestartet
erweitert angebunden gescannt archiviert übertragen verbessert""")
ADVERBS = _words("jetzt bereits künftig schrittweise landesweit vollständig")
DETERMINERS = _words("Die Die Der Das Unsere Eine Jede")
TAGS = _words("""E-Akte OZG DMS Scannen Onlinedienste Terminvergabe Ratsarbeit Breitband Datenschutz
Fortbildung Vergabe XRechnung Bürgerportal Homeoffice Archiv IT-Sicherheit Förderung
Kfz-Zulassung Meldewesen Bauen Schule Soziales Gesundheit Wahlen Finanzen Personal
Organisation Geodaten Open-Data Barrierefreiheit""")


def _zipf(words: list[str]) -> list[float]:
    return [1 / (rank + 1) for rank in range(len(words))]


class TextMaker:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.noun_weights = _zipf(NOUNS)

    def nouns(self, count: int) -> list[str]:
        return self.rng.choices(NOUNS, weights=self.noun_weights, k=count)

    def sentence(self) -> str:
        rng = self.rng
        first, second, third = self.nouns(3)
        return (f"{rng.choice(DETERMINERS)} {rng.choice(ADJECTIVES)} {first} für {second} "
                f"und {third} wurde {rng.choice(ADVERBS)} {rng.choice(PARTICIPLES)}.")

    def title(self) -> str:
        first, second = self.nouns(2)
        pattern = self.rng.randrange(3)
        if pattern == 0:
            return f"{first} im {second}"
        if pattern == 1:
            return f"{self.rng.choice(ADJECTIVES).capitalize()} {first}"
        return f"{first} und {second}: so wurde es {self.rng.choice(PARTICIPLES)}"

    def body(self) -> str:
        paragraphs = []
        for _ in range(self.rng.randint(2, 4)):
            paragraphs.append(" ".join(self.sentence() for _ in range(self.rng.randint(3, 6))))
        if self.rng.random() < 0.5:
            paragraphs.append("\n".join(f"- **{noun}** prüfen" for noun in self.nouns(4)))
        return "\n\n".join(paragraphs)


def _database_url(name: str) -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    import warnings

    warnings.filterwarnings("ignore", module="platformdirs")
    import pgserver
    import psycopg

    server = pgserver.get_server(PROJECT_DIR / "var" / "pgdata", cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    _keep_alive.append(server)
    return server.get_uri(name)


_keep_alive: list = []


def generate(count: int, seed: int, *, administrations=None, topics=()) -> None:
    """`count` articles in all (those present count). Contributed by 40 generated Kreise, or
    by `administrations` when given; linked to 0-2 of `topics` when given."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    from knowledge.enums import Visibility
    from knowledge.models import Article, Category
    from members.models import Administration

    existing = Article.objects.count()
    if existing >= count:
        print(f"{existing:,} articles present, nothing generated")
        return
    maker = TextMaker(seed + existing)
    rng = maker.rng
    started = time.perf_counter()
    with transaction.atomic():
        categories = [Category.objects.get_or_create(
            slug=f"bench-{number}", defaults={"name": f"Themenfeld {name}"})[0]
            for number, name in enumerate(BASE_NOUNS[:12])]
        if administrations is None:
            Administration.objects.bulk_create([
                Administration(name=f"Landkreis Beispielstadt {number}",
                               slug=f"bench-lk-{number}", kind="landkreis", federal_state="07",
                               member_since=timezone.localdate())
                for number in range(40)], ignore_conflicts=True)
            administrations = list(Administration.objects.filter(slug__startswith="bench-lk-"))
        topic_links = Article.topics.through
        tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name.lower()})[0]
                for name in TAGS]
        content_type = ContentType.objects.get_for_model(Article)
        rare = set(rng.sample(range(existing, count), 12))
        now = timezone.now()
        for start in range(existing, count, 2000):
            articles = []
            for number in range(start, min(start + 2000, count)):
                body = maker.body()
                if number in rare:
                    body += f"\n\nDie {RARE_WORD} wurde neu gefasst."
                articles.append(Article(
                    title=maker.title()[:200], slug=f"bench-{number}",
                    summary=maker.sentence(), body=body, category=rng.choice(categories),
                    administration=rng.choice(administrations),
                    visibility=Visibility.PUBLIC if rng.random() < 0.3 else Visibility.INTERNAL,
                    archived_at=now if rng.random() < 0.03 else None))
            Article.objects.bulk_create(articles)
            TaggedItem.objects.bulk_create([
                TaggedItem(content_type=content_type, object_id=article.pk, tag=tag)
                for article in articles for tag in rng.sample(tags, rng.randint(0, 3))])
            if topics:
                topic_links.objects.bulk_create([
                    topic_links(article_id=article.pk, topic_id=topic.pk)
                    for article in articles for topic in rng.sample(topics, rng.randint(0, 2))])
            print(f"  generated {min(start + 2000, count):,} articles", end="\r", flush=True)
    print(f"generated {count - existing:,} articles in {time.perf_counter() - started:.0f} s")


def rebuild() -> None:
    from django.db import connection

    from common.markdown import markdown_plain_text
    from common.search.compounds import compound_text, noun_forms
    from common.search.indexing import search_rebuild
    from knowledge.models import Article

    started = time.perf_counter()
    noun_forms()
    print(f"word list loaded in {time.perf_counter() - started:.2f} s, "
          f"{len(noun_forms()):,} noun forms")
    sample = list(Article.objects.order_by("?").values_list("title", "summary", "body")[:2000])
    started = time.perf_counter()
    texts = [(title, summary, markdown_plain_text(body)) for title, summary, body in sample]
    markdown_ms = (time.perf_counter() - started) * 1000 / len(sample)
    started = time.perf_counter()
    for text in texts:
        compound_text(*text)
    split_ms = (time.perf_counter() - started) * 1000 / len(sample)
    words = statistics.mean(len(" ".join(text).split()) for text in texts)
    print(f"per article ({words:.0f} words): Markdown to text {markdown_ms:.2f} ms, compound "
          f"splitting {split_ms:.2f} ms (caches warm after the first 2,000 articles)")

    started = time.perf_counter()
    counts = search_rebuild()
    seconds = time.perf_counter() - started
    total = sum(counts.values())
    per_kind = ", ".join(f"{count:,} {kind}" for kind, count in counts.items())
    print(f"rebuild: {total:,} entries in {seconds:.1f} s ({seconds * 1000 / total:.2f} ms per "
          f"entry; {per_kind})")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE kreishaus_searchentry")
    print(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s")


def sizes() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT pg_size_pretty(pg_relation_size('kreishaus_searchentry')),
                   pg_size_pretty(pg_table_size('kreishaus_searchentry')),
                   pg_size_pretty(pg_relation_size('search_vector_gin')),
                   pg_size_pretty(pg_relation_size('search_public_vector_gin')),
                   (SELECT count(*) FROM kreishaus_searchentry),
                   (SELECT count(*) FROM kreishaus_searchentry
                    WHERE public_vector IS NOT NULL)""")
        heap, table, gin, public_gin, entries, public = cursor.fetchone()
    print(f"sizes: table rows {heap} (with TOAST {table}), GIN(vector) {gin}, "
          f"GIN(public_vector) {public_gin}; {entries:,} entries, {public:,} public")


def measure(repeat: int) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client

    from common.search.query import search_results
    from members.models import Administration, User

    member = User.objects.filter(administration__isnull=False, is_active=True).first()
    if member is None:
        member = User.objects.create_user("bench@example.org",
                                          administration=Administration.objects.first())
    print(f"\n{'query':18} {'who':8} {'hits':>7} {'median':>9} {'p95':>9}")
    for label, query, page in QUERIES:
        for who, user in (("member", member), ("visitor", AnonymousUser())):
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                results = search_results(query=query, user=user, page=page)
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(len(timings) * 0.95) - 1)]
            print(f"{label:18} {who:8} {results.total:7,} {statistics.median(timings):7.1f} ms "
                  f"{p95:7.1f} ms")

    clients = {"visitor": Client()}
    clients["member"] = Client()
    clients["member"].force_login(member)
    print(f"\n{'page':36} {'who':8} {'median':>9} {'ratio to /healthz':>18}")
    for who, client in clients.items():
        baseline = _timed(lambda client=client: client.get("/healthz"), repeat)
        for query in ("Verwaltung", "Antrag", RARE_WORD):
            median = _timed(lambda client=client, query=query: client.get(
                "/suche/", {"q": query}), repeat)
            print(f"/suche/?q={query:26} {who:8} {median:7.1f} ms {median / baseline:17.1f}×")
        print(f"{'/healthz':36} {who:8} {baseline:7.1f} ms")


def _timed(function, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = function()
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--demo", action="store_true", help="load the demo data instead")
    parser.add_argument("--database", default=None)
    parser.add_argument("--skip-rebuild", action="store_true")
    args = parser.parse_args()
    name = args.database or ("kreishaus_search_demo" if args.demo else "kreishaus_search_bench")
    os.environ["DATABASE_URL"] = _database_url(name)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if args.demo:
        started = time.perf_counter()
        call_command("demo_data", verbosity=0)
        print(f"demo data loaded in {time.perf_counter() - started:.0f} s (with per-save "
              f"indexing)")
    else:
        generate(args.articles, args.seed)
    print(f"database {connection.settings_dict['NAME']}")
    if not args.skip_rebuild:
        rebuild()
    sizes()
    measure(args.repeat)


if __name__ == "__main__":
    main()
