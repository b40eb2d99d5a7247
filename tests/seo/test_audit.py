"""``seo.audit``: the engine run over the documents registered sources offer."""

from __future__ import annotations

import pytest
from django.test.utils import override_settings

from seo.audit import audit, audit_page, configured_thresholds, count_pages, slug_exists
from seo.engine import CHECK_IDS, Thresholds
from tests.factories import ArticleContentFactory


def findings_by_id(run) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for finding in run.site_findings():
        grouped.setdefault(finding.id, []).append(finding)
    return grouped


class TestAudit:
    def test_one_item_per_article_and_translated_language(self, make_article):
        bilingual = make_article(translations={"en": ArticleContentFactory(lang_tag="en")})
        german = make_article()

        audited = list(audit().articles)

        assert [(a.item.page_id, a.report.lang) for a in audited] == [
            (bilingual.pk, "de"),
            (bilingual.pk, "en"),
            (german.pk, "de"),
        ]
        first = audited[0]
        assert first.item.title == bilingual.title_de
        assert first.item.live is True
        assert first.item.edit_url.endswith(f"/pages/{bilingual.pk}/edit/")
        assert first.report.slug == bilingual.slug_de
        assert [check.id for check in first.report.checks] == list(CHECK_IDS)

    def test_languages_limit_the_items(self, make_article):
        make_article(translations={"en": ArticleContentFactory(lang_tag="en")})

        assert {a.report.lang for a in audit(languages=["en"]).articles} == {"en"}

    def test_nothing_is_read_before_iterating(self, make_article, django_assert_num_queries):
        make_article()

        with django_assert_num_queries(0):
            run = audit(thresholds=Thresholds())

        assert len(list(run.articles)) == 1

    def test_site_findings_name_articles_sharing_a_seo_title(self, make_article):
        first = make_article(seo_title="One title for two articles")
        second = make_article(seo_title="One title for two articles")
        run = audit()
        list(run.articles)

        duplicates = findings_by_id(run)["duplicate_seo_title"]

        assert [(f.status, f.articles) for f in duplicates] == [
            ("problem", tuple(sorted([f"{first.slug_de}@de", f"{second.slug_de}@de"])))
        ]

    def test_site_findings_are_clean_for_distinct_articles(self, make_article):
        make_article()
        make_article()
        run = audit()
        list(run.articles)

        assert [f.status for f in findings_by_id(run)["duplicate_seo_title"]] == ["good"]

    def test_batches_do_not_change_the_result(self, make_article):
        for _ in range(5):
            make_article()

        def scores(batch_size: int) -> list[tuple[str, int]]:
            return [(a.report.slug, a.report.score) for a in audit(batch_size=batch_size).articles]

        assert scores(2) == scores(200)

    def test_slugs_select_articles(self, make_article):
        wanted = make_article()
        make_article()

        audited = list(audit(slugs=[wanted.slug_de]).articles)

        assert [a.item.page_id for a in audited] == [wanted.pk]


class TestThresholds:
    def test_setting_overrides_the_engine_defaults(self, make_article):
        make_article()

        default = next(iter(audit().articles)).report.check("text_length")
        with override_settings(SEO_THRESHOLDS={"text_min_words": 10, "text_problem_words": 5}):
            relaxed = next(iter(audit().articles)).report.check("text_length")

        assert default.status == "problem"
        assert relaxed.status == "good"

    @override_settings(SEO_THRESHOLDS={"text_min_wordz": 10})
    def test_unknown_setting_key_is_named(self):
        with pytest.raises(ValueError, match="text_min_wordz"):
            configured_thresholds()

    @override_settings(SEO_THRESHOLDS={})
    def test_empty_setting_is_the_defaults(self):
        assert configured_thresholds() == Thresholds()


class TestHelpers:
    def test_audit_page_gives_the_audit_report(self, make_article):
        page = make_article(translations={"en": ArticleContentFactory(lang_tag="en")})

        from_audit = {a.report.lang: a.report for a in audit().articles}

        assert audit_page(page, "en") == from_audit["en"]
        assert audit_page(page, "de") == from_audit["de"]

    def test_slug_exists_in_any_language(self, make_article):
        page = make_article(translations={"en": ArticleContentFactory(lang_tag="en")})

        assert slug_exists(page.slug_de)
        assert slug_exists(page.slug_en)
        assert not slug_exists("no-such-article")

    def test_count_pages_follows_drafts_and_slugs(self, make_article):
        live = make_article()
        make_article(publish=False)

        assert count_pages() == 1
        assert count_pages(include_drafts=True) == 2
        assert count_pages(include_drafts=True, slugs=[live.slug_de]) == 1
