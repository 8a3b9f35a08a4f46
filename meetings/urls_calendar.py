"""Calendar feeds and exports of the meetings app."""

app_name = "meetings"
urlpatterns: list = []
