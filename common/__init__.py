"""Floor 1, the base: generic parts every app may use (forms and their rendering, input
cleaning, uploads, tables in and out, permission helpers, page sections, phrases, outbox,
reminders, search core). It imports no app of the project; apps register what they add to
site-wide features (search sources, reminder kinds, page sections) in AppConfig.ready().

The floors, from the ground up (each imports only those below it; import-linter checks
it, contracts in pyproject.toml): common → members → meetings → projects → knowledge →
kreishaus (the roof).
"""
