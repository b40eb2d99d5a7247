"""``GET /api/v1/preview/?token=``: a draft revision in the detail shape, for its token only."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import override_settings

from articles.api import serializers
from articles.preview.tokens import SALT, preview_token
from articles.selectors import article_detail
from articles.services import article_update_language
from tests.factories import ArticleContentFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/preview/"


@pytest.fixture
def article(make_article):
    return make_article("de", section_count=2, faq_count=1, keyword_count=2)


def token_for(page, lang: str = "de", revision=None) -> str:
    revision = revision or page.get_latest_revision()
    return preview_token(page_id=page.pk, revision_id=revision.pk, lang=lang)


def error_code(response) -> str:
    return response.json()["error"]["code"]


def test_preview_returns_the_draft_revision_in_the_detail_shape(
    client, article, django_assert_max_num_queries
):
    draft = article_update_language(
        page=article, lang="en", content=ArticleContentFactory(lang_tag="en"), publish=False
    )

    with django_assert_max_num_queries(8):
        response = client.get(URL, {"token": token_for(draft, "en")})

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    data = response.json()
    assert data["title"] == draft.get_latest_revision_as_object().title_en
    assert serializers.ArticleDetailSerializer(data).data == data
    # The live article has no English version yet: only the draft does.
    assert (
        article_detail(
            draft.get_latest_revision_as_object().slug_en, lang="en", hero_filter_spec="original"
        )
        is None
    )


def test_preview_of_the_published_revision_equals_the_public_detail(client, article):
    response = client.get(URL, {"token": token_for(article)})

    public = client.get(f"/api/v1/articles/{article.slug_de}/", {"lang": "de"}).json()
    assert response.json() == public


def test_preview_answers_stay_out_of_the_shared_cache(client, article):
    token = token_for(article)
    first = client.get(URL, {"token": token})
    article_update_language(
        page=article,
        lang="de",
        content=ArticleContentFactory(lang_tag="de", title="Neu und anders"),
        publish=False,
    )
    newer = client.get(URL, {"token": token_for(article)})

    assert first.json()["title"] != newer.json()["title"] == "Neu und anders"
    assert "ETag" not in newer


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({}, 400, "token_missing"),
        ({"token": "nonsense"}, 403, "token_invalid"),
        ({"token": signing.dumps({"p": 1, "r": 1, "l": "de"}, salt="other")}, 403, "token_invalid"),
    ],
)
def test_bad_tokens_are_json_errors(client, article, params, status, code):
    response = client.get(URL, params)

    assert response.status_code == status
    assert error_code(response) == code
    assert response["Cache-Control"] == "private, no-store"


def test_an_expired_token_is_refused(client, article):
    token = token_for(article)
    with override_settings(PREVIEW_TOKEN_MAX_AGE=1):
        import time

        time.sleep(2.1)
        response = client.get(URL, {"token": token})

    assert response.status_code == 403
    assert error_code(response) == "token_expired"


def test_a_token_reads_only_its_own_page_revision_and_language(client, article, make_article):
    other = make_article("de")
    mixed = preview_token(page_id=article.pk, revision_id=other.get_latest_revision().pk, lang="de")

    assert client.get(URL, {"token": mixed}).status_code == 404
    wrong_lang = client.get(URL, {"token": token_for(article, "de"), "lang": "en"})
    assert wrong_lang.status_code == 403
    assert error_code(wrong_lang) == "token_scope"
    missing_lang = client.get(URL, {"token": token_for(article, "fr")})
    assert missing_lang.status_code == 404
    assert error_code(missing_lang) == "article_not_found"
    assert signing.loads(token_for(article), salt=SALT)["p"] == article.pk


def test_the_wsgi_fast_path_never_answers_a_preview_from_the_cache(client, article):
    from articles.api.wsgi import CachedApiResponses
    from tests.articles.api.test_wsgi_fast_path import Django, call

    url = f"{URL}?token={token_for(article)}"
    assert client.get(url).status_code == 200  # through Django: nothing may be stored
    django = Django()
    application = CachedApiResponses(django)
    call(application, url)
    call(application, url, HTTP_IF_NONE_MATCH="*")

    assert django.calls == 2
