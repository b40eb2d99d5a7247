from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        # Connected here, not on first request, so publishing from a management command or a
        # scheduled task invalidates the API cache too.
        from articles.api import tokens
        from articles.cache import connect_signals
        from articles.indexing.search_text import connect_signals as connect_search_text_signals
        from articles.redirects import lookup as redirects

        connect_signals()
        redirects.connect_signals()
        tokens.connect_signals()
        connect_search_text_signals()
        self._record_language_changes_on_publish()
        self._replace_translated_slug_checks()

    @staticmethod
    def _record_language_changes_on_publish() -> None:
        from wagtail.signals import page_published

        from articles.freshness import on_page_published
        from articles.models import ArticlePage

        # Runs for every publish (admin, services, imports, scheduled publishing).
        page_published.connect(
            on_page_published, sender=ArticlePage, dispatch_uid="articles.freshness.published"
        )

    @staticmethod
    def _replace_translated_slug_checks() -> None:
        # wagtail-modeltranslation's ready() wrapped ArticlePage.clean and its admin form with a
        # fallback-based slug check that rejects two articles lacking the same language; ours
        # compares explicit slug_<lang> columns (articles/slugs.py). This app is loaded after the
        # package, so assigning here wins.
        from articles.forms import ArticlePageForm
        from articles.models import ArticlePage

        ArticlePage.clean = ArticlePage.clean_translated_slugs
        ArticlePage.base_form_class = ArticlePageForm
