"""What the Rundfrage views share: how they find the Rundfrage of the address."""

from common.permissions import URLObject

from ..lists import poll_for_page

# Only Rundfragen the person may see are found at all; the others answer 404 (visitors:
# the login, see common.permissions.login_offered).
VISIBLE_POLL = URLObject(lambda request: poll_for_page(request.user))
NAV = {"nav_section": "polls"}
