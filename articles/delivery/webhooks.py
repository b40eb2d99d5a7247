"""Signed webhooks: which deliveries an event makes, and sending them from a task.

A delivery is written in the transaction that changed the content (``queue_deliveries``,
called by ``changes.record_public_changes``), so it exists exactly when the change does; the
task that sends it is enqueued when that transaction commits. With the database backend
(production: ``django_tasks_db``) the editor's request only inserts the task row, and a
``manage.py db_worker`` process, on any machine, sends it; tests and ``make run`` use the
immediate backend.

Each attempt claims the delivery with one conditional UPDATE (so two workers never send the
same attempt), POSTs the JSON body with a fresh signature (``signing.py``) and a timeout, and
records the outcome. A failure (no 2xx, a connection error or the timeout) schedules the next
attempt after ``retry_delay(attempts)``: exponential and capped, until
``WEBHOOK_RETRY_WINDOW_SECONDS`` after the event; then the delivery is given up (also at once
when its endpoint was deactivated). A backend that can defer tasks gets the next
attempt as a task with ``run_after``; otherwise (the immediate backend) ``manage.py
deliver_due_webhooks`` sends what is due, and it is also the safety net for a worker that died
mid-attempt. Every function takes the clock as ``now``, so tests drive the backoff without
sleeping.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task, task_backends

from articles.delivery.models import (
    ChangeEntry,
    ChangeKind,
    ChangeReason,
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from articles.delivery.signing import SIGNATURE_HEADER, signature_header
from articles.frontend import frontend_url

logger = logging.getLogger(__name__)

UNPUBLISHED_REASONS = frozenset(
    {
        ChangeReason.UNPUBLISHED,
        ChangeReason.EXPIRED,
        ChangeReason.PRIVATE,
        ChangeReason.LANGUAGE_HIDDEN,
        ChangeReason.MOVED,
    }
)
MAX_ERROR_LENGTH = 500


def _setting(name: str, default: float) -> float:
    return getattr(settings, name, default)


def timeout_seconds() -> float:
    return _setting("WEBHOOK_TIMEOUT_SECONDS", 5)


def retry_delay(attempts: int) -> timedelta:
    """Wait after the ``attempts``-th failed attempt: ``WEBHOOK_RETRY_BASE_SECONDS`` (10)
    doubled per attempt, at most ``WEBHOOK_RETRY_MAX_DELAY_SECONDS`` (3600)."""
    base = _setting("WEBHOOK_RETRY_BASE_SECONDS", 10)
    cap = _setting("WEBHOOK_RETRY_MAX_DELAY_SECONDS", 3600)
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def retry_window() -> timedelta:
    """How long after the event attempts go on (``WEBHOOK_RETRY_WINDOW_SECONDS``, 24 h)."""
    return timedelta(seconds=_setting("WEBHOOK_RETRY_WINDOW_SECONDS", 24 * 3600))


# --- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    name: str
    article_id: int
    slugs: dict[str, str]  # per language: the current slug (the removed one when gone)
    previous_slugs: dict[str, str]  # slug_changed only
    reasons: dict[str, str]  # per language, why it changed (the change feed's reasons)
    at: datetime

    def payload(self, event_id: str, languages: list[str]) -> dict[str, Any]:
        """The JSON body for an endpoint told about ``languages`` (a subset of the event's)."""
        body: dict[str, Any] = {
            "id": event_id,
            "event": self.name,
            "timestamp": self.at.isoformat(),
            "article_id": self.article_id,
            "languages": languages,
            "slugs": {code: self.slugs[code] for code in languages},
            "frontend_urls": {
                code: frontend_url(lang=code, slug=self.slugs[code]) for code in languages
            },
            "reasons": {code: self.reasons[code] for code in languages},
        }
        if self.previous_slugs:
            body["previous_slugs"] = {code: self.previous_slugs[code] for code in languages}
            body["previous_frontend_urls"] = {
                code: frontend_url(lang=code, slug=self.previous_slugs[code]) for code in languages
            }
        return body


def events_from(entries: Iterable[ChangeEntry]) -> list[Event]:
    """Webhook events for change-feed entries: one per article and event name, covering every
    language it happened in."""
    grouped: dict[tuple[int, str], dict[str, ChangeEntry]] = defaultdict(dict)
    for entry in entries:
        if entry.kind == ChangeKind.UPSERT:
            name = WebhookEvent.PUBLISHED
        elif entry.reason == ChangeReason.SLUG_CHANGED:
            name = WebhookEvent.SLUG_CHANGED
        elif entry.reason == ChangeReason.DELETED:
            name = WebhookEvent.DELETED
        else:
            name = WebhookEvent.UNPUBLISHED
        grouped[(entry.page_id, name)][entry.lang] = entry
    events = []
    for (article_id, name), by_lang in grouped.items():
        slug_change = name == WebhookEvent.SLUG_CHANGED
        events.append(
            Event(
                name=str(name),
                article_id=article_id,
                slugs={
                    code: entry.new_slug if slug_change else entry.slug
                    for code, entry in by_lang.items()
                },
                previous_slugs=(
                    {code: entry.slug for code, entry in by_lang.items()} if slug_change else {}
                ),
                reasons={code: str(entry.reason) for code, entry in by_lang.items()},
                at=max(entry.recorded_at for entry in by_lang.values()),
            )
        )
    return events


def queue_deliveries(entries: Iterable[ChangeEntry]) -> list[WebhookDelivery]:
    """Write the deliveries the entries' events make, and enqueue them on commit."""
    endpoints = list(WebhookEndpoint.objects.filter(active=True))
    if not endpoints:
        return []
    deliveries = []
    for event in events_from(entries):
        event_id = str(uuid.uuid4())  # the same for every endpoint and every retry
        languages = sorted(event.slugs)
        for endpoint in endpoints:
            wanted = endpoint.wants(event.name, languages)
            if wanted:
                deliveries.append(
                    WebhookDelivery(
                        endpoint=endpoint,
                        event=event.name,
                        article_id=event.article_id,
                        payload=event.payload(event_id, wanted),
                        created_at=event.at,
                        next_attempt_at=event.at,
                    )
                )
    WebhookDelivery.objects.bulk_create(deliveries)
    ids = [str(delivery.pk) for delivery in deliveries]
    if ids:
        transaction.on_commit(lambda: enqueue_deliveries(ids))
    return deliveries


def webhook_redeliver(*, delivery: WebhookDelivery, user: Any = None) -> WebhookDelivery:
    """A new delivery of the same body (same event id) to the same endpoint, sent now."""
    now = timezone.now()
    again = WebhookDelivery.objects.create(
        endpoint=delivery.endpoint,
        event=delivery.event,
        article_id=delivery.article_id,
        payload=delivery.payload,
        created_at=now,
        next_attempt_at=now,
        redelivery_of=delivery,
        requested_by=user if getattr(user, "pk", None) else None,
    )
    transaction.on_commit(lambda: enqueue_deliveries([str(again.pk)]))
    return again


def enqueue_deliveries(ids: list[str]) -> None:
    for delivery_id in ids:
        try:
            deliver_webhook.enqueue(delivery_id)
        except Exception:  # the delivery stays pending: deliver_due_webhooks sends it
            logger.exception("Could not enqueue webhook delivery %s", delivery_id)


# --- sending ------------------------------------------------------------------------------


@task()
def deliver_webhook(delivery_id: str) -> str:
    """The task: one attempt at a delivery (a no-op unless it is due)."""
    delivery = attempt_delivery(delivery_id)
    return delivery.status if delivery is not None else "gone"


def body_bytes(payload: dict[str, Any]) -> bytes:
    """The exact bytes sent and signed: the same for every attempt of a delivery."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def _post(delivery: WebhookDelivery, now: datetime) -> tuple[int | None, str]:
    body = body_bytes(delivery.payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "multilingual-seo-cms-webhooks/1",
        SIGNATURE_HEADER: signature_header(
            body, secret=delivery.endpoint.secret, timestamp=int(now.timestamp())
        ),
        "X-CMS-Event": delivery.event,
        "X-CMS-Delivery": str(delivery.pk),
    }
    seconds = timeout_seconds()
    try:
        response = requests.post(
            delivery.endpoint.url,
            data=body,
            headers=headers,
            timeout=seconds,
            allow_redirects=False,
        )
    except requests.Timeout:
        return None, f"Timed out after {seconds:g} s."
    except requests.RequestException as error:
        return None, f"{type(error).__name__}: {error}"[:MAX_ERROR_LENGTH]
    response.close()
    if 200 <= response.status_code < 300:
        return response.status_code, ""
    return response.status_code, f"HTTP {response.status_code}: {response.reason or ''}".strip()


def attempt_delivery(delivery_id: str, *, now: datetime | None = None) -> WebhookDelivery | None:
    """Send the delivery once if it is due at ``now``; record and schedule the outcome. None
    when the delivery no longer exists (its endpoint was deleted)."""
    now = now or timezone.now()
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id,
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING],
        next_attempt_at__lte=now,
    ).update(status=DeliveryStatus.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if not claimed or delivery is None:
        return delivery  # sent, given up, not due yet, another worker has it, or deleted
    active = delivery.endpoint.active
    if active:
        code, error = _post(delivery, now)
    else:  # deactivated since the event: the admin wants no more requests there
        code, error = None, "Not sent: the endpoint was deactivated."
    delivery.response_code = code
    delivery.last_error = error
    if not error:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    else:
        next_attempt = now + retry_delay(delivery.attempts)
        if not active or next_attempt > delivery.created_at + retry_window():
            delivery.status = DeliveryStatus.FAILED
            delivery.next_attempt_at = None
        else:
            delivery.status = DeliveryStatus.RETRYING
            delivery.next_attempt_at = next_attempt
    delivery.save(
        update_fields=["status", "response_code", "last_error", "delivered_at", "next_attempt_at"]
    )
    if delivery.status == DeliveryStatus.RETRYING:
        _schedule_retry(delivery)
    return delivery


def _schedule_retry(delivery: WebhookDelivery) -> None:
    if not task_backends[deliver_webhook.backend].supports_defer:
        return  # deliver_due_webhooks sends it when due
    try:
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(str(delivery.pk))
    except Exception:
        logger.exception("Could not enqueue the retry of webhook delivery %s", delivery.pk)


def stale_claim_age() -> timedelta:
    """After this long in ``sending`` an attempt's worker is taken to have died."""
    return timedelta(seconds=2 * timeout_seconds() + 60)


def deliver_due_webhooks(*, now: datetime | None = None) -> list[WebhookDelivery]:
    """Attempt every delivery due at ``now`` (and retry attempts whose worker died)."""
    now = now or timezone.now()
    WebhookDelivery.objects.filter(
        status=DeliveryStatus.SENDING, last_attempt_at__lt=now - stale_claim_age()
    ).update(status=DeliveryStatus.RETRYING, next_attempt_at=now)
    due = WebhookDelivery.objects.filter(
        Q(status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING]),
        next_attempt_at__lte=now,
    ).order_by("next_attempt_at")
    attempted = [attempt_delivery(str(pk), now=now) for pk in due.values_list("pk", flat=True)]
    return [delivery for delivery in attempted if delivery is not None]
