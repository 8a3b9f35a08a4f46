"""The login (django-allauth) as the portal runs it: accounts by invitation only, allauth's
mails through the outbox (adapters), one login path with its second factor
(second_factor), and rate limits that count the client behind the reverse proxy and tell
a blocked user how long to wait (ratelimits)."""
