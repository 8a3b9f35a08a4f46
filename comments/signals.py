"""Signals other apps listen to (notifications tells the mentioned administrations' editors).

Comments cannot import the apps that react to them, so they announce what happened:

* `comment_posted(sender=Comment, comment=…, mentioned_administrations=[…])`: a comment was
  written; `mentioned_administrations` are the current members it mentions ("@MYK"), in
  the order of their first mention (may be empty).
* `comment_edited(sender=Comment, comment=…, mentioned_administrations=[…])`: its author
  corrected it within the editing time; only the administrations mentioned now that were
  not mentioned before (so nobody is told twice about the same comment).

Both are sent once per action, inside the transaction that writes the comment: a receiver's
writes (notification rows, outbox mails) commit or roll back with it. Receivers must not
send mails directly; the outbox sends them after the commit.
"""

from django.dispatch import Signal

comment_posted = Signal()
comment_edited = Signal()
