"""For the tests of migrations with data steps: move the test database to a state and back."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets=None) -> MigrationExecutor:
    """Migrate the test database to the targets (default: the latest state); the executor
    returned knows the state reached (`.loader.project_state(targets).apps`)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return MigrationExecutor(connection)
