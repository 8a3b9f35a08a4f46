import pytest

from polls.models import Audience, ResultsVisibility
from tests.factories import AdministrationFactory, UserFactory

from .helpers import answer_make, poll_make, questions_make


@pytest.fixture
def asker(other_editor):
    """The Neuwied editor who asked."""
    return other_editor


@pytest.fixture
def poll(asker):
    return poll_make(administration=asker.administration, author=asker,
                     audience=Audience.ALL, results_visibility=ResultsVisibility.MEMBERS)


@pytest.fixture
def questions(poll):
    return questions_make(poll)


@pytest.fixture
def answered(poll, questions, administration, other_administration):
    """Three final answers (Mayen-Koblenz, Neuwied, Ahrweiler), a draft of Cochem-Zell, and
    Andernach (a Stadt) that has not answered."""
    ahrweiler = AdministrationFactory(name="Landkreis Ahrweiler", short_name="AW")
    cochem = AdministrationFactory(name="Landkreis Cochem-Zell", short_name="COC")
    andernach = AdministrationFactory(name="Stadt Andernach", short_name="AND", kind="stadt")
    answer_make(poll=poll, administration=administration, by=UserFactory(
        administration=administration, role="editor", first_name="Erika", last_name="Mayer"),
        **{"dms": {"choices": ["enaio"]}, "areas": {"choices": ["Bauamt", "Kasse"]},
           "happy": {"yes": True}, "users": {"number": 120}, "since": {"date": "2019-03-01"},
           "advice": {"text": "Früh den Personalrat einbinden."}},
    )
    answer_make(poll=poll, administration=other_administration,
                **{"dms": {"choices": [], "other": "Eigenentwicklung"},
                   "areas": {"choices": ["Bauamt"]}, "happy": {"yes": False},
                   "users": {"number": 45.5}, "since": {"date": "2021-10-15"},
                   "advice": {"not_possible": True}})
    answer_make(poll=poll, administration=ahrweiler,
                **{"dms": {"choices": ["enaio"]}, "areas": {"not_possible": True},
                   "happy": {"yes": True}, "users": {"number": 300},
                   "since": {"not_possible": True}, "advice": {"text": "Schulungen planen."}})
    answer_make(poll=poll, administration=cochem, state="draft",
                **{"dms": {"choices": ["VIS-Suite"]}, "users": {"number": 9999},
                   "advice": {"text": "ENTWURF-GEHEIM"}})
    return {"ahrweiler": ahrweiler, "cochem": cochem, "andernach": andernach}
