from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "articles.delivery"
    label = "delivery"
    verbose_name = "Change feed and webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connected at start-up, not on first request: publishing from a management command, a
        # scheduled task or the shell is recorded too.
        from articles.delivery.signals import connect_signals

        connect_signals()
