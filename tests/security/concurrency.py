"""Send the same form several times at the same moment, as a double click or a nervous
user does: real threads, each with its own test client and database connection, started
together by a barrier. Needs a transactional database (committed data, real commits)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections
from django.test import Client

START_TIMEOUT = 30
REQUEST_TIMEOUT = 60


@dataclass
class Answer:
    status: int
    location: str = ""
    content: str = ""
    error: str = ""  # an exception the request raised instead of answering

    def __repr__(self) -> str:
        shown = self.location or self.error or " | ".join(self.form_errors())
        return f"<{self.status} {shown}>"

    def form_errors(self) -> list[str]:
        """The messages a form page shows beside its fields (for failure reports)."""
        return re.findall(r'role="alert">(.*?)</div>', self.content, flags=re.S)


def clients_like(client: Client | None, count: int) -> list[Client]:
    """`count` clients sharing `client`'s cookies (its session: one browser clicking
    several times), or anonymous clients without a session."""
    clients = []
    for _n in range(count):
        other = Client(raise_request_exception=False)
        if client is not None:
            for name, morsel in client.cookies.items():
                other.cookies[name] = morsel.value
        clients.append(other)
    return clients


def at_once(requests: list[Callable[[Client], object]], clients: list[Client]) -> list[Answer]:
    """Run request i with client i in its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(requests), timeout=START_TIMEOUT)
    answers: list[Answer | None] = [None] * len(requests)

    def run(index: int) -> None:
        try:
            barrier.wait()
            response = requests[index](clients[index])
            answers[index] = Answer(
                response.status_code, response.get("Location", ""),
                "" if getattr(response, "streaming", False)
                else response.content.decode(errors="replace"))
        except Exception as error:  # noqa: BLE001 - reported by the test, not swallowed
            answers[index] = Answer(0, error=repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a request hung"
    return [answer or Answer(0, error="no answer") for answer in answers]


def post_at_once(clients: list[Client], url: str, data: Callable[[int], dict]) -> list[Answer]:
    """POST to `url` from every client at the same moment; `data(i)` builds the body of
    request i (uploaded files cannot be shared between requests)."""
    return at_once([lambda client, i=i: client.post(url, data(i)) for i in range(len(clients))],
                   clients)
