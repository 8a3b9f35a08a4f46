from django.core.management.base import BaseCommand
from django.db import transaction

from common.search.indexing import search_rebuild
from knowledge import demo as knowledge_demo
from knowledge import demo_comments as knowledge_demo_comments
from legal import demo as legal_demo
from meetings import demo as meetings_demo
from members import demo as members_demo
from members.models import Administration, ContactPerson, ProfileAnswer, User
from notifications import demo as notifications_demo
from notifications.services import notifications_quiet
from polls import demo as polls_demo
from projects import demo as projects_demo


class Command(BaseCommand):
    help = "Creates or updates the demo network (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true",
            help="Only load when the database holds no administration yet.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Administration.objects.exists():
            self.stdout.write("Database already holds data; demo data not loaded.")
            return
        # Demo comments mention administrations: their editors see it in the app, but
        # loading demo data sends no mail.
        with transaction.atomic(), notifications_quiet():
            members_demo.load()
            meetings_demo.load()
            projects_demo.load()
            # Finds its articles by slug, so a database that already holds the rest of the
            # demo gets the knowledge base on the next plain run.
            knowledge_demo.load()
            knowledge_demo_comments.load()
            # Rundfragen asked by demo administrations, answered by most members.
            polls_demo.load()
            # Fills every legal page that has no text yet (never overwrites an edited one).
            legal_demo.load()
            # Follows of the demo logins and the notifications of the last weeks.
            notifications_demo.load()
            # Saves index themselves; a rebuild also covers rows the loaders bulk-created.
            search_rebuild()
        meetings = meetings_demo.counts()
        projects = projects_demo.counts()
        knowledge = knowledge_demo.counts()
        legal = legal_demo.counts()
        polls = polls_demo.counts()
        self.stdout.write(self.style.SUCCESS(
            f"Demo data ready: {Administration.objects.count()} administrations, "
            f"{ProfileAnswer.objects.count()} Steckbrief answers, "
            f"{ContactPerson.objects.count()} contact persons, "
            f"{meetings['working_groups']} working groups, {meetings['meetings']} meetings, "
            f"{meetings['open_action_items']} open action items, "
            f"{projects['topics']} topics, {projects['ozg_services']} OZG services, "
            f"{projects['statuses']} statuses, {projects['survey_rounds']} survey rounds, "
            f"{projects['joint_projects']} joint projects, "
            f"{knowledge['articles']} knowledge articles, {knowledge['documents']} documents, "
            f"{polls['polls']} Rundfragen with {polls['poll_answers']} answers, "
            f"{legal['legal_pages']} legal pages, {legal['feedback']} feedback messages, "
            f"{User.objects.count()} logins (password: {members_demo.DEMO_PASSWORD})."
        ))
