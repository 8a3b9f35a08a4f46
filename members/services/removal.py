"""Removing people (DSGVO Art. 17): accounts on request, contact persons by their editors.

A person asks for the removal of their account; the coordination office carries it out,
or the beat task `members.tasks.account_removals_dispatch` does once the request is
ACCOUNT_REMOVAL_AFTER_DAYS old. Removal erases what every app registered in
common.personal_data: the account is deactivated and renamed to its pseudonym
("ehemalige Person (MYK)"), its addresses, phone, sessions, second factor and calendar
link are gone, and content the network relies on (minutes, decisions, status history,
articles, documents) stays and names the pseudonym. Each step runs under a lock on the
person's row, so a request, a confirmation and the automatic run never act twice.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.mail import render_subject
from common.outbox import mail_queue
from common.permissions import permission_check
from common.personal_data import personal_data_erase

from ..models import Administration, ContactPerson, User


def removal_pseudonym(administration: Administration | None) -> str:
    """What content shows instead of a removed person's name."""
    with translation.override("de"):
        if administration is None:
            return _("ehemalige Person")
        return _("ehemalige Person (%(administration)s)") % {
            "administration": administration.short_name or administration.name}


def removal_due_on(requested_at: datetime) -> datetime:
    """When a request is carried out automatically at the latest."""
    return requested_at + timedelta(days=settings.ACCOUNT_REMOVAL_AFTER_DAYS)


def _mail(*, to: str, template: str, context: dict, erase_after_send: bool = False) -> None:
    context = {**context, "site_url": settings.SITE_URL,
               "days": settings.ACCOUNT_REMOVAL_AFTER_DAYS}
    with translation.override("de"):
        subject = render_subject(f"members/email/{template}_subject.txt", context)
        text = render_to_string(f"members/email/{template}_body.txt", context)
    mail_queue(to=to, subject=subject, text=text, erase_after_send=erase_after_send)


def _locked(person: User) -> User:
    return (User.objects.select_for_update(of=("self",)).select_related("administration")
            .get(pk=person.pk))


def account_removal_request(*, user: User) -> User:
    """Ask for the removal of one's own account; a mail confirms the request."""
    with transaction.atomic():
        person = _locked(user)
        if person.removal_requested_at is not None:
            return person  # asked already (a second tab, the back button)
        permission_check(person, "members.request_removal")
        if person.removed_at is None:
            person.removal_requested_at = timezone.now()
            person.save(update_fields=["removal_requested_at"])
            _mail(to=person.email, template="removal_requested",
                  context={"person": person, "due": removal_due_on(person.removal_requested_at)})
    return person


def account_removal_cancel(*, user: User) -> User:
    """Withdraw one's request while it is not yet carried out."""
    with transaction.atomic():
        person = _locked(user)
        if person.removed_at is None and person.removal_requested_at is not None:
            permission_check(person, "members.cancel_removal")
            person.removal_requested_at = None
            person.save(update_fields=["removal_requested_at"])
    return person


def account_remove(*, person: User, by: User | None, now: datetime | None = None) -> bool:
    """Remove an account: by the coordination office (`by`), or with `by=None` the automatic
    removal of a request older than ACCOUNT_REMOVAL_AFTER_DAYS. False if there was nothing
    (left) to do: removed already, or the request was withdrawn or is not due."""
    now = now or timezone.now()
    with transaction.atomic():
        # Checked on the locked row: a request withdrawn a moment ago is no request.
        person = _locked(person)
        if person.removed_at is not None:
            return False
        if by is not None:
            permission_check(by, "members.remove_account", person)
        if by is None and (person.removal_requested_at is None
                           or removal_due_on(person.removal_requested_at) > now):
            return False
        address, requested = person.email, person.removal_requested_at is not None
        personal_data_erase(person)
        # To the address the person had (the account no longer has one); the outbox
        # forgets the text once it is sent.
        _mail(to=address, template="account_removed",
              context={"requested": requested, "pseudonym": person.get_full_name()},
              erase_after_send=True)
    return True


def account_removals_dispatch(*, now: datetime | None = None) -> int:
    """Carry out every request older than ACCOUNT_REMOVAL_AFTER_DAYS; how many were."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ACCOUNT_REMOVAL_AFTER_DAYS)
    due = User.objects.filter(removal_requested_at__lte=cutoff, removed_at__isnull=True)
    return sum(account_remove(person=person, by=None, now=now)
               for person in due.only("pk").order_by("pk"))


def contact_erase(contact: ContactPerson) -> None:
    """Pseudonymise a contact person: statuses and their history that name the contact
    name the pseudonym; the contact is listed nowhere any more."""
    if contact.removed_at is not None:
        return
    contact.name = removal_pseudonym(contact.administration)
    contact.email = contact.phone = contact.department = contact.expertise = ""
    contact.is_public = False
    contact.removed_at = timezone.now()
    contact.save()  # through the ORM: the member's search entry drops the name


def contact_remove(*, contact: ContactPerson, by: User) -> None:
    """Remove a contact person (editors of its administration, the coordination office)."""
    permission_check(by, "members.remove_contact", contact.administration)
    with transaction.atomic():
        contact_erase(ContactPerson.objects.select_for_update(of=("self",)).select_related(
            "administration").get(pk=contact.pk))
