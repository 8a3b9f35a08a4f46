import uuid

import pytest
from django.db import connection

from kreishaus.tasks import ping_database


@pytest.mark.worker
def test_task_round_trip_through_real_worker_uses_test_database(celery_worker_process):
    token = uuid.uuid4().hex

    result = ping_database.delay(token).get(timeout=60)

    assert result == {"token": token, "database": connection.settings_dict["NAME"]}
    assert celery_worker_process.poll() is None, "worker must still be running"


def test_task_runs_in_process_without_broker(db):
    result = ping_database.delay("eager").get(timeout=5)

    assert result == {"token": "eager", "database": connection.settings_dict["NAME"]}
