"""Through ``cms.wsgi.application`` itself, with environs built as gunicorn builds them: what a
client gets over HTTP, cache hits and misses alike (the Django test client bypasses the fast
path in ``articles.api.wsgi``)."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data
from tests.wsgi_client import call, django_app, production_app

pytestmark = pytest.mark.django_db


@shared_data
def unicode_articles(build):
    return build.article(
        content=article_content(slug="über-straße", title="Über die Straße"),
        translations={"en": article_content(slug="中文-street", title="A street in 中文")},
    )


@pytest.mark.parametrize(
    ("slug", "lang", "title"),
    [("über-straße", "de", "Über die Straße"), ("中文-street", "en", "A street in 中文")],
)
def test_non_ascii_slugs_answer_on_a_miss_and_on_a_hit(unicode_articles, slug, lang, title):
    app = production_app()
    target = f"/api/v1/articles/{quote(slug)}/?lang={lang}"
    miss = call(app, target)
    hit = call(app, target)
    for response in (miss, hit):
        assert response.status == 200, response.body[:300]
        assert response.content_type == "application/json"
    assert hit.body == miss.body
    assert '"title":"' + title + '"' in miss.body.decode()


@pytest.mark.parametrize("path", ["/api/v1/articles/%E4%B8%AD/", "/api/v1/articles/%C3%BCber/"])
def test_unknown_non_ascii_slugs_are_json_404s_not_500s(unicode_articles, path):
    for _ in range(2):
        response = call(production_app(), path)
        assert response.status == 404
        assert response.content_type == "application/json"


# Requests whose responses the fast path and Django must answer byte for byte alike.
SAME_BYTES = [
    ("/api/v1/articles/?lang=de", {}),
    ("/api/v1/articles/%C3%BCber-stra%C3%9Fe/?lang=de", {}),
    ("/api/v1/articles/%E4%B8%AD%E6%96%87-street/?lang=en", {}),
    ("/api/v1/articles/%E4%B8%AD%E6%96%87-street/", {"Accept-Language": "en-GB,en;q=0.8"}),
    ("/api/v1/keywords/?page_size=2&lang=en", {}),
    ("/api/v1/languages/", {}),
    ("/api/v1/sitemap/?lang=en", {"Origin": "https://elsewhere.example"}),
    ("/sitemap.xml", {}),
]


@pytest.mark.parametrize(("target", "headers"), SAME_BYTES)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_the_fast_path_answers_exactly_as_django_does(unicode_articles, target, headers, method):
    """The guard of the fast path: whatever it answers, Django alone answers the same bytes
    (status line, headers in order, body), for hits and 304s."""
    plain = django_app()
    assert call(plain, target, method=method, headers=headers).status == 200  # miss: stored
    through_django = call(plain, target, method=method, headers=headers)
    through_fast_path = call(production_app(), target, method=method, headers=headers)
    assert through_fast_path == through_django
    etag = through_django.header("ETag")
    revalidate = {**headers, "If-None-Match": etag}
    not_modified = call(production_app(), target, method=method, headers=revalidate)
    assert not_modified.status == 304
    assert not_modified == call(plain, target, method=method, headers=revalidate)


@pytest.mark.parametrize("policy", ["hide", "fallback"])
def test_incomplete_version_through_the_real_entry_point(make_article, settings, policy):
    settings.CMS_INCOMPLETE_LANGUAGES = policy
    english = article_content(slug="half-done", sections=1)
    make_article(content=article_content(slug="halb", sections=3), translations={"en": english})
    app = production_app()
    responses = [call(app, "/api/v1/articles/half-done/?lang=en") for _ in range(2)]
    import json

    for response in responses:  # a miss, then what the cache (if anything) gives
        assert response.content_type == "application/json"
        body = json.loads(response.body)
        if policy == "hide":
            assert response.status == 404
            assert body["error"]["code"] == "article_incomplete"
        else:
            assert response.status == 200
            assert body["complete"] is False and body["seo"]["robots"] == "noindex, follow"
    listing = json.loads(call(app, "/api/v1/articles/?lang=en").body)
    assert [item["slug"] for item in listing["results"]] == (
        [] if policy == "hide" else ["half-done"]
    )
