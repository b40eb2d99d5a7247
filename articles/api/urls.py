"""``/api/v1/`` routes (included from ``cms/urls.py``, outside ``i18n_patterns``)."""

from django.urls import path, re_path

from articles.api import views
from articles.api.preview import PreviewView
from articles.api.seo_report import ArticleSEOReportView
from articles.delivery.api import ChangeFeedView

app_name = "api_v1"

urlpatterns = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<str:slug>/seo-report/", ArticleSEOReportView.as_view(), name="seo-report"),
    path("articles/<str:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("keywords/", views.KeywordListView.as_view(), name="keyword-list"),
    path("preview/", PreviewView.as_view(), name="preview"),
    path("languages/", views.LanguageListView.as_view(), name="language-list"),
    path("sitemap/", views.SitemapView.as_view(), name="sitemap"),
    path("changes/", ChangeFeedView.as_view(), name="change-feed"),
    # Anything else under /api/v1/ is a JSON 404, also with DEBUG on.
    re_path(r"", views.endpoint_not_found),
]
