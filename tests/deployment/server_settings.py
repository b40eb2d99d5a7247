"""Production settings for the topology test's app servers, with two differences: static files
are served by name, since the test does not run ``collectstatic`` (a deployment does, and its
manifest storage would otherwise refuse to render the admin), and passwords use the test
settings' hasher."""

from cms.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The test process stores the editor's password with the test settings' fast hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
