from django.apps import AppConfig


class SeoConfig(AppConfig):
    name = "seo"
    verbose_name = "SEO"

    def ready(self) -> None:
        from seo.signal_handlers import register_signal_handlers

        register_signal_handlers()
