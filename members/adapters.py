from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts come by invitation only: the open sign-up form is closed."""

    def is_open_for_signup(self, request) -> bool:
        return False
