"""The site-wide search: German full-text search over articles, documents, meetings,
joint projects and members (see indexing, query and signals)."""
