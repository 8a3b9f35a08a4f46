from celery import shared_task
from django.db import connection


@shared_task
def ping_database(token: str) -> dict:
    """Round trip through the worker and the database; used by health checks and tests."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        (database,) = cursor.fetchone()
    return {"token": token, "database": database}
