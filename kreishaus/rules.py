"""Permissions of the roof's own pages (django-rules; role predicates from members.rules)."""

import rules

from members.rules import is_coordinator

# The health panel on the dashboard (what /healthz reports, in words).
rules.add_perm("kreishaus.view_health", is_coordinator)
# The quick start's mailbox: every mail the portal sent, to anyone.
rules.add_perm("kreishaus.view_sent_mails", is_coordinator)
# The warning that the portal is reached under another address than SITE_URL.
rules.add_perm("kreishaus.view_host_warning", is_coordinator)
