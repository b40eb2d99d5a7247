"""Articles described to the SEO engine: ``ArticlePage`` → ``seo.engine.SEODocument``.

Every language is read from its own ``<field>_<lang>`` columns, never through fallback: the SEO
report for Dutch must judge the Dutch text, and say what is missing, not the German one behind it.
Pages are read in batches with a fixed number of queries per batch (children, keywords, link
targets), so auditing 100,000 articles costs the same per batch as auditing 100.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from html.parser import HTMLParser

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Revision

from articles.frontend import frontend_url
from articles.models import ArticlePage
from seo.engine.model import (
    FAQInput,
    ImageInput,
    KeywordInput,
    LinkInput,
    SectionInput,
    SEODocument,
)
from seo.models import Keyword
from seo.protocol import SEOItem

PAGE_TEXT_FIELDS = ("title", "slug", "seo_title", "search_description", "intro", "conclusion")


def _value(obj: object, field_name: str, lang: str) -> str:
    return getattr(obj, build_localized_fieldname(field_name, lang), None) or ""


class _RichTextReferences(HTMLParser):
    """Links and images in Wagtail's stored rich text (``linktype``/``embedtype`` markup)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[dict[str, str], list[str]]] = []
        self.images: list[dict[str, str]] = []
        self._open_link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag == "a":
            self._open_link = []
            self.links.append((attributes, self._open_link))
        elif tag == "embed" and attributes.get("embedtype") == "image":
            self.images.append(attributes)

    def handle_data(self, data: str) -> None:
        if self._open_link is not None:
            self._open_link.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._open_link = None


def _references(html: str) -> _RichTextReferences:
    parser = _RichTextReferences()
    if "<a" in html or "<embed" in html:
        parser.feed(html)
        parser.close()
    return parser


class ArticleDocumentBuilder:
    """Builds documents for a batch of article objects (live pages or revision objects)."""

    def __init__(self, pages: Sequence[ArticlePage]) -> None:
        self.pages = pages
        keyword_ids = {link.keyword_id for page in pages for link in page.keywords.all()}
        self.keywords = Keyword.objects.in_bulk(keyword_ids)
        self.link_targets = self._load_link_targets(pages)

    @staticmethod
    def _rich_fields(page: ArticlePage, lang: str) -> Iterator[tuple[str, str]]:
        yield "intro", _value(page, "intro", lang)
        for index, section in enumerate(page.sections.all()):
            yield f"sections[{index}].body", _value(section, "body", lang)
        yield "conclusion", _value(page, "conclusion", lang)
        for index, faq in enumerate(page.faqs.all()):
            yield f"faqs[{index}].answer", _value(faq, "answer", lang)

    def _load_link_targets(self, pages: Sequence[ArticlePage]) -> dict[int, tuple[str, str]]:
        page_ids: set[int] = set()
        for page in pages:
            for lang in settings.MODELTRANSLATION_LANGUAGES:
                for _path, html in self._rich_fields(page, lang):
                    for attributes, _text in _references(html).links:
                        if (
                            attributes.get("linktype") == "page"
                            and attributes.get("id", "").isdigit()
                        ):
                            page_ids.add(int(attributes["id"]))
        if not page_ids:
            return {}
        article_type = ContentType.objects.get_for_model(ArticlePage)
        return {
            row["pk"]: (
                "article" if row["content_type_id"] == article_type.pk else "page",
                "live" if row["live"] else "draft",
            )
            for row in Page.objects.filter(pk__in=page_ids).values("pk", "live", "content_type_id")
        }

    def missing_fields(self, page: ArticlePage) -> dict[str, tuple[str, ...]]:
        """Per configured language, the fields the article's primary language has and it lacks."""
        reference = page.primary_language()
        children = {
            "sections": (list(page.sections.all()), ("heading", "body")),
            "faqs": (list(page.faqs.all()), ("question", "answer")),
        }
        result: dict[str, tuple[str, ...]] = {}
        for lang in settings.MODELTRANSLATION_LANGUAGES:
            missing = [
                name
                for name in PAGE_TEXT_FIELDS
                if _value(page, name, reference) and not _value(page, name, lang)
            ]
            for relation, (rows, names) in children.items():
                for index, row in enumerate(rows):
                    missing += [
                        f"{relation}[{index}].{name}"
                        for name in names
                        if _value(row, name, reference) and not _value(row, name, lang)
                    ]
            for index, link in enumerate(page.keywords.all()):
                keyword = self.keywords.get(link.keyword_id)
                if (
                    keyword
                    and _value(keyword, "term", reference)
                    and not _value(keyword, "term", lang)
                ):
                    missing.append(f"keywords[{index}].term")
            result[lang] = tuple(missing)
        return result

    def document(self, page: ArticlePage, lang: str) -> SEODocument:
        links: list[LinkInput] = []
        images: list[ImageInput] = []
        for path, html in self._rich_fields(page, lang):
            references = _references(html)
            for attributes, text in references.links:
                links.append(self._link(attributes, "".join(text), path, page.pk))
            for attributes in references.images:
                images.append(
                    ImageInput(
                        src=f"image:{attributes.get('id', '')}",
                        alt=attributes.get("alt", ""),
                        location=path,
                    )
                )
        if page.hero_image_id:
            images.append(
                ImageInput(
                    src=f"image:{page.hero_image_id}",
                    alt=_value(page, "hero_image_alt", lang),
                    location="hero_image",
                )
            )
        slug = _value(page, "slug", lang)
        return SEODocument(
            lang=lang,
            title=_value(page, "title", lang),
            seo_title=_value(page, "seo_title", lang),
            meta_description=_value(page, "search_description", lang),
            slug=slug,
            intro_html=_value(page, "intro", lang),
            sections=tuple(
                SectionInput(heading=_value(s, "heading", lang), body_html=_value(s, "body", lang))
                for s in page.sections.all()
                if _value(s, "heading", lang) or _value(s, "body", lang)
            ),
            conclusion_html=_value(page, "conclusion", lang),
            faqs=tuple(
                FAQInput(
                    question=_value(f, "question", lang), answer_html=_value(f, "answer", lang)
                )
                for f in page.faqs.all()
                if _value(f, "question", lang) or _value(f, "answer", lang)
            ),
            keywords=tuple(
                KeywordInput(
                    term=_value(self.keywords[link.keyword_id], "term", lang), focus=link.focus
                )
                for link in page.keywords.all()
                if link.keyword_id in self.keywords
                and _value(self.keywords[link.keyword_id], "term", lang)
            ),
            links=tuple(links),
            images=tuple(images),
            url=frontend_url(lang=lang, slug=slug) if slug else "",
            article_id=page.pk,
            translations=self.missing_fields(page),
            focus_term_missing=any(
                link.focus
                and link.keyword_id in self.keywords
                and not _value(self.keywords[link.keyword_id], "term", lang)
                for link in page.keywords.all()
            ),
        )

    def _link(self, attributes: dict[str, str], text: str, path: str, own_id: int) -> LinkInput:
        if attributes.get("linktype") == "page":
            raw_id = attributes.get("id", "")
            target_id = int(raw_id) if raw_id.isdigit() else None
            kind, status = self.link_targets.get(target_id, ("page", "missing"))
            return LinkInput(
                href=f"page:{raw_id}",
                text=text,
                location=path,
                target_kind=kind,
                target_status=status,
                target_id=target_id,
            )
        return LinkInput(
            href=attributes.get("href", ""),
            text=text,
            location=path,
            target_kind="external",
            target_status="external",
        )


def article_seo_document(page: ArticlePage, lang: str) -> SEODocument:
    """One page's document in ``lang`` (the page as given: live object or revision object)."""
    return ArticleDocumentBuilder([page]).document(page, lang)


class ArticleSEOSource:
    """Streams every article's documents for the SEO app (registered in wagtail_hooks.py)."""

    name = "articles"

    def slug_exists(self, slug: str) -> bool:
        lookups = [
            {build_localized_fieldname("slug", code): slug}
            for code in settings.MODELTRANSLATION_LANGUAGES
        ]
        queryset = ArticlePage.objects.none()
        for lookup in lookups:
            queryset = queryset | ArticlePage.objects.filter(**lookup)
        return queryset.exists()

    def _queryset(self, *, include_drafts: bool, slugs: Iterable[str] | None):
        queryset = ArticlePage.objects.all() if include_drafts else ArticlePage.objects.live()
        if slugs:
            slug_list = list(slugs)
            matches = ArticlePage.objects.none()
            for code in settings.MODELTRANSLATION_LANGUAGES:
                matches = matches | ArticlePage.objects.filter(
                    **{f"{build_localized_fieldname('slug', code)}__in": slug_list}
                )
            queryset = queryset.filter(pk__in=matches.values("pk"))
        return queryset

    def count(self, *, include_drafts: bool = False, slugs: Iterable[str] | None = None) -> int:
        return self._queryset(include_drafts=include_drafts, slugs=slugs).count()

    def items(
        self,
        *,
        languages: Sequence[str],
        include_drafts: bool = False,
        slugs: Iterable[str] | None = None,
        batch_size: int = 200,
    ) -> Iterator[SEOItem]:
        queryset = (
            self._queryset(include_drafts=include_drafts, slugs=slugs)
            .order_by("pk")
            .prefetch_related("sections", "faqs", "keywords")
        )
        last_pk = 0
        while True:
            batch = list(queryset.filter(pk__gt=last_pk)[:batch_size])
            if not batch:
                return
            last_pk = batch[-1].pk
            pages = self._drafts_of(batch) if include_drafts else batch
            builder = ArticleDocumentBuilder(pages)
            for page, stored in zip(pages, batch, strict=True):
                edit_url = reverse("wagtailadmin_pages:edit", args=[stored.pk])
                for lang in page.translated_languages():
                    if lang in languages:
                        yield SEOItem(
                            document=builder.document(page, lang),
                            page_id=stored.pk,
                            title=_value(page, "title", lang),
                            live=stored.live,
                            edit_url=edit_url,
                        )
            # Pages and their prefetched children point at each other (each child caches its
            # page), so a finished batch is freed only by the cycle collector, which seldom
            # visits old objects: without this, several batches of garbage pile up.
            del batch, pages, builder, page, stored
            gc.collect()

    @staticmethod
    def _drafts_of(batch: list[ArticlePage]) -> list[ArticlePage]:
        """The latest revision of each page (what editors see), one query for the batch."""
        revision_ids = [page.latest_revision_id for page in batch if page.has_unpublished_changes]
        revisions = Revision.objects.in_bulk([pk for pk in revision_ids if pk])
        return [
            revision_object(page, revisions[page.latest_revision_id].content)
            if page.has_unpublished_changes and page.latest_revision_id in revisions
            else page
            for page in batch
        ]


def revision_object(page: ArticlePage, content: dict) -> ArticlePage:
    """``page`` as stored in a revision's ``content``, without a query.

    Wagtail's ``Revision.as_object()`` loads the page again, looks up its parent for the URL
    path and checks every foreign key in the revision (owner, content type, each keyword) with
    a query of its own: some 15 queries per article. The SEO document needs none of that: a
    keyword deleted since the revision is skipped by the builder, which only knows keywords
    that still exist.
    """
    draft = ArticlePage.from_serializable_data(content, check_fks=False)
    draft.pk = draft.id = page.pk
    draft.path, draft.depth, draft.numchild = page.path, page.depth, page.numchild
    draft.live = page.live
    draft.has_unpublished_changes = page.has_unpublished_changes
    draft.latest_revision_id = page.latest_revision_id
    return draft
