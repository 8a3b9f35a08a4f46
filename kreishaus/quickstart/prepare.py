"""Before the servers start: migrate, load the demo network into an empty database and
build the search index if it is empty; one process, so Django starts once."""

import os
import sys


def main(argv: list[str]) -> None:
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreishaus.settings.quickstart")
    django.setup()
    call_command("migrate", interactive=False, verbosity=1)
    if "--no-demo" not in argv:
        call_command("demo_data", if_empty=True)
    call_command("rebuild_search_index", if_empty=True)


if __name__ == "__main__":
    main(sys.argv[1:])
