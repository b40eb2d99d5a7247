"""Site-level findings across articles."""

from __future__ import annotations

import dataclasses
import pickle

from seo.engine import KeywordInput, LinkInput, SiteAuditor, analyse, summarise_for_site

from .builders import article


def link_to(target_id: int) -> LinkInput:
    return LinkInput(f"/a/{target_id}/", "mehr", "intro", "article", "live", target_id)


def audit(*documents):
    auditor = SiteAuditor()
    for document in documents:
        auditor.add(document, analyse(document))
    return {
        finding.id: finding for finding in auditor.finish() if finding.status != "good"
    }, auditor


def test_clean_site_reports_one_good_finding_per_check():
    first = article("de", slug="eins", article_id=1, links=(link_to(2),))
    second = article(
        "de",
        slug="zwei",
        article_id=2,
        title="Ein anderer Titel über Gemüse",
        meta_description="Eine andere Beschreibung.",
        keywords=(KeywordInput("Gemüse", focus=True),),
        links=(link_to(1),),
    )
    auditor = SiteAuditor()
    auditor.add(first)
    auditor.add(second)
    findings = auditor.finish()
    assert [(f.id, str(f.status)) for f in findings] == [
        ("duplicate_seo_title", "good"),
        ("duplicate_meta_description", "good"),
        ("focus_keyword_cannibalisation", "good"),
        ("orphan_article", "good"),
        ("translation_coverage", "good"),
    ]


def test_translation_coverage_is_one_site_finding_per_language():
    languages = {"de": (), "en": ()}
    german_only = [
        article(
            "de",
            slug=f"nur-deutsch-{n}",
            article_id=n,
            title=f"Titel {n}",
            translations=languages,
            available_languages=("de",),
        )
        for n in range(1, 4)
    ]
    both = article(
        "de",
        slug="beide",
        article_id=9,
        title="Titel beide",
        translations=languages,
        available_languages=("de", "en"),
    )
    english = dataclasses.replace(
        both, lang="en", slug="both", missing_texts=("sections[0].heading",)
    )
    auditor = SiteAuditor()
    for document in [*german_only, both, english]:
        auditor.add(document)
    coverage = [f for f in auditor.finish() if f.id == "translation_coverage"]
    assert [(f.lang, str(f.status), f.message) for f in coverage] == [
        ("en", "problem", "1 of 4 articles has an incomplete version in en."),
        ("en", "ok", "3 of 4 articles have no version in en."),
    ]
    assert coverage[0].articles == ("both@en",)
    assert coverage[1].articles == ("nur-deutsch-1@de", "nur-deutsch-2@de", "nur-deutsch-3@de")


def test_duplicate_titles_and_descriptions_are_reported_per_language():
    problems, _ = audit(
        article("de", slug="eins", article_id=1, links=(link_to(2),)),
        article("de", slug="zwei", article_id=2, links=(link_to(1),)),
        article("en", slug="one", article_id=1, links=(link_to(2),)),
    )
    assert problems["duplicate_seo_title"].articles == ("eins@de", "zwei@de")
    assert problems["duplicate_seo_title"].lang == "de"
    assert problems["duplicate_meta_description"].articles == ("eins@de", "zwei@de")


def test_same_focus_keyword_in_another_inflection_is_cannibalisation():
    problems, _ = audit(
        article("de", slug="eins", article_id=1, links=(link_to(2),)),
        article(
            "de",
            slug="zwei",
            article_id=2,
            title="Anders",
            meta_description="Anders.",
            keywords=(KeywordInput("Gesunder Ernährung", focus=True),),
            links=(link_to(1),),
        ),
    )
    finding = problems["focus_keyword_cannibalisation"]
    assert finding.articles == ("eins@de", "zwei@de")
    assert "Gesunder Ernährung" in finding.message  # the term of the article that repeats it


def test_article_nobody_links_to_is_an_orphan():
    problems, _ = audit(
        article("de", slug="eins", article_id=1, links=(link_to(2),)),
        article("de", slug="zwei", article_id=2, title="B", meta_description="B.", links=()),
        article(
            "de",
            slug="drei",
            article_id=3,
            title="C",
            meta_description="C.",
            keywords=(KeywordInput("Gemüse", focus=True),),
            links=(link_to(3),),  # a link to itself does not count
        ),
    )
    assert problems["orphan_article"].articles == ("drei@de", "eins@de")


def test_summaries_are_small_and_picklable_for_worker_processes():
    summary = summarise_for_site(article("de"))
    assert pickle.loads(pickle.dumps(summary)) == summary
    assert len(pickle.dumps(summary)) < 1000


def test_finding_dict_shape():
    problems, _ = audit(
        article("de", slug="eins", article_id=1), article("de", slug="zwei", article_id=2)
    )
    assert list(problems["duplicate_seo_title"].to_dict()) == [
        "id",
        "status",
        "message",
        "articles",
        "lang",
        "messages",
    ]
