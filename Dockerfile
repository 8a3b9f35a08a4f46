# Production image of Kreishaus: gunicorn serves Django, WhiteNoise the static files.
# The same image runs the Celery worker and beat (see docker-compose.yml).
#   docker build -t kreishaus .

FROM python:3.11-slim-bookworm AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/venv/bin:$PATH
RUN python -m venv /opt/venv
WORKDIR /app

# The dependencies from pyproject.toml (no test extra) get their own layer, so a code
# change does not reinstall them. The code itself runs from /app, never from
# site-packages: the settings find templates/, static/ and locale/ next to themselves.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .

# German catalogues are compiled here, so the runtime image needs no gettext.
RUN if find . -name '*.po' | grep -q .; then \
        apt-get update \
        && apt-get install --yes --no-install-recommends gettext \
        && find . -name '*.po' -exec sh -c \
            'for po; do msgfmt --check-format --output-file="${po%.po}.mo" "$po" || exit 1; done' \
            sh {} + ; \
    fi

# WhiteNoise serves what collectstatic gathers (with hashed names) in var/static. The
# production settings insist on a SECRET_KEY and a DATABASE_URL; these values exist for
# this one command only: nothing is signed and nothing connects to the database.
RUN DJANGO_SETTINGS_MODULE=kreishaus.settings.production \
    SECRET_KEY=build-only-collectstatic-Zq8vN3kR7tW2xY5mP9sL4dF6gH1jK0bC \
    DATABASE_URL=postgres://build:build@localhost:5432/build \
    python manage.py collectstatic --noinput \
    && python -m compileall -q kreishaus members meetings projects knowledge


FROM python:3.11-slim-bookworm

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=kreishaus.settings.production \
    WEB_CONCURRENCY=3

RUN groupadd --system --gid 10001 kreishaus \
    && useradd --system --uid 10001 --gid kreishaus --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin kreishaus

# WeasyPrint (tagged PDFs of minutes and attendance lists, common/pdf.py) lays out text
# with Pango and HarfBuzz; DejaVu is the fallback for characters Fira Sans lacks.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app

# Uploads, the beat schedule and the archives of `manage.py backup` are the only places the
# app writes. All three are volumes in docker-compose.yml, and Docker gives a new named
# volume this ownership.
RUN mkdir -p var/media var/beat var/backups \
    && chown kreishaus:kreishaus var/media var/beat var/backups

USER 10001:10001
EXPOSE 8000
# WEB_CONCURRENCY sets the number of gunicorn workers.
CMD ["gunicorn", "kreishaus.wsgi", "--bind", "0.0.0.0:8000", "--worker-tmp-dir", "/dev/shm", \
     "--access-logfile", "-"]
