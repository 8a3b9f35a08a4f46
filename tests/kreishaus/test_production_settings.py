"""The production settings, run as the container runs them: in a fresh process.

Every run sets all variables of .env.example to their documented values, so a developer's
own .env (which the settings read too) cannot change the outcome.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.celery_worker import _test_database_url

PROJECT_DIR = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = PROJECT_DIR / ".env.example"
# Nothing listens there: a check that needed the database would fail instead of passing.
UNREACHABLE_DATABASE_URL = "postgres://kreishaus:unused@127.0.0.1:9/kreishaus"
SECRET_KEY_ERROR = (
    "django.core.exceptions.ImproperlyConfigured: SECRET_KEY must be set to a random value "
    "of at least 50 characters in production"
)
SETUP = "import django; django.setup()"


def _documented_variables() -> dict[str, str]:
    """Each variable of .env.example with its example value, commented out or not."""
    values = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"#?\s*([A-Z][A-Z0-9_]*)=(.*)", line)
        if match:
            values[match[1]] = match[2]
    return values


def _production_env(**overrides: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        **_documented_variables(),
        "DJANGO_SETTINGS_MODULE": "kreishaus.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": UNREACHABLE_DATABASE_URL,
        # Set by tests/conftest.py for Playwright; check --deploy rightly refuses it.
        "DJANGO_ALLOW_ASYNC_UNSAFE": None,
        **overrides,
    }
    return {name: value for name, value in env.items() if value is not None}


def _run_python(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True,
        timeout=120,
    )


def _dotenv_defines(name: str) -> bool:
    dotenv = PROJECT_DIR / ".env"
    return dotenv.exists() and any(
        line.startswith(f"{name}=") for line in dotenv.read_text(encoding="utf-8").splitlines()
    )


def test_check_deploy_with_documented_variables_reports_no_issues():
    result = _run_python(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", env=_production_env()
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_env_example_documents_every_variable_the_settings_read():
    sources = [*(PROJECT_DIR / "kreishaus" / "settings").glob("*.py"),
               *(PROJECT_DIR / "kreishaus").glob("*.py")]
    read = {
        name
        for source in sources
        for name in re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"",
                               source.read_text(encoding="utf-8"))
    }

    assert {"SECRET_KEY", "DATABASE_URL", "SECURE_SSL_REDIRECT", "TEST_DATABASE_NAME"} <= read
    assert sorted(read - _documented_variables().keys()) == []


@pytest.mark.parametrize(
    "secret_key",
    [
        pytest.param("", id="empty"),
        pytest.param("insecure-local-development-key-do-not-use", id="default-of-base"),
        pytest.param("django-insecure-" + secrets.token_urlsafe(50), id="django-startproject"),
        pytest.param(secrets.token_urlsafe(30), id="too-short"),
        pytest.param("ab" * 40, id="too-few-characters"),
    ],
)
def test_production_settings_with_insecure_secret_key_refuse_to_start(secret_key):
    result = _run_python("-c", SETUP, env=_production_env(SECRET_KEY=secret_key))

    assert result.returncode == 1
    assert SECRET_KEY_ERROR in result.stderr


def test_production_settings_without_secret_key_refuse_to_start():
    if _dotenv_defines("SECRET_KEY"):
        pytest.skip("the .env of this checkout sets SECRET_KEY")

    result = _run_python("-c", SETUP, env=_production_env(SECRET_KEY=None))

    assert result.returncode == 1
    assert SECRET_KEY_ERROR in result.stderr


def test_production_settings_without_database_url_refuse_to_start_the_embedded_server():
    code = (
        "import sys\nimport django\n"
        "try:\n    django.setup()\n"
        "except Exception as error:\n    print(type(error).__name__, error)\n"
        "print(sorted({'pgserver', 'kreishaus.embedded_postgres'} & set(sys.modules)))\n"
    )

    result = _run_python("-c", code, env=_production_env(DATABASE_URL=""))

    assert result.stdout.splitlines() == [
        "ImproperlyConfigured DATABASE_URL must be set in production.",
        "[]",
    ], result.stderr


@pytest.mark.django_db
def test_healthz_over_plain_http_answers_while_other_pages_redirect_to_https(tmp_path):
    # What the container health check does: plain HTTP, Host header taken from SITE_URL.
    code = (
        "import json, os, urllib.parse\nimport django\ndjango.setup()\n"
        "from django.test import Client\n"
        "client = Client(HTTP_HOST=urllib.parse.urlsplit(os.environ['SITE_URL']).netloc)\n"
        "health, start = client.get('/healthz'), client.get('/')\n"
        "print(json.dumps([health.status_code, health.content.decode(), start.status_code,"
        " start.headers.get('Location')]))\n"
    )
    env = _production_env(
        DATABASE_URL=_test_database_url(), REDIS_URL="", CACHE_URL="", CELERY_BROKER_URL="",
        STATIC_ROOT=str(tmp_path / "static"), MEDIA_ROOT=str(tmp_path / "media"),
    )
    (tmp_path / "static").mkdir()

    result = _run_python("-c", code, env=env)

    assert result.returncode == 0, result.stderr
    health_status, health_body, start_status, start_location = json.loads(result.stdout)
    assert health_status == 200
    assert json.loads(health_body)["status"] == "ok"
    assert json.loads(health_body)["database"] == "ok"
    assert (start_status, start_location) == (301, "https://kreishaus.example.org/")


SHOW_LOGIN_SETTINGS = SETUP + (
    "\nfrom django.conf import settings\n"
    "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.MFA_REQUIRED_FOR_PRIVILEGED)"
)


def test_production_trusts_the_documented_proxy_and_requires_mfa_of_privileged_users():
    result = _run_python("-c", SHOW_LOGIN_SETTINGS, env=_production_env())

    assert result.stdout.split() == ["1", "True"], result.stderr


@pytest.mark.parametrize(("module", "expected"), [
    ("kreishaus.settings.production", ["0", "True"]),
    ("kreishaus.settings.local", ["0", "False"]),
])
def test_without_the_variables_no_proxy_is_trusted(module, expected):
    if _dotenv_defines("TRUSTED_PROXY_COUNT") or _dotenv_defines("MFA_REQUIRED_FOR_PRIVILEGED"):
        pytest.skip("the .env of this checkout sets the variables")
    env = _production_env(DJANGO_SETTINGS_MODULE=module, TRUSTED_PROXY_COUNT=None,
                          MFA_REQUIRED_FOR_PRIVILEGED=None)

    result = _run_python("-c", SHOW_LOGIN_SETTINGS, env=env)

    assert result.stdout.split() == expected, result.stderr


def test_compose_trusts_one_proxy_unless_env_says_otherwise():
    compose = (PROJECT_DIR / "docker-compose.yml").read_text(encoding="utf-8")

    assert 'TRUSTED_PROXY_COUNT: "${TRUSTED_PROXY_COUNT:-1}"' in compose
