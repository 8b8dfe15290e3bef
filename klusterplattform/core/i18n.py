"""Language helpers shared by every app."""

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def request_language(request) -> str:
    """`?lang=` when valid, else the language cookie or Accept-Language, else Swedish.

    LocaleMiddleware cannot do this for /api/: outside i18n_patterns an unprefixed path means the default language.
    """
    language = (request.GET.get("lang") or "")[:2].lower()
    if language in LANGUAGE_CODES:
        return language
    return translation.get_language_from_request(request, check_path=False)
