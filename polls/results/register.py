"""What the results add to other floors' pages and site-wide features; `register()` is
called once from PollsConfig.ready()."""

from projects.sections import TOPIC_PAGE

from . import changes
from .selectors import polls_with_results_on_topic


def _topic_polls(user, topic) -> dict | None:
    polls = polls_with_results_on_topic(topic=topic, user=user)
    return {"topic_polls": polls} if polls else None


def register() -> None:
    # "Letzte Änderungen" and the notifications: Rundfragen whose answering ended.
    changes.register()
    # The topic page: Rundfragen on the topic, linked to their results.
    TOPIC_PAGE.add_section(key="poll_results", order=20,
                           template="polls/results/_topic_polls.html", context=_topic_polls)
