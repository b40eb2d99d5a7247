"""Reading one language of an article back into ``ArticleContent``.

Works on any ``ArticlePage`` object: the live row, or a revision's object
(``page.get_latest_revision_as_object()``), whose children live in memory. Children without text
in the language (a translation with fewer sections than the original) are left out, so the result
is what a reader of that language sees.
"""

from __future__ import annotations

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Revision

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent
from articles.models import ArticlePage
from seo.models import Keyword


def latest_version(page: ArticlePage) -> ArticlePage:
    """The article's latest version, to read its texts from (not to save it): the page row when
    nothing is unpublished, else the latest revision's content. Unlike
    ``get_latest_revision_as_object`` it skips Wagtail's existence check of every foreign key
    (a query per section, FAQ and keyword), which an import of unchanged files would pay for
    every file."""
    if not page.has_unpublished_changes or page.latest_revision_id is None:
        return page
    content = Revision.objects.values_list("content", flat=True).get(pk=page.latest_revision_id)
    return type(page).from_serializable_data(content, check_fks=False)


def _text(obj: object, field_name: str, lang: str) -> str:
    return getattr(obj, build_localized_fieldname(field_name, lang), None) or ""


def page_content(page: ArticlePage, lang: str) -> ArticleContent:
    """The ``lang`` texts of ``page``. One query for the keywords' terms, plus the children's
    queries when ``page`` is a database row rather than a revision object."""
    sections = tuple(
        SectionContent(
            heading=_text(section, "heading", lang), body_html=_text(section, "body", lang)
        )
        for section in page.sections.all()
    )
    faqs = tuple(
        FAQContent(question=_text(faq, "question", lang), answer_html=_text(faq, "answer", lang))
        for faq in page.faqs.all()
    )
    return ArticleContent(
        title=_text(page, "title", lang),
        slug=_text(page, "slug", lang),
        intro_html=_text(page, "intro", lang),
        sections=tuple(section for section in sections if section.heading or section.body_html),
        conclusion_html=_text(page, "conclusion", lang),
        faqs=tuple(faq for faq in faqs if faq.question or faq.answer_html),
        keywords=_keywords(page, lang),
        seo_title=_text(page, "seo_title", lang),
        search_description=_text(page, "search_description", lang),
        author_name=page.author_name or "",
        hero_image_alt=_text(page, "hero_image_alt", lang),
    )


def _keywords(page: ArticlePage, lang: str) -> tuple[KeywordContent, ...]:
    links = list(page.keywords.all())
    if not links:
        return ()
    column = build_localized_fieldname("term", lang)
    terms = dict(
        Keyword.objects.filter(pk__in={link.keyword_id for link in links}).values_list("pk", column)
    )
    return tuple(
        KeywordContent(term=terms[link.keyword_id], focus=link.focus)
        for link in links
        if terms.get(link.keyword_id)
    )
