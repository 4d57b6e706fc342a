"""Configuration classes, read from the environment.

``TRACKER_CONFIG`` picks the class (development, testing, production); ``DATABASE_URL``
switches the database (SQLite under ``instance/`` by default).
"""

import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("TRACKER_INSTANCE_DIR", BASE_DIR / "instance"))


def _database_url(default: str) -> str:
    url = os.environ.get("DATABASE_URL", default)
    # psycopg 3 is the driver; plain postgres:// URLs (as many hosts give them) get it too.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SQLALCHEMY_DATABASE_URI = _database_url(f"sqlite:///{INSTANCE_DIR / 'tracker.db'}")
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    #: A pooled connection unused for this long is pinged before use (tracker.pool).
    DB_PING_IDLE_SECONDS = float(os.environ.get("DB_PING_IDLE_SECONDS", "10"))
    #: How long a SQLite writer waits for another one before giving up (tracker.sqlite).
    SQLITE_BUSY_TIMEOUT_MS = int(os.environ.get("SQLITE_BUSY_TIMEOUT_MS", "30000"))
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", str(INSTANCE_DIR / "uploads"))
    MAX_CONTENT_LENGTH = 20 * 1024 * 1024
    #: A folder holding DejaVuSerif*.ttf when the system has no DejaVu fonts (PDFs need them).
    PDF_FONT_DIR = os.environ.get("PDF_FONT_DIR", "")

    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    #: The interface languages, the default first, each named in its own language.
    LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

    BOOTSTRAP_SERVE_LOCAL = True
    BOOTSTRAP_BOOTSWATCH_THEME = None

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # Idle and absolute session lifetimes (SECURITY.md): both are settings.
    SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
    SESSION_ABSOLUTE_HOURS = int(os.environ.get("SESSION_ABSOLUTE_HOURS", "12"))
    PERMANENT_SESSION_LIFETIME = timedelta(hours=SESSION_ABSOLUTE_HOURS)

    #: Shared state between workers and instances (the login throttle's counters).
    REDIS_URL = os.environ.get("REDIS_URL", "")
    # Failed logins (tracker.throttle): Redis when REDIS_URL is set, so that every gunicorn
    # worker and every instance counts together; memory (one process) otherwise.
    RATELIMIT_STORAGE_URI = REDIS_URL or "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    # A Redis outage falls back to per-process counters rather than refusing every login.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    #: How many reverse proxies (each adding X-Forwarded-For) stand in front of the app. The
    #: client's address (the per-address login limit, the audit trail) is read through them;
    #: 0 trusts no such header.
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
    LOGIN_LIMIT_PER_ACCOUNT = os.environ.get("LOGIN_LIMIT_PER_ACCOUNT", "5 per 15 minutes")
    LOGIN_LIMIT_PER_ADDRESS = os.environ.get("LOGIN_LIMIT_PER_ADDRESS", "20 per 15 minutes")

    #: Pages each process keeps until anything changes (tracker.web.page_cache), in MB; 0
    #: keeps none.
    PAGE_CACHE_MB = int(os.environ.get("PAGE_CACHE_MB", "64"))

    WTF_CSRF_ENABLED = True
    WTF_CSRF_TIME_LIMIT = 3600 * 8

    # argon2id parameters (OWASP: m >= 19 MiB, t >= 2).
    ARGON2_TIME_COST = 3
    ARGON2_MEMORY_COST = 64 * 1024
    ARGON2_PARALLELISM = 2

    PRODUCTION = False
    DEMO_ALLOWED = True


class DevelopmentConfig(Config):
    DEBUG = False


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing-secret"
    SQLALCHEMY_DATABASE_URI = _database_url(
        os.environ.get("TEST_DATABASE_URL", "sqlite:///:memory:")
    )
    WTF_CSRF_ENABLED = False
    # The suite logs in thousands of times from one address; tests/test_throttle.py sets the
    # production limits on its own.
    RATELIMIT_STORAGE_URI = "memory://"
    LOGIN_LIMIT_PER_ACCOUNT = "100000 per minute"
    LOGIN_LIMIT_PER_ADDRESS = "100000 per minute"
    # Tests hash many passwords; production parameters are asserted separately.
    ARGON2_TIME_COST = 2
    ARGON2_MEMORY_COST = 19 * 1024
    ARGON2_PARALLELISM = 1


class ProductionConfig(Config):
    PRODUCTION = True
    DEMO_ALLOWED = False
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
