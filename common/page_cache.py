"""Whole pages for visitors from the cache, until anything they could show changes.

Visitors (no session) all see the same page for an address, so `visitor_cached` keeps the
rendered page in the cache (Redis in production, shared by all workers) under a version
number. Every committed write of a model bumps the version, so the next visitor request
renders afresh: a change shows up at once, and nothing has to know which page shows what.
Signals here, like the search index's: this is derived data that must follow every write
path (services, the admin, the shell). Writes that no visitor page shows, and frequent
ones (sessions, outbox, statuses), are left out: common's own bookkeeping here, an app's
internal models through `visitor_cache_ignore()` in its AppConfig.ready(). Bulk writes
(`QuerySet.update()`, `bulk_create()`) send no signals; code that uses them on public data
calls `visitor_pages_changed()` itself.

Only addresses without a query string or with a page number alone are cached (filters and
searches are rendered afresh): the number of cached pages is bounded by the content.
Logged-in people never get a cached page (their pages differ and are private), and a
visitor with a session (a message waiting after logout, say) is served afresh as well.
VISITOR_CACHE_SECONDS bounds how long a page is kept; 0 switches the cache off.

`until_changed` keeps values (counts, a rendered map) that are the same for everyone who
may see them, under the same version; internal data that visitors never see, and that
changes often, such as statuses, has versions of its own per scope (`data_changed`), so a
new status renews only what shows its topic, not every cached value.
"""

import hashlib
import logging
from functools import partial, wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

logger = logging.getLogger(__name__)
VERSION_KEY = "visitor-pages:version"
# Framework bookkeeping and the base's own tables: no visitor page shows them.
IGNORED_APPS = {"sessions", "admin", "contenttypes", "account", "mfa", "usersessions"}
_ignored_models = {"common.oncetoken", "common.outgoingmail", "common.reminder",
                   "common.searchentry", "common.heartbeat"}


def visitor_cache_ignore(*labels: str) -> None:
    """Writes to these models ("app.Model") leave cached visitor pages alone: no visitor
    page shows them (e.g. internal statuses)."""
    _ignored_models.update(label.lower() for label in labels)


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there (a new or flushed cache): nothing cached under it either
        cache.add(VERSION_KEY, 1, timeout=None)
    except Exception:  # the cache is down: pages age out after VISITOR_CACHE_SECONDS
        logger.warning("visitor page cache not invalidated", exc_info=True)


def visitor_pages_changed() -> None:
    """Visitors get fresh pages from the moment the current transaction commits. (One
    increment per write: a few per request; looking for an earlier one in the pending
    callbacks would also find those a test's outer transaction keeps after running them.)"""
    transaction.on_commit(_bump, robust=True)


def _scope_key(scope: str) -> str:
    return f"data-scope:{scope}"


def _bump_scope(scope: str) -> None:
    try:
        cache.incr(_scope_key(scope))
    except ValueError:  # not there: values under it were keyed without a number yet
        cache.add(_scope_key(scope), 1, timeout=None)
    except Exception:  # the cache is down: values age out after VISITOR_CACHE_SECONDS
        logger.warning("data scope %s not invalidated", scope, exc_info=True)


def data_changed(*scopes: str) -> None:
    """Values kept for these scopes (see `until_changed`) are computed afresh from the
    moment the current transaction commits."""
    for scope in scopes:
        transaction.on_commit(partial(_bump_scope, scope), robust=True)


def _scope_versions(scopes: tuple[str, ...]) -> str:
    if not scopes:
        return ""
    keys = [_scope_key(scope) for scope in scopes]
    found = cache.get_many(keys)
    return ".".join(str(found.get(key, 0)) for key in keys)


def until_changed(key: str, compute, *, scopes: tuple[str, ...] = ()):
    """compute()'s value, kept in the cache until the next write that renews the visitor
    pages, or that changes one of `scopes` (see `data_changed`): for counts over growing
    tables (e.g. articles per category) that only writes change. Computed afresh each time
    when the cache is off or down."""
    if settings.VISITOR_CACHE_SECONDS <= 0:
        return compute()
    try:
        full_key = f"until-changed:{_version()}:{_scope_versions(scopes)}:{key}"
        value = cache.get(full_key)
    except Exception:
        logger.warning("visitor page cache unavailable", exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(full_key, value, settings.VISITOR_CACHE_SECONDS)
        except Exception:
            logger.warning("value not cached", exc_info=True)
    return value


def _cacheable(request) -> bool:
    # Only the pages themselves and their page numbers: a filtered or searched page is
    # rendered afresh, so made-up query strings cannot fill the cache (it is Redis, shared
    # with the broker) with pages nobody asks for again.
    page = request.GET.get("page", "1")
    return (settings.VISITOR_CACHE_SECONDS > 0 and request.method in ("GET", "HEAD")
            and set(request.GET) <= {"page"} and page.isdigit() and len(page) <= 5
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.user.is_authenticated)


def visitor_cached(view):
    """Serve the view's page to visitors from the cache (see the module docstring)."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        address = hashlib.sha256(
            f"{request.path}?page={int(request.GET.get('page', 1))}".encode()).hexdigest()
        try:
            key = f"visitor-page:{_version()}:{address}"
            cached = cache.get(key)
        except Exception:  # the cache is down: the page is rendered as without it
            logger.warning("visitor page cache unavailable", exc_info=True)
            return view(request, *args, **kwargs)
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies and not response.streaming:
            try:
                cache.set(key, (response.content, response["Content-Type"]),
                          settings.VISITOR_CACHE_SECONDS)
            except Exception:
                logger.warning("visitor page not cached", exc_info=True)
        return response
    return wrapper


def _written(sender, instance=None, update_fields=None, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in IGNORED_APPS or meta.label_lower in _ignored_models:
        return
    # Each login stores the time on the user: no page for visitors shows it.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    visitor_pages_changed()


def _m2m_written(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        _written(sender)


def connect() -> None:
    """Called once from CommonConfig.ready(): every model's writes invalidate."""
    post_save.connect(_written, weak=False, dispatch_uid="visitor-pages-save")
    post_delete.connect(_written, weak=False, dispatch_uid="visitor-pages-delete")
    m2m_changed.connect(_m2m_written, weak=False, dispatch_uid="visitor-pages-m2m")
