"""Benchmark-only URLconf: the project's URLs with Wagtail's API v2 pages endpoint in front."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as project_urlpatterns

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/v2/", api_router.urls), *project_urlpatterns]

handler404 = "articles.api.errors.api_page_not_found"
handler500 = "articles.api.errors.api_server_error"
