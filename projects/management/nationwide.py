"""The rows of the nationwide benchmark data set (generate_nationwide_statuses): statuses on
OZG services and topics, and the history that led to each of them.

Everything is drawn pseudo-randomly but reproducibly: each administration has its own
random streams derived from the seed and its regional key (one for its OZG statuses, one
for its topic statuses, one for its history), so a row does not depend on limits, chunking
or the order of runs. The history is shaped like real use: a member enters its statuses
within a few days (between 18 and 2 months before the run), about a third of them start
one or two stages lower and move up later, at days spread over the time since, and some
get a product or note later. Each history row holds what status_save would have written.
"""

import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..enums import StatusSource

SINCE_FIRST, SINCE_DAYS = date(2019, 1, 1), 5 * 365
# stage -> the two maturity levels it comes with, the first one more often
MATURITIES = {0: (0, 1), 1: (1, 0), 2: (1, 2), 3: (2, 3), 4: (3, 4)}
STAGE_LIMITS = (0.40, 0.52, 0.62, 0.70)  # score below the n-th limit: stage n, else live
ONBOARDING_DAYS = (60, 540)  # first capture this many days before the run
STEP_SHARE = 0.35  # statuses that started lower and moved up since
LATE_EDIT_SHARE = 0.08  # statuses whose product or note changed later
NOTES = ("Abstimmung mit dem Kreis läuft.", "Umsetzung gemeinsam mit dem IT-Dienstleister.",
         "Nachnutzung eines EfA-Dienstes geplant.", "Fördermittel beantragt.")


@dataclass
class Drawn:
    """One status as it stands today, with the history rows that led to it."""

    subject_id: int
    stage: int
    maturity: int | None
    since: date | None
    product: str
    note: str
    changes: list[tuple[datetime, str, str]] = field(default_factory=list)  # at, source, json

    @property
    def updated_at(self) -> datetime:
        return self.changes[-1][0]


def _stage(score: float) -> int:
    return next((n for n, limit in enumerate(STAGE_LIMITS) if score < limit), 4)


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


class Streams:
    """The random streams of one administration (key: regional key)."""

    def __init__(self, key: str, seed: int, now: datetime):
        self.key, self.seed, self.now = key, seed, now
        self.history = random.Random(f"{seed}:history:{key}")  # noqa: S311 (benchmark data)
        days = self.history.uniform(*ONBOARDING_DAYS)
        self.onboarded = now - timedelta(days=days)

    def services(self, services: list[int], ease: dict[int, float]) -> list[Drawn]:
        """OZG statuses: how far the administration is overall, how easy each service (the
        same stream as before history existed, so existing data sets stay comparable)."""
        rng = random.Random(f"{self.seed}:administration:{self.key}")  # noqa: S311
        progress = rng.random() * 0.8 + (0.2 if len(self.key) == 5 else 0.0)  # Kreise ahead
        drawn = []
        for service_id in services:
            stage = _stage(0.45 * progress + 0.35 * ease[service_id] + 0.2 * rng.random())
            low, high = MATURITIES[stage]
            maturity = low if rng.random() < 0.7 else high
            since = SINCE_FIRST + timedelta(days=rng.randrange(SINCE_DAYS)) if stage else None
            drawn.append(self._with_history(Drawn(service_id, stage, maturity, since, "", "")))
        return drawn

    def topics(self, topics: list[tuple[int, list[str]]], ease: dict[int, float]) -> list[Drawn]:
        """Topic statuses with a product from those the network names for the topic."""
        rng = random.Random(f"{self.seed}:topics:{self.key}")  # noqa: S311
        progress = rng.random() * 0.8 + (0.2 if len(self.key) == 5 else 0.0)
        drawn = []
        for topic_id, products in topics:
            stage = _stage(0.5 * progress + 0.3 * ease[topic_id] + 0.2 * rng.random())
            product = rng.choice(products) if products and stage >= 2 else ""
            since = SINCE_FIRST + timedelta(days=rng.randrange(SINCE_DAYS)) if stage else None
            drawn.append(self._with_history(Drawn(topic_id, stage, None, since, product, "")))
        return drawn

    def _with_history(self, status: Drawn) -> Drawn:
        rng, now = self.history, self.now
        first = status.stage
        if status.stage and rng.random() < STEP_SHARE:
            first = max(0, status.stage - rng.choice((1, 1, 2)))
        created = self.onboarded + timedelta(hours=rng.uniform(0, 72))
        steps = sorted(created + (now - created) * rng.random()
                       for _ in range(status.stage - first))
        late_edit = rng.random() < LATE_EDIT_SHARE
        # Creation: what status_save records for a new status (defaults → first values).
        values = {"stage": 0, "maturity": None, "since": None, "product": "", "note": ""}
        wanted = {"stage": first, "maturity": self._maturity(status, first),
                  "since": status.since if first == status.stage else None,
                  "product": status.product if (first >= 2 and not late_edit) else "",
                  "note": ""}
        source = rng.choice((StatusSource.IMPORT, StatusSource.SURVEY, StatusSource.SURVEY,
                             StatusSource.FORM))
        self._record(status, created, source, values, wanted)
        for number, at in enumerate(steps, start=1):
            stage = first + number
            last = stage == status.stage
            wanted = {**values, "stage": stage, "maturity": self._maturity(status, stage),
                      "since": status.since if last else None,
                      "product": status.product if (stage >= 2 and not late_edit) else ""}
            source = StatusSource.SURVEY if rng.random() < 0.6 else StatusSource.FORM
            self._record(status, at, source, values, wanted)
        if late_edit:
            at = status.changes[-1][0] + (now - status.changes[-1][0]) * rng.random()
            status.note = rng.choice(NOTES)
            self._record(status, at, StatusSource.FORM, values,
                         {**values, "product": status.product, "note": status.note})
        return status

    @staticmethod
    def _maturity(status: Drawn, stage: int) -> int | None:
        if status.maturity is None:
            return None
        return status.maturity if stage == status.stage else MATURITIES[stage][0]

    @staticmethod
    def _record(status: Drawn, at: datetime, source: str, values: dict, wanted: dict) -> None:
        changes = {name: [_iso(values[name]), _iso(value)] for name, value in wanted.items()
                   if values[name] != value}
        values.update(wanted)
        status.changes.append((at, source, json.dumps(changes)))
