"""Writes for the SEO app."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.db import connections, router
from django.db.models import Q
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.search.index import insert_or_update_object

from seo.models import Keyword


def term_key(term: str) -> str:
    """How keyword terms compare, as the database does for ``iexact``: case and surrounding or
    repeated spaces do not count."""
    return " ".join(term.split()).upper()


def keywords_get_or_create(
    *, terms: Sequence[str], lang: str
) -> tuple[dict[str, Keyword], list[Keyword]]:
    """The keywords whose term in ``lang`` matches each of ``terms`` (ignoring case), created if
    missing: one query finds them, one creates the missing ones. Returns them by ``term_key``,
    and the keywords created (for callers that index them)."""
    column = build_localized_fieldname("term", lang)
    wanted = {term_key(term): " ".join(term.split()) for term in terms}
    if not wanted:
        return {}, []
    found = _keywords_by_term(column, wanted)
    missing = {key: term for key, term in wanted.items() if key not in found}
    if missing and _lock_keyword_terms(lang, missing):
        # Another transaction may have created some of them while this one waited.
        found.update(_keywords_by_term(column, missing))
        missing = {key: term for key, term in missing.items() if key not in found}
    created: list[Keyword] = []
    if missing:
        # The untranslated ``term`` column takes the active language's value.
        with translation.override(lang):
            created = Keyword.objects.bulk_create(
                [Keyword(**{column: term}) for term in missing.values()]
            )
        found.update({term_key(getattr(keyword, column)): keyword for keyword in created})
    return found, created


def keyword_get_or_create(*, term: str, lang: str) -> Keyword:
    """The keyword whose term in ``lang`` is ``term`` (ignoring case), created if missing and
    then added to the search index (a bulk insert sends no ``post_save``)."""
    found, created = keywords_get_or_create(terms=[term], lang=lang)
    for keyword in created:
        insert_or_update_object(keyword)
    return found[term_key(term)]


def _keywords_by_term(column: str, wanted: dict[str, str]) -> dict[str, Keyword]:
    condition = Q()
    for term in wanted.values():
        condition |= Q(**{f"{column}__iexact": term})
    found: dict[str, Keyword] = {}
    for keyword in Keyword.objects.filter(condition).order_by("pk"):
        found.setdefault(term_key(getattr(keyword, column)), keyword)
    return found


def _lock_keyword_terms(lang: str, keys: Iterable[str]) -> bool:
    """On PostgreSQL, hold a transaction lock per term about to be created until commit, so two
    transactions that create the same keyword at once (parallel import workers) make one
    keyword, not two: the second waits, then finds the first one's. Existing keywords are not
    locked, so writers that only use them never wait. Locks are taken in one order (sorted
    ids), so two writers never wait for each other in a circle. SQLite has one writer at a
    time anyway (returns False: nothing was locked)."""
    connection = connections[router.db_for_write(Keyword)]
    if connection.vendor != "postgresql":
        return False
    lock_ids = sorted({_advisory_lock_id(f"seo.keyword:{lang}:{key}") for key in keys})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(lock_id) FROM unnest(%s::bigint[]) AS lock_id",
            [lock_ids],
        )
    return True


def _advisory_lock_id(name: str) -> int:
    """A stable signed 64-bit id for ``name`` (Python's ``hash`` differs between processes)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), signed=True)


def keyword_update_terms(*, keyword: Keyword, terms: dict[str, str]) -> list[str]:
    """Set ``keyword``'s term in each language of ``terms``; returns the languages changed.

    Saved with ``save()``, so the search index and the SEO results of the articles using the
    keyword follow (``post_save``)."""
    changed = []
    for lang, term in terms.items():
        column = build_localized_fieldname("term", lang)
        value = " ".join((term or "").split())
        if (getattr(keyword, column) or "") != value:
            setattr(keyword, column, value or None)
            changed.append(lang)
    if changed:
        # The untranslated ``term`` column takes the active language's value: the default's.
        with translation.override(settings.LANGUAGE_CODE):
            keyword.save()
    return changed


def keyword_term_clash(*, keyword_id: int | None, lang: str, term: str) -> Keyword | None:
    """Another keyword whose term in ``lang`` is ``term`` (ignoring case), if any."""
    column = build_localized_fieldname("term", lang)
    value = " ".join(term.split())
    if not value:
        return None
    return (
        Keyword.objects.filter(**{f"{column}__iexact": value})
        .exclude(pk=keyword_id)
        .order_by("pk")
        .first()
    )
