"""Per-language full-text search of articles on PostgreSQL.

Each live article has one ``ArticleSearchText`` row per language it is translated into: a
``tsvector`` built with that language's text search configuration (``german``, ``dutch``,
``french``, ``english``; ``simple`` for languages PostgreSQL has no stemmer for). So an inflected
German word finds the German version ("belastet" -> "belasten": both stem to "belast"), and a
word that only another language's version contains does not match.

Stemming misses irregular forms ("ging"/"gehen", "went"/"go", "Nächte"/"Nacht"): the document
also holds the simplemma lemma of every word whose lemma differs (weight D), and each query word
matches its own stem or its lemma's. Weights: A title and SEO title, B description, intro,
headings and questions, C body text, conclusion and answers, D lemmas. Results are ranked with
``ts_rank`` on the A and B parts alone (``ranking``, see ``ranked_article_ids``).

The rows follow publishing: ``page_published``/``page_unpublished`` rebuild an article's rows
(inside ``search_updates_batched()`` once per article at the end of the block, with the other
search updates), deleting a page deletes them, and ``migrate`` fills rows missing for live
articles (``backfill_search_texts``). Visibility stays with ``articles.selectors``: the search
only ranks the candidates it is given.

On other databases (SQLite in development) the rows are kept without a document and search
falls back to Wagtail's search backend (``articles.selectors.search_article_ids``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import overload

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce
from modeltranslation.utils import build_localized_fieldname
from wagtail.signals import page_published, page_unpublished

from articles.cache import figure_for_version, ids_for_version
from articles.indexing.models import ArticleSearchText
from cms.pending_writes import PendingWrites
from seo.engine.morphology import lemma

# PostgreSQL's built-in text search configurations (Snowball stemmers) by language code.
TEXT_SEARCH_CONFIGS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
FALLBACK_CONFIG = "simple"
WEIGHTS = ("A", "B", "C", "D")
# The parts of a document results are ranked by (``ArticleSearchText.ranking``).
RANKING_WEIGHTS = "a,b"
# Rows written per INSERT statement.
INSERT_BATCH = 200

_TAG_RE = re.compile(r"<[^>]*>")
_WORD_RE = re.compile(r"\w+")


def text_search_config(lang: str) -> str:
    """The PostgreSQL text search configuration for ``lang`` (``simple``: no stemming)."""
    return TEXT_SEARCH_CONFIGS.get(lang, FALLBACK_CONFIG)


def search_document_index(lang: str) -> str:
    """Name of the partial GIN index on ``lang``'s documents (created by ``migrate``)."""
    return f"articles_search_text_document_{lang.replace('-', '_')}_gin"


def uses_search_texts() -> bool:
    """Whether search runs on the per-language documents (PostgreSQL) or falls back."""
    return connection.vendor == "postgresql"


def plain_text(fragment: str | None) -> str:
    """Rich text as plain words: tags become spaces, entities characters."""
    if not fragment:
        return ""
    return " ".join(html.unescape(_TAG_RE.sub(" ", fragment)).split())


def lemmas(text: str, lang: str) -> list[str]:
    """Lemmas of the words of ``text`` that differ from the word itself, each once."""
    found: dict[str, None] = {}
    seen: set[str] = set()
    for word in _WORD_RE.findall(text):
        if word in seen or word.isdigit():
            continue
        seen.add(word)
        base = lemma(word, lang)
        if base.casefold() != word.casefold():
            found.setdefault(base, None)
    return list(found)


@dataclass
class SearchDocument:
    """The texts of one article in one language, by weight (A most important)."""

    page_id: int
    lang: str
    texts: dict[str, list[str]] = field(default_factory=lambda: {w: [] for w in WEIGHTS[:3]})

    def add(self, weight: str, fragment: str | None) -> None:
        text = plain_text(fragment)
        if text:
            self.texts[weight].append(text)

    def weighted(self) -> list[tuple[str, str]]:
        """(weight, text) for A-C, and D: the lemmas of all of them."""
        parts = [(weight, " ".join(self.texts[weight])) for weight in WEIGHTS[:3]]
        everything = " ".join(text for _, text in parts)
        return [*parts, ("D", " ".join(lemmas(everything, self.lang)))]


def _localized(name: str, lang: str) -> str:
    return build_localized_fieldname(name, lang)


def search_documents(page_ids: Iterable[int]) -> list[SearchDocument]:
    """The documents of the live articles among ``page_ids``, one per translated language.

    Three queries whatever the number of pages: the pages, their sections, their FAQs.
    """
    from articles.models import FAQ, ArticlePage, Section

    ids = set(page_ids)
    languages = settings.MODELTRANSLATION_LANGUAGES
    page_columns = ["title", "slug", "seo_title", "search_description", "intro", "conclusion"]
    pages = ArticlePage.objects.filter(pk__in=ids, live=True).values(
        "pk", *(_localized(name, code) for name in page_columns for code in languages)
    )
    documents: dict[tuple[int, str], SearchDocument] = {}
    for page in pages:
        for code in languages:
            if not (page[_localized("title", code)] and page[_localized("slug", code)]):
                continue
            document = documents[page["pk"], code] = SearchDocument(page["pk"], code)
            document.add("A", page[_localized("title", code)])
            document.add("A", page[_localized("seo_title", code)])
            document.add("B", page[_localized("search_description", code)])
            document.add("B", page[_localized("intro", code)])
            document.add("C", page[_localized("conclusion", code)])
    live_ids = {page_id for page_id, _ in documents}
    for model, heading, text in ((Section, "heading", "body"), (FAQ, "question", "answer")):
        rows = (
            model.objects.filter(page_id__in=live_ids)
            .order_by("page_id", "sort_order", "pk")
            .values(
                "page_id",
                *(_localized(name, code) for name in (heading, text) for code in languages),
            )
        )
        for row in rows:
            for code in languages:
                document = documents.get((row["page_id"], code))
                if document is not None:
                    document.add("B", row[_localized(heading, code)])
                    document.add("C", row[_localized(text, code)])
    return list(documents.values())


def refresh_search_texts(page_ids: Iterable[int]) -> None:
    """Rebuild the search rows of ``page_ids``: live articles get one row per language they are
    translated into, anything else none. Runs in one transaction."""
    ids = sorted(set(page_ids))
    if not ids:
        return
    documents = search_documents(ids)
    with transaction.atomic():
        ArticleSearchText.objects.filter(page_id__in=ids).delete()
        if uses_search_texts():
            _insert_documents(documents)
        else:
            ArticleSearchText.objects.bulk_create(
                ArticleSearchText(page_id=document.page_id, lang=document.lang)
                for document in documents
            )


def _insert_documents(documents: list[SearchDocument]) -> None:
    vector = " || ".join(
        f"setweight(to_tsvector(%s::regconfig, %s), '{weight}')" for weight in WEIGHTS
    )
    table = connection.ops.quote_name(ArticleSearchText._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(documents), INSERT_BATCH):
            batch = documents[start : start + INSERT_BATCH]
            params: list = []
            for document in batch:
                config = text_search_config(document.lang)
                params += [document.page_id, document.lang]
                for _weight, text in document.weighted():
                    params += [config, text]
            values = ", ".join(f"(%s::integer, %s, {vector})" for _ in batch)
            cursor.execute(
                f"INSERT INTO {table} (page_id, lang, document, ranking) "
                f"SELECT page_id, lang, document, ts_filter(document, '{{{RANKING_WEIGHTS}}}') "
                f"FROM (VALUES {values}) AS built (page_id, lang, document)",
                params,
            )


def backfill_search_texts(*, chunk: int = 500) -> int:
    """Build the rows of live articles that have none (a new database, an older one); returns
    how many articles were indexed."""
    from articles.models import ArticlePage

    missing = list(
        ArticlePage.objects.live()
        .filter(~Exists(ArticleSearchText.objects.filter(page=OuterRef("pk"))))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(missing), chunk):
        refresh_search_texts(missing[start : start + chunk])
    return len(missing)


def search_query(words: str, lang: str) -> SearchQuery | None:
    """All words must match, each as itself or as its lemma, in ``lang``'s configuration."""
    config = text_search_config(lang)
    combined = None
    for word in words.split():
        alternatives = SearchQuery(word, config=config, search_type="plain")
        base = lemma(word, lang)
        if base.casefold() != word.casefold():
            alternatives |= SearchQuery(base, config=config, search_type="plain")
        combined = alternatives if combined is None else combined & alternatives
    return combined


def ranked_matches(matches: QuerySet, query: SearchQuery) -> QuerySet:
    """The page ids of ``matches`` (search text rows), best first, then by id."""
    rank = Coalesce(SearchRank(F("ranking"), query), Value(0.0))
    return (
        matches.annotate(rank=rank).order_by("-rank", "page_id").values_list("page_id", flat=True)
    )


def ranked_article_ids(candidates: QuerySet, words: str, *, lang: str) -> list[int]:
    """Ids of the ``candidates`` whose ``lang`` version matches ``words``, best first (then by
    id, so equal ranks keep a stable order). PostgreSQL only (``uses_search_texts``).

    The matches come from the language's GIN index, which answers without reading the
    documents themselves; they are ranked by ``ranking`` (title, SEO title, description, intro,
    headings, questions), which is stored in the row: body text finds an article but does not
    rank it. Reading and ranking the whole documents (kilobytes each, kept out of line) cost a
    second for a word that 10,000 articles contain. Which matches are candidates (visible, and
    through the list's filters) is read once per content version (``ids_for_version``): one
    query with ``page_id IN (candidates)`` lets the planner compute every visible article
    first, on every search.
    """
    query = search_query(words, lang)
    if query is None:
        return []
    matches = list(
        ranked_matches(ArticleSearchText.objects.filter(lang=lang, document=query), query)
    )
    if not matches:
        return []
    allowed = ids_for_version(candidates)
    return [page_id for page_id in matches if page_id in allowed]


SEARCH_COUNT_PREFIX = "articles:api:search-count"


class RankedMatches(Sequence[int]):
    """``ranked_article_ids``, read a slice at a time: what a page of search results needs.

    A word that every article contains matches 10,000 rows; ranking and reading all their ids
    on every request cost more than the rest of it. A slice here ranks in the database and
    reads only the best ``stop`` (plus a margin for matches the candidates exclude, more
    rounds while too many were excluded); the length - the number of matching candidates - is
    counted once per content version, like a list's total (``articles.api.counting``).
    Iterating reads the whole ranked list. ``tests/articles/api/test_ranked_matches.py`` pins
    slices and length to ``ranked_article_ids``.
    """

    MARGIN = 20

    def __init__(self, candidates: QuerySet, words: str, *, lang: str) -> None:
        self._candidates = candidates
        self._words = words
        self._lang = lang
        self._query = search_query(words, lang)
        self._allowed: frozenset[int] | None = None
        self._length: int | None = None

    def _allowed_ids(self) -> frozenset[int]:
        if self._allowed is None:
            self._allowed = ids_for_version(self._candidates)
        return self._allowed

    def _matches(self) -> QuerySet:
        return ArticleSearchText.objects.filter(lang=self._lang, document=self._query)

    def __len__(self) -> int:
        if self._length is None:
            self._length = self._count()
        return self._length

    def _count(self) -> int:
        if self._query is None:
            return 0

        def count() -> int:
            allowed = self._allowed_ids()
            matching = self._matches().values_list("page_id", flat=True)
            return sum(1 for page_id in matching if page_id in allowed)

        return figure_for_version(
            SEARCH_COUNT_PREFIX, self._candidates, count, self._lang, self._words, empty=0
        )

    def _best(self, stop: int) -> list[int]:
        """The best ``stop`` matching candidates (fewer where fewer match)."""
        allowed = self._allowed_ids()
        limit = stop + self.MARGIN
        while True:
            ranked = list(ranked_matches(self._matches(), self._query)[:limit])
            best = [page_id for page_id in ranked if page_id in allowed]
            if len(best) >= stop or len(ranked) < limit:
                return best[:stop]
            limit *= 4

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if self._query is None:
            return [][index]
        if isinstance(index, int):
            position = index if index >= 0 else len(self) + index
            if not 0 <= position < len(self):
                raise IndexError(index)
            return self._best(position + 1)[position]
        start, stop, step = index.indices(len(self))
        return self._best(stop)[start:stop:step] if stop > start else []

    def __iter__(self) -> Iterator[int]:
        return iter(ranked_article_ids(self._candidates, self._words, lang=self._lang))


# Rebuilding rolls back with a failed block's writes, so only a block that succeeds rebuilds.
_writes = PendingWrites(lambda _model, pks: refresh_search_texts(pks), flush_on_error=False)


@contextmanager
def search_texts_batched() -> Iterator[None]:
    """Within the block, this thread's published/unpublished articles are rebuilt once, at its
    end (``articles.search_batching.search_updates_batched`` opens it)."""
    with _writes.batched():
        yield


def flush_search_texts() -> None:
    _writes.flush()


def search_text_later(page) -> None:
    """Rebuild ``page``'s rows at the end of the current batch, or now outside one."""
    if not _writes.note(page):
        refresh_search_texts([page.pk])


def _on_publish(sender, instance, **kwargs) -> None:
    search_text_later(instance)


def _on_unpublish(sender, instance, **kwargs) -> None:
    # Right away, not rebuilt: Wagtail also sends this just before deleting a live page, and a
    # rebuild then would write rows for a page about to disappear.
    ArticleSearchText.objects.filter(page_id=instance.pk).delete()


def connect_signals() -> None:
    from articles.models import ArticlePage

    page_published.connect(_on_publish, sender=ArticlePage, dispatch_uid="search-text-publish")
    page_unpublished.connect(
        _on_unpublish, sender=ArticlePage, dispatch_uid="search-text-unpublish"
    )
