"""People for the browser journeys: users with one role and a known password (signed in by conftest's person_tab)."""

PASSWORD = "a-Long-enough-passphrase"


def make_user(email, role, **scope):
    """A user with PASSWORD and one role grant, e.g. make_user("a@example.org", "cluster_manager", clusters=["x"])."""
    from klusterplattform.accounts.models import User
    from klusterplattform.registry.grants import grant_role

    user = User.objects.create_user(email=email, password=PASSWORD, full_name=email.split("@")[0].title())
    grant_role(user, role, **scope)
    return user
