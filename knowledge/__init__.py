"""Floor 5, knowledge: articles, documents and categories, linked to meetings, projects and
topics. Imports every floor below it, never the roof."""
