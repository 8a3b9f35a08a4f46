"""Floor 4, projects: how far the member administrations are with digitalization, and what
they do about it together. Imports only meetings, members and common; knowledge and the
roof (kreishaus) build on it.

Each area is a package with the same kinds of module (services write, selectors read,
then forms, views, urls):

- catalogue/       the topic catalogue and the OZG catalogue with its CSV import
- statuses/        one administration's status per topic or OZG service: editing with
                   conflict detection, history, the summary counts
- overview/        the network's view: matrix, topic and OZG pages, progress over time,
                   SVG charts
- surveys/         Sachstandserhebungen: opening, answering, closing, comparing, reminders
- exchange/        statuses and the matrix as CSV/XLSX, and the status import
- joint_projects/  projects the members run together: milestones, documents, decisions

Shared by all areas: models.py (every table of the app), enums.py, rules.py (who may do
what, the one place for permissions), admin.py, urls.py. What projects adds to site-wide
features is registered in apps.py: search.py (search source), sections.py (dashboard and
administration page), surveys/reminders.py (reminder kind); tasks.py holds the Celery
tasks, demo.py the demo network's projects.
"""
