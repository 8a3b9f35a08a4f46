from . import urls_articles, urls_documents

app_name = "knowledge"
urlpatterns = urls_articles.urlpatterns + urls_documents.urlpatterns
