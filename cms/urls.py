"""URL map. Admin and API live outside i18n_patterns: the language of an API response is chosen by
``?lang=`` / Accept-Language, never by a URL prefix (see docs/architecture.md)."""

from django.conf import settings
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from articles.api.schema import SwaggerDocsView
from articles.api.views import endpoint_not_found, sitemap_file, sitemap_xml

# JSON errors for /api/ URLs that match no view; HTML pages everywhere else. Wagtail's API v2
# is not mounted (docs/api.md says why); /api/v2/... is a JSON 404 like any unknown API URL.
handler404 = "articles.api.errors.api_page_not_found"
handler500 = "articles.api.errors.api_server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("articles.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SwaggerDocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("sitemap.xml", sitemap_xml, name="sitemap-xml"),
    path("sitemap-<int:number>.xml", sitemap_file, name="sitemap-file"),
    # Anything else under /api/ is a JSON 404 for every method, never a page of the site.
    re_path(r"^api/", endpoint_not_found),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
