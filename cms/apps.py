from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package as an app: it owns project-wide management commands (``migrate``)."""

    name = "cms"
    verbose_name = "CMS project"
