"""All pages under /vorhaben/; each area keeps its own URL module."""

from .catalogue import urls as catalogue
from .exchange import urls as exchange
from .joint_projects import urls as joint_projects
from .overview import urls as overview
from .statuses import urls as statuses
from .surveys import urls as surveys

app_name = "projects"
# The catalogue comes before the overview: its themen/neu/ must not be read as a topic.
urlpatterns = (catalogue.urlpatterns + overview.urlpatterns + statuses.urlpatterns
               + exchange.urlpatterns + surveys.urlpatterns + joint_projects.urlpatterns)
