"""The site-wide search core: German full-text search over whatever the apps register.

Each app describes its searchable objects as a `Source` (registry) and registers it in its
AppConfig.ready(); the core writes the index (indexing, kept current by signals wired
from the registry), splits compounds (compounds) and answers queries (query). The core
knows no app: kinds, labels, result addresses and what triggers reindexing come from
the sources.
"""
