"""``GET /api/v1/articles/{slug}/seo-report/``: the SEO report for editors."""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token
from wagtail.models import GroupPagePermission

from articles.services import article_index_get_or_create, article_update_language
from seo.engine import CHECK_IDS
from tests.factories import ArticleContentFactory, UserFactory
from tests.shared_data import shared_data

# Session, user, page permissions, the article, its sections, FAQs and keyword links, the
# keywords, the link targets (their status for the link checks, and, since the report judges the
# served document, the public link targets the API renders them with): the budget does not
# depend on the article's size.
QUERY_BUDGET = 11


def report_url(slug: str, **params: str) -> str:
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return f"/api/v1/articles/{slug}/seo-report/" + (f"?{query}" if query else "")


@shared_data
def article(build):
    link = f'<a linktype="page" id="{build.index.pk}">the guide</a>'
    content = ArticleContentFactory(
        lang_tag="de", section_count=4, faq_count=3, intro_html=f"<p>See {link}.</p>"
    )
    return build.article(content=content, translations={"en": ArticleContentFactory(lang_tag="en")})


@pytest.fixture
def token_client(editor):
    token = Token.objects.create(user=editor)
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


def error_code(response) -> str:
    return response.json()["error"]["code"]


class TestAuthentication:
    def test_anonymous_gets_401_with_a_token_challenge(self, client, article):
        response = client.get(report_url(article.slug_de, lang="de"))

        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
        assert set(response.json()["error"]) == {"code", "message", "details"}

    def test_bad_token_gets_401(self, article):
        client = Client(HTTP_AUTHORIZATION="Token not-a-real-token")

        response = client.get(report_url(article.slug_de, lang="de"))

        assert response.status_code == 401

    def test_editor_with_a_session_gets_the_report(self, editor_client, article):
        response = editor_client.get(report_url(article.slug_de, lang="de"))

        assert response.status_code == 200
        assert response.json()["slug"] == article.slug_de

    def test_editor_with_a_token_gets_the_report(self, token_client, article):
        response = token_client.get(report_url(article.slug_en, lang="en"))

        assert response.status_code == 200
        assert response.json()["lang"] == "en"

    @pytest.mark.parametrize("slug_known", [True, False])
    def test_user_who_edits_no_page_gets_403_whether_or_not_the_slug_exists(
        self, client, article, slug_known
    ):
        client.force_login(UserFactory(username="reader"))
        slug = article.slug_de if slug_known else "no-such-article"

        response = client.get(report_url(slug, lang="de"))

        assert response.status_code == 403
        assert error_code(response) == "permission_denied"

    def test_editor_of_another_section_gets_403(self, client, article):
        other_index, _ = article_index_get_or_create(slug="other", titles={"de": "Anderes"})
        group = Group.objects.create(name="Other section editors")
        GroupPagePermission.objects.create(
            group=group,
            page=other_index,
            permission=Permission.objects.get(codename="change_page"),
        )
        user = UserFactory(username="other-editor")
        user.groups.add(group)
        client.force_login(user)

        response = client.get(report_url(article.slug_de, lang="de"))

        assert response.status_code == 403
        assert error_code(response) == "permission_denied"

    def test_report_is_never_served_from_the_api_response_cache(self, editor_client, article):
        article_update_language(
            page=article, lang="de", content=ArticleContentFactory(lang_tag="de"), publish=False
        )
        url = report_url(article.slug_de, lang="de")

        draft = editor_client.get(url + "&draft=1")
        anonymous = Client().get(url)
        live = editor_client.get(url)

        assert draft.status_code == 200
        assert anonymous.status_code == 401, "an editor's draft report must not reach anyone"
        assert live.json()["version"] == "live"
        assert "no-store" in draft["Cache-Control"] and "private" in draft["Cache-Control"]


class TestReport:
    def test_has_the_shape_of_an_audit_entry(self, editor_client, article):
        body = editor_client.get(report_url(article.slug_de, lang="de")).json()
        out = io.StringIO()
        call_command(
            "seo_audit", "--format", "json", "--lang", "de", stdout=out, stderr=io.StringIO()
        )
        audited = json.loads(out.getvalue())["articles"][0]

        assert [c["id"] for c in body["checks"]] == list(CHECK_IDS)
        assert {k: v for k, v in body.items() if k != "version"} == audited
        assert body["version"] == "live"
        assert body["edit_url"].endswith(f"/pages/{article.pk}/edit/")

    def test_language_comes_from_accept_language_without_lang(self, editor_client, article):
        response = editor_client.get(report_url(article.slug_en), HTTP_ACCEPT_LANGUAGE="en")

        assert response.status_code == 200
        assert response.json()["lang"] == "en"
        assert response["Content-Language"] == "en"

    def test_live_version_by_default_latest_revision_with_draft(self, editor_client, article):
        draft = ArticleContentFactory(
            lang_tag="de", slug=article.slug_de, title="Ein neuer Titel, noch nicht live"
        )
        article_update_language(page=article, lang="de", content=draft, publish=False)

        live = editor_client.get(report_url(article.slug_de, lang="de")).json()
        # Caching is test_report_is_never_served_from_the_api_response_cache's subject.
        cache.clear()
        latest = editor_client.get(report_url(article.slug_de, lang="de", draft="1")).json()

        assert (live["title"], live["version"]) == (article.title_de, "live")
        assert (latest["title"], latest["version"]) == ("Ein neuer Titel, noch nicht live", "draft")

    def test_unpublished_article_only_with_draft(self, editor_client, make_article):
        page = make_article(publish=False)

        without = editor_client.get(report_url(page.slug_de, lang="de"))
        with_draft = editor_client.get(report_url(page.slug_de, lang="de", draft="true"))

        assert without.status_code == 404
        assert with_draft.status_code == 200
        assert with_draft.json()["live"] is False

    @pytest.mark.parametrize("draft", ["0", "1"])
    def test_query_budget(self, editor_client, article, django_assert_max_num_queries, draft):
        article_update_language(
            page=article, lang="de", content=ArticleContentFactory(lang_tag="de"), publish=False
        )
        article.refresh_from_db()
        with django_assert_max_num_queries(QUERY_BUDGET):
            response = editor_client.get(report_url(article.slug_de, lang="de", draft=draft))

        assert response.status_code == 200


class TestErrors:
    def test_unknown_slug_is_404_in_the_api_error_shape(self, editor_client, article):
        response = editor_client.get(report_url("no-such-article", lang="de"))

        assert response.status_code == 404
        assert error_code(response) == "article_not_found"
        assert response.json()["error"]["details"]["slug"] == "no-such-article"

    def test_slug_of_another_language_is_404(self, editor_client, article):
        response = editor_client.get(report_url(article.slug_de, lang="en"))

        assert response.status_code == 404
        assert error_code(response) == "article_not_found"

    def test_language_the_article_lacks_is_404(self, editor_client, article):
        response = editor_client.get(report_url(article.slug_de, lang="nl"))

        assert response.status_code == 404

    def test_unknown_language_is_400(self, editor_client, article):
        response = editor_client.get(report_url(article.slug_de, lang="xx"))

        assert response.status_code == 400
        assert error_code(response) == "unsupported_language"

    def test_bad_draft_flag_is_400(self, editor_client, article):
        response = editor_client.get(report_url(article.slug_de, lang="de", draft="maybe"))

        assert response.status_code == 400
        assert error_code(response) == "invalid_parameter"
        assert "draft" in response.json()["error"]["details"]

    def test_messages_stay_english_whatever_the_language(self, client, article):
        response = client.get(report_url(article.slug_de, lang="de"), HTTP_ACCEPT_LANGUAGE="de")

        assert response.status_code == 401
        assert (
            response.json()["error"]["message"] == "Authentication credentials were not provided."
        )
