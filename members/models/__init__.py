"""The tables of members: the directory of administrations (administrations) and the
people with a login (accounts)."""

from .accounts import Invitation, User, UserManager, invitation_token_hash, new_calendar_token
from .administrations import (
    ADMINISTRATION_CORE_FIELDS,
    ADMINISTRATION_EVERYDAY_FIELDS,
    Administration,
    AdministrationQuerySet,
    ContactPerson,
    ProfileAnswer,
    ProfileQuestion,
    PublicFlagQuerySet,
)

__all__ = [
    "ADMINISTRATION_CORE_FIELDS", "ADMINISTRATION_EVERYDAY_FIELDS", "Administration",
    "AdministrationQuerySet", "ContactPerson", "Invitation", "ProfileAnswer", "ProfileQuestion",
    "PublicFlagQuerySet", "User", "UserManager", "invitation_token_hash", "new_calendar_token",
]
