"""The change log, the public state it was derived from, and webhook endpoints and deliveries."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChangeKind(models.TextChoices):
    UPSERT = "upsert", _("upsert")
    TOMBSTONE = "tombstone", _("tombstone")


class ChangeReason(models.TextChoices):
    # upserts
    PUBLISHED = "published", _("published (new in this language)")
    UPDATED = "updated", _("updated (republished)")
    # tombstones
    UNPUBLISHED = "unpublished", _("unpublished")
    EXPIRED = "expired", _("expired")
    DELETED = "deleted", _("deleted")
    PRIVATE = "private", _("made private")
    LANGUAGE_HIDDEN = "language_hidden", _("language hidden")
    SLUG_CHANGED = "slug_changed", _("slug changed")
    MOVED = "moved", _("moved out of the site")


class ChangeEntry(models.Model):
    """One line of the change feed: what happened to one article in one language.

    ``id`` is the feed position. Entries are appended only while holding the feed's append
    lock (``changes.lock_feed``) until commit, so ids are in commit order (see
    ``changes.py``). ``page_id`` is a plain number, not a foreign key: the tombstone of a
    deleted article outlives it.
    """

    page_id = models.IntegerField(db_index=True)
    lang = models.CharField(max_length=10)
    kind = models.CharField(max_length=10, choices=ChangeKind.choices)
    reason = models.CharField(max_length=20, choices=ChangeReason.choices)
    # The slug the entry is about: the current one for an upsert, the one that stopped
    # working for a tombstone. ``new_slug`` is set on slug_changed tombstones.
    slug = models.CharField(max_length=255)
    new_slug = models.CharField(max_length=255, blank=True, default="")
    # An upsert's last change in its language (the API's updated_at); a tombstone's moment of
    # removal.
    updated_at = models.DateTimeField()
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("change feed entry")
        verbose_name_plural = _("change feed entries")
        indexes = [models.Index(fields=["page_id", "lang", "id"], name="delivery_change_key_idx")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind} {self.page_id}/{self.lang} {self.slug} ({self.reason})"


class PublicArticleState(models.Model):
    """What the change feed last said about one article in one language: visible, with this
    slug and this ``last_published_at``. A row exists exactly while the language is visible."""

    page_id = models.IntegerField()
    lang = models.CharField(max_length=10)
    slug = models.CharField(max_length=255)
    updated_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("public article state")
        constraints = [
            models.UniqueConstraint(fields=["page_id", "lang"], name="delivery_state_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.page_id}/{self.lang}: {self.slug}"


class FeedHorizon(models.Model):
    """The oldest cursor still valid: compaction removed tombstones up to ``position``, so a
    client whose cursor is older may have missed a deletion and has to sync from the start."""

    SINGLETON_ID = 1

    position = models.BigIntegerField(default=0)
    compacted_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("change feed horizon")

    def __str__(self) -> str:
        return f"change feed horizon {self.position}"


# --- webhooks -----------------------------------------------------------------------------


class WebhookEvent(models.TextChoices):
    PUBLISHED = "article.published", "article.published"
    UNPUBLISHED = "article.unpublished", "article.unpublished"
    DELETED = "article.deleted", "article.deleted"
    SLUG_CHANGED = "article.slug_changed", "article.slug_changed"


def new_webhook_secret() -> str:
    return f"whsec_{secrets.token_urlsafe(32)}"


class WebhookEndpoint(models.Model):
    """A receiver of signed webhook deliveries (configured in the admin under Webhooks)."""

    name = models.CharField(max_length=100)
    url = models.URLField(
        max_length=2000,
        help_text=_("The receiver's HTTPS address; every delivery is a POST with a JSON body."),
    )
    secret = models.CharField(
        max_length=200,
        default=new_webhook_secret,
        help_text=_(
            "Shared secret for the X-CMS-Signature header (HMAC-SHA256). Give it to the "
            "receiver; change it here to rotate."
        ),
    )
    events = models.JSONField(default=list, help_text=_("Events this endpoint receives."))
    languages = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Languages this endpoint is told about; none selected means all."),
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str, languages: list[str]) -> list[str]:
        """The languages of an event in ``languages`` this endpoint is told about ([] if none)."""
        if not self.active or event not in self.events:
            return []
        if not self.languages:
            return list(languages)
        return [code for code in languages if code in self.languages]


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SENDING = "sending", _("sending")
    RETRYING = "retrying", _("retrying")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed (gave up)")


class WebhookDelivery(models.Model):
    """One event for one endpoint, with every attempt's outcome: the delivery log.

    Written in the transaction that caused the event (the outbox: it commits or rolls back with
    the change) and sent afterwards by a task (``webhooks.deliver_webhook``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40, choices=WebhookEvent.choices)
    article_id = models.IntegerField()
    payload = models.JSONField()
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    next_attempt_at = models.DateTimeField(null=True, db_index=True)
    last_attempt_at = models.DateTimeField(null=True)
    delivered_at = models.DateTimeField(null=True)
    response_code = models.PositiveIntegerField(null=True)
    last_error = models.TextField(blank=True, default="")
    redelivery_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="redeliveries"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event} #{self.article_id} to {self.endpoint}"
