"""The members pages that other apps add sections to (see common.sections).

members knows no app above it; meetings, projects and knowledge register what they show
here in their AppConfig.ready().
"""

from common.sections import Page

# The administration page: below its facts, Steckbrief and contacts come the member's
# statuses (projects), meetings (meetings) and knowledge contributions (knowledge).
ADMINISTRATION_PAGE = Page("members.administration")
