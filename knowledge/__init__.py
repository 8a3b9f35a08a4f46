"""Floor 5, knowledge: the shared knowledge base of the network — articles (Markdown, with
revisions), documents for reuse (with a permission-checked download) and the categories
they are shelved in, linked to topics, joint projects and meetings.

Imports the floors below it (projects, meetings, members, common), never the roof
(kreishaus). What it adds to pages of lower floors and to the site-wide search it
registers in KnowledgeConfig.ready() (sections.py, search.py). Who may do what: rules.py.

    articles/     start page, article page, editor, archive, revisions (history, diff, restore)
    documents/    list, page, upload, change, archive, download
    categories/   the shelves, kept by the coordination office
"""
