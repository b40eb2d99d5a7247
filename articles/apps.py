from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        # Connected here, not on first request, so publishing from a management command or a
        # scheduled task invalidates the API cache too.
        from articles.cache import connect_signals

        connect_signals()
