"""Articles described to the SEO engine: ``ArticlePage`` → ``seo.engine.SEODocument``.

The document of a language is what the API serves in it (``representation.served_article``,
the same code): with ``CMS_INCOMPLETE_LANGUAGES=hide`` a language's own texts only, with
``fallback`` the default language's text where its own is missing, exactly as served. The
report names what is missing (``articles.completeness``) either way.
Pages are read in batches with a fixed number of queries per batch (children, keywords, link
targets), so auditing 100,000 articles costs the same per batch as auditing 100.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from html.parser import HTMLParser
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Revision

from articles.api.representation import served_article
from articles.completeness import (
    completeness_by_language,
    incomplete_policy,
    translated_languages,
)
from articles.models import ArticlePage
from articles.richtext import RichTextRenderer
from articles.selectors import ArticleRows, under_view_restriction
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


def _link_status(row: dict) -> str:
    if not row["live"]:
        return "draft"
    # Live but behind a login or password: the public (and a search engine) get a 404.
    return "private" if row["restricted"] else "live"


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
    """Builds documents for a batch of article objects (live pages or revision objects).

    A document is the article as the API serves it in the language: the same
    ``representation.served_article`` builds both, so the audit's word count, headings, FAQs
    and meta description are the served ones (under the ``CMS_INCOMPLETE_LANGUAGES`` policy,
    fallback text included). Links and images are read from the stored rich text each served
    field was rendered from, where their targets and alt texts are known.
    """

    def __init__(self, pages: Sequence[ArticlePage]) -> None:
        self.pages = pages
        keyword_ids = {link.keyword_id for page in pages for link in page.keywords.all()}
        self.keywords = Keyword.objects.in_bulk(keyword_ids)
        self.link_targets = self._load_link_targets(pages)
        self._renderers: dict[str, RichTextRenderer] = {}

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
        rows = (
            Page.objects.filter(pk__in=page_ids)
            .annotate(restricted=under_view_restriction())
            .values("pk", "live", "content_type_id", "restricted")
        )
        return {
            row["pk"]: (
                "article" if row["content_type_id"] == article_type.pk else "page",
                _link_status(row),
            )
            for row in rows
        }

    def _renderer(self, lang: str) -> RichTextRenderer:
        """One renderer per language for the whole batch, prepared with every rich text of
        every page (a fixed number of queries per batch, not per article)."""
        renderer = self._renderers.get(lang)
        if renderer is not None:
            return renderer
        if self._renderers:  # what one language's renderer loaded serves every language
            renderer = next(iter(self._renderers.values())).for_language(lang)
        else:
            renderer = RichTextRenderer(lang)
            renderer.prepare(
                html
                for page in self.pages
                for code in settings.MODELTRANSLATION_LANGUAGES
                for _path, html in self._rich_fields(page, code)
            )
        self._renderers[lang] = renderer
        return renderer

    def _rows(self, page: ArticlePage) -> ArticleRows:
        keywords = []
        for link in page.keywords.all():
            keyword = self.keywords.get(link.keyword_id)
            if keyword is None:  # deleted since the revision
                continue
            terms = {
                build_localized_fieldname("term", code): _value(keyword, "term", code)
                for code in settings.MODELTRANSLATION_LANGUAGES
            }
            keywords.append(SimpleNamespace(focus=link.focus, **terms))
        return ArticleRows(
            page=page,
            sections=list(page.sections.all()),
            faqs=list(page.faqs.all()),
            keywords=keywords,
            hero_image=None,  # the audit needs its alt text (read by served_article), no file
        )

    def missing_fields(self, page: ArticlePage) -> dict[str, tuple[str, ...]]:
        """Per configured language, the texts the article's primary language has and it lacks
        (``articles.completeness``: the rule serving applies)."""
        return {
            code: tuple(result.fields) for code, result in completeness_by_language(page).items()
        }

    def document(self, page: ArticlePage, lang: str) -> SEODocument:
        served = served_article(self._rows(page), lang, renderer=self._renderer(lang))
        links: list[LinkInput] = []
        images: list[ImageInput] = []
        for path, html in served.sources.items():
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
                    src=f"image:{page.hero_image_id}", alt=served.image_alt, location="hero_image"
                )
            )
        return SEODocument(
            lang=lang,
            title=served.title,
            seo_title=served.seo_title,
            meta_description=served.description,
            meta_description_derived=served.description_derived,
            slug=served.slug,
            intro_html=served.intro,
            sections=tuple(
                SectionInput(heading=item["heading"], body_html=item["body"])
                for item in served.sections
            ),
            conclusion_html=served.conclusion,
            faqs=tuple(
                FAQInput(question=item["question"], answer_html=item["answer"])
                for item in served.faqs
            ),
            keywords=tuple(
                KeywordInput(term=item["term"], focus=item["focus"]) for item in served.keywords
            ),
            links=tuple(links),
            images=tuple(images),
            url=served.url if served.slug else "",
            article_id=page.pk,
            translations=self.missing_fields(page),
            focus_term_missing=any(
                link.focus
                and link.keyword_id in self.keywords
                and not _value(self.keywords[link.keyword_id], "term", lang)
                for link in page.keywords.all()
            ),
            word_count=served.word_count,
            missing_texts=tuple(served.completeness.fields),
            incomplete_policy=incomplete_policy(),
            available_languages=tuple(translated_languages(page)),
            withheld_faqs=tuple(
                (position, FAQInput(question=question, answer_html=answer))
                for position, question, answer in served.withheld_faqs
            ),
            child_positions=served.child_positions,
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

    def batch_bounds(
        self, *, include_drafts: bool = False, slugs: Iterable[str] | None = None, batch_size: int
    ) -> Iterator[tuple[int, int | None]]:
        """``(after, up_to)`` primary keys of each batch ``items`` reads: one indexed query per
        batch for its last key, so no list of every page is held."""
        keys = (
            self._queryset(include_drafts=include_drafts, slugs=slugs)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        after = 0
        while True:
            last = list(keys.filter(pk__gt=after)[batch_size - 1 : batch_size])
            if not last:
                yield after, None
                return
            yield after, last[0]
            after = last[0]

    def items(
        self,
        *,
        languages: Sequence[str],
        include_drafts: bool = False,
        slugs: Iterable[str] | None = None,
        batch_size: int = 200,
        after: int = 0,
        up_to: int | None = None,
    ) -> Iterator[SEOItem]:
        queryset = (
            self._queryset(include_drafts=include_drafts, slugs=slugs)
            .order_by("pk")
            .prefetch_related("sections", "faqs", "keywords")
        )
        if up_to is not None:
            queryset = queryset.filter(pk__lte=up_to)
        last_pk = after
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
