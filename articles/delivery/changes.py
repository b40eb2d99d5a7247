"""Recording public changes: the writing side of the change feed and the source of webhooks.

``record_public_changes`` runs in the transaction of every change that can alter what the
public sees (``signals.py`` connects it where ``articles.cache`` bumps the content version):
it reads what the visibility selector shows now for the affected articles, compares it per
language with ``PublicArticleState`` (what the feed said last) and appends the difference to
``ChangeEntry``: an upsert for a language that became visible or was republished, a tombstone
(with the reason) for one that stopped being visible, a tombstone of the old slug followed by
an upsert of the new one for a slug change. It then queues the webhook deliveries for those
entries (``webhooks.queue_deliveries``), in the same transaction.

Commit order. Ids from a sequence are handed out in the order transactions *ask*, not the
order they *commit*: with A taking id 10 and B id 11, a reader could see 11 (B committed) and
move its cursor past 10 before A commits, and never see 10. So appending happens under one
lock held until commit: the ``ContentVersion`` row (``articles.cache``), which every such
transaction updates anyway to invalidate the response cache, so serialising on it costs no
new waiting. A transaction takes the lock before it reads the state and before its first id;
the next one gets its ids only after the first has committed. So the committed ids are always
a gap-free prefix in commit order (gaps from rolled-back transactions aside), and a reader
never sees an id while a smaller one is still to come. SQLite serialises writers on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from articles.delivery.models import ChangeEntry, ChangeKind, ChangeReason, PublicArticleState
from articles.models import ArticlePage, ContentVersion
from articles.selectors import hidden_reasons, public_slugs

Key = tuple[int, str]


def lock_feed() -> None:
    """Take the change feed's append lock (the content version row) until commit."""
    locked = ContentVersion.objects.select_for_update(no_key=True).filter(
        pk=ContentVersion.SINGLETON_ID
    )
    if not locked.values_list("pk", flat=True):
        from articles.cache import invalidate_api_cache

        invalidate_api_cache()  # recreates (and so locks) the row


def _tombstone_reason(facts: dict | None, lang: str, *, deleted: bool) -> str:
    if deleted or facts is None:
        return ChangeReason.DELETED
    if facts["reason"] is not None:
        return facts["reason"]
    if lang not in facts["languages"]:
        return ChangeReason.LANGUAGE_HIDDEN
    return ChangeReason.UNPUBLISHED  # not seen as hidden by any single condition


@transaction.atomic
def record_public_changes(
    *, page_ids: QuerySet | Iterable[int] | None = None, deleted: bool = False
) -> list[ChangeEntry]:
    """Append what changed publicly for the articles ``page_ids`` (a queryset of ids, a list,
    or None for every article) and queue their webhooks; returns the new entries.

    ``deleted``: the pages are being deleted (``post_delete``), so whatever they showed is gone.
    """
    lock_feed()
    if page_ids is not None and not isinstance(page_ids, QuerySet):
        page_ids = list(page_ids)
        if not page_ids:
            return []
    now = timezone.now()
    visible = {} if deleted else public_slugs(page_ids)
    current: dict[Key, tuple[str, datetime | None]] = {
        (pk, lang): (slug, article["updated_at"][lang])
        for pk, article in visible.items()
        for lang, slug in article["slugs"].items()
    }
    states = PublicArticleState.objects.all()
    if page_ids is not None:
        states = states.filter(page_id__in=page_ids)
    stored = {(state.page_id, state.lang): state for state in states}

    gone = [key for key in stored if key not in current]
    facts = {} if deleted else hidden_reasons({pk for pk, _lang in gone})
    entries: list[ChangeEntry] = []
    for key in sorted(set(stored) | set(current)):
        pk, lang = key
        before, after = stored.get(key), current.get(key)
        if after is None:
            assert before is not None
            reason = _tombstone_reason(facts.get(pk), lang, deleted=deleted)
            entries.append(_tombstone(before, reason=reason, now=now))
            continue
        slug, updated_at = after
        if before is not None and before.slug == slug and before.updated_at == updated_at:
            continue
        if before is not None and before.slug != slug:
            entries.append(
                _tombstone(before, reason=ChangeReason.SLUG_CHANGED, now=now, new_slug=slug)
            )
        entries.append(
            ChangeEntry(
                page_id=pk,
                lang=lang,
                kind=ChangeKind.UPSERT,
                reason=ChangeReason.UPDATED if before is not None else ChangeReason.PUBLISHED,
                slug=slug,
                updated_at=updated_at or now,
                recorded_at=now,
            )
        )
    if not entries:
        return []
    ChangeEntry.objects.bulk_create(entries)
    _save_states(stored, current, gone)
    from articles.delivery.webhooks import queue_deliveries

    queue_deliveries(entries)
    return entries


def _tombstone(
    state: PublicArticleState, *, reason: str, now: datetime, new_slug: str = ""
) -> ChangeEntry:
    return ChangeEntry(
        page_id=state.page_id,
        lang=state.lang,
        kind=ChangeKind.TOMBSTONE,
        reason=reason,
        slug=state.slug,
        new_slug=new_slug,
        updated_at=now,
        recorded_at=now,
    )


def _save_states(
    stored: dict[Key, PublicArticleState],
    current: dict[Key, tuple[str, datetime | None]],
    gone: list[Key],
) -> None:
    if gone:
        PublicArticleState.objects.filter(pk__in=[stored[key].pk for key in gone]).delete()
    new, changed = [], []
    for key, (slug, updated_at) in current.items():
        state = stored.get(key)
        if state is None:
            new.append(
                PublicArticleState(page_id=key[0], lang=key[1], slug=slug, updated_at=updated_at)
            )
        elif (state.slug, state.updated_at) != (slug, updated_at):
            state.slug, state.updated_at = slug, updated_at
            changed.append(state)
    PublicArticleState.objects.bulk_create(new)
    PublicArticleState.objects.bulk_update(changed, ["slug", "updated_at"])


def subtree_article_ids(path: str) -> QuerySet:
    """Ids of the articles at or below the page with this tree path (a subquery)."""
    return ArticlePage.objects.filter(path__startswith=path).values("pk")
