"""All pages under /vorhaben/; each part keeps its own URL module."""

from . import urls_exchange, urls_joint, urls_matrix, urls_status, urls_surveys

app_name = "projects"
urlpatterns = (urls_matrix.urlpatterns + urls_status.urlpatterns + urls_exchange.urlpatterns
               + urls_surveys.urlpatterns + urls_joint.urlpatterns)
