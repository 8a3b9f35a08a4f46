import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.local")

app = Celery("kreishaus")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
