"""Reading the search page as a user sees it."""

import html
import re

from django.urls import reverse

RESULT = re.compile(r'<h2 class="kern-heading-small search-result__title">'
                    r'<a class="kern-link" href="([^"]*)">(.*?)</a></h2>', re.S)
STATUS = re.compile(r'<p class="kern-body search-status" role="status">(.*?)</p>', re.S)


def search_page(client, query: str, **params) -> str:
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def titles(page: str) -> list[str]:
    """The result titles in the order shown (HTML entities decoded)."""
    return [html.unescape(title) for _url, title in RESULT.findall(page)]


def links(page: str) -> list[str]:
    return [url for url, _title in RESULT.findall(page)]


def status(page: str) -> str:
    match = STATUS.search(page)
    return html.unescape(match.group(1)) if match else ""


def found(client, query: str, **params) -> list[str]:
    return titles(search_page(client, query, **params))
