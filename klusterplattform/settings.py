"""Django settings for Klusterplattform: one module, every value from the environment (see core/env.py)."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from klusterplattform.core.env import database_from_url, env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(env_str("KP_BASE_DIR") or PACKAGE_DIR.parent)
VAR_DIR = Path(env_str("KP_VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", False)
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105 - refused below without DEBUG
SECRET_KEY = env_str("SECRET_KEY") or (DEV_SECRET_KEY if DEBUG or env_bool("KP_ALLOW_DEV_SECRET", False) else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (./run sets a development key for you).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Production refuses demo data (see load_demo); ./run marks a development instance.
KP_ALLOW_DEMO = env_bool("KP_ALLOW_DEMO", DEBUG)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "klusterplattform.core",
    "klusterplattform.accounts",
    "klusterplattform.registry",
    "klusterplattform.excellence",
    "klusterplattform.activities",
    "klusterplattform.calls",
    "klusterplattform.funding",
    "klusterplattform.matchmaking",
    "klusterplattform.reporting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "klusterplattform.core.middleware.SecurityHeadersMiddleware",
    "klusterplattform.core.middleware.RejectNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "klusterplattform.accounts.audit.AuditContextMiddleware",
    "klusterplattform.accounts.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "klusterplattform.urls"
WSGI_APPLICATION = "klusterplattform.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

DATABASES = {"default": database_from_url(env_str("DATABASE_URL"), str(VAR_DIR / "klusterplattform.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
# Failed-login throttling (accounts/throttling.py): failures counted in a sliding window.
KP_LOGIN_WINDOW_MINUTES = env_int("KP_LOGIN_WINDOW_MINUTES", 15)
KP_LOGIN_MAX_FAILURES_PER_ACCOUNT = env_int("KP_LOGIN_MAX_FAILURES_PER_ACCOUNT", 5)
KP_LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("KP_LOGIN_MAX_FAILURES_PER_ADDRESS", 20)
# The personal-data controller named on the privacy notice (the agency or body running this instance).
# Two-factor authentication (TOTP): staff (officers, administrators) may enrol; with this on, they must.
KP_REQUIRE_2FA_FOR_STAFF = env_bool("KP_REQUIRE_2FA_FOR_STAFF", False)
# An invitation link stops working after this many days (and after it has been used once).
KP_INVITATION_DAYS = env_int("KP_INVITATION_DAYS", 7)

# Activities (activities/mail.py, run from cron by `send_activity_mail`): links in e-mails start with the public
# address of this instance (a command has no request to take it from); reminders go this many hours before the start.
KP_BASE_URL = env_str("KP_BASE_URL", "http://127.0.0.1:8000")
KP_ACTIVITY_REMINDER_HOURS = env_int("KP_ACTIVITY_REMINDER_HOURS", 48)

KP_CONTROLLER_NAME = env_str("KP_CONTROLLER_NAME", "")
KP_CONTROLLER_EMAIL = env_str("KP_CONTROLLER_EMAIL", "")

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the apps' folders too, so gunicorn with DEBUG off needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = VAR_DIR / "media"
# Uploads (member import) are read from memory up to this size; larger ones are refused with a clear message.
KP_MAX_UPLOAD_BYTES = env_int("KP_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = KP_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = KP_MAX_UPLOAD_BYTES + 1024 * 1024

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@example.org")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind TLS (a proxy that terminates it, or Django redirecting to https), browsers are told to stay on https.
BEHIND_TLS = env_bool("BEHIND_TLS_PROXY", False) or env_bool("SECURE_SSL_REDIRECT", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if BEHIND_TLS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", BEHIND_TLS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
KP_CONTENT_SECURITY_POLICY = env_str(
    "KP_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)

# Page sizes for lists (pages and API); the API caps what a client may ask for.
KP_PAGE_SIZE = 20
KP_MAX_PAGE_SIZE = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
