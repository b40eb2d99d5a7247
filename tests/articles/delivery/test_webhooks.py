"""Signed webhooks: real HTTP to a local receiver that checks the signature, retries on a
controllable clock, and the database task backend's worker sending after the editor's request."""

from __future__ import annotations

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation

from articles.delivery.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from articles.delivery.webhooks import (
    deliver_due_webhooks,
    deliver_webhook,
    retry_delay,
    retry_window,
)
from tests.articles.api.conftest import republish
from tests.articles.delivery.receiver import running_receiver
from tests.factories import ArticleContentFactory

SECRET = "whsec_test-secret"


def content(lang: str, slug: str):
    return ArticleContentFactory(lang_tag=lang, slug=slug, title=f"Title of {slug}")


@pytest.fixture
def receiver():
    with running_receiver(SECRET) as running:
        yield running


@pytest.fixture
def endpoint(db, receiver):
    return WebhookEndpoint.objects.create(
        name="Static site",
        url=receiver.url,
        secret=SECRET,
        events=[event.value for event in WebhookEvent],
    )


@pytest.fixture
def publish(make_article, django_capture_on_commit_callbacks):
    """Create and publish an article; deliveries run when the transaction commits."""

    def build(slug: str = "bodenpflege", **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_article("de", content=content("de", slug), **kwargs)

    return build


def test_publishing_posts_a_signed_json_event_to_the_receiver(endpoint, receiver, publish):
    page = publish("bodenpflege")

    assert len(receiver.received) == 1
    request = receiver.received[0]
    assert request.signature_valid
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-CMS-Event"] == "article.published"
    payload = request.payload
    assert payload["event"] == "article.published"
    assert payload["article_id"] == page.pk
    assert payload["languages"] == ["de"]
    assert payload["slugs"] == {"de": "bodenpflege"}
    assert payload["frontend_urls"] == {"de": f"{settings.FRONTEND_BASE_URL}/de/blog/bodenpflege/"}
    assert payload["timestamp"].startswith(str(timezone.now().year))
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_code, delivery.attempts) == (
        DeliveryStatus.SUCCEEDED,
        200,
        1,
    )
    assert request.headers["X-CMS-Delivery"] == str(delivery.pk)


def test_unpublish_slug_change_and_delete_each_send_their_event(
    endpoint, receiver, publish, django_capture_on_commit_callbacks
):
    page = publish("bodenpflege")

    with (
        django_capture_on_commit_callbacks(execute=True),
        translation.override(settings.LANGUAGE_CODE),
    ):
        republish(page, slug_de="bodenpflege-im-herbst")
    renamed = [item.payload for item in receiver.received[1:]]
    assert sorted(payload["event"] for payload in renamed) == [
        "article.published",
        "article.slug_changed",
    ]
    slug_changed = next(p for p in renamed if p["event"] == "article.slug_changed")
    assert slug_changed["slugs"] == {"de": "bodenpflege-im-herbst"}
    assert slug_changed["previous_slugs"] == {"de": "bodenpflege"}
    assert slug_changed["previous_frontend_urls"]["de"].endswith("/de/blog/bodenpflege/")

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert receiver.received[-1].payload["event"] == "article.unpublished"
    assert receiver.received[-1].payload["reasons"] == {"de": "unpublished"}

    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert receiver.events()[-2:] == ["article.published", "article.deleted"]
    assert receiver.received[-1].payload["slugs"] == {"de": "bodenpflege-im-herbst"}
    assert all(item.signature_valid for item in receiver.received)


def test_an_endpoint_hears_only_its_events_and_languages(
    endpoint, receiver, make_article, django_capture_on_commit_callbacks
):
    endpoint.events = ["article.published"]
    endpoint.languages = ["en"]
    endpoint.save()

    with django_capture_on_commit_callbacks(execute=True):
        german = make_article("de", content=content("de", "nur-deutsch"))
        make_article(
            "de", content=content("de", "zweisprachig"), translations={"en": content("en", "two")}
        )
        german.unpublish()

    assert [(item.payload["event"], item.payload["languages"]) for item in receiver.received] == [
        ("article.published", ["en"])
    ]
    assert receiver.received[0].payload["slugs"] == {"en": "two"}


def test_an_inactive_endpoint_gets_nothing(endpoint, receiver, publish):
    endpoint.active = False
    endpoint.save()

    publish()

    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_a_failing_receiver_gets_retries_with_exponential_backoff(endpoint, receiver, publish):
    receiver.statuses = [500, 502, 503, 200]
    publish()
    delivery = WebhookDelivery.objects.get()
    first_attempt = delivery.last_attempt_at
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.response_code == 500
    assert delivery.next_attempt_at == first_attempt + timedelta(seconds=10)

    # Not due yet: nothing is sent.
    assert deliver_due_webhooks(now=first_attempt + timedelta(seconds=9)) == []
    clock = first_attempt
    for wait in (10, 20, 40):
        clock += timedelta(seconds=wait)
        deliver_due_webhooks(now=clock)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.attempts == 4
    assert delivery.response_code == 200
    signed_at = [item.signed_at for item in receiver.received]
    start = int(first_attempt.timestamp())
    assert signed_at == [start, start + 10, start + 30, start + 70]
    assert all(item.signature_valid for item in receiver.received)
    assert len({item.body for item in receiver.received}) == 1, "every attempt sends the same body"


@override_settings(WEBHOOK_TIMEOUT_SECONDS=0.3)
def test_a_receiver_slower_than_the_timeout_counts_as_a_failure(endpoint, receiver, publish):
    receiver.delay_seconds = 1.5

    publish()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.response_code is None
    assert delivery.last_error == "Timed out after 0.3 s."


def test_a_receiver_that_never_answers_is_given_up_after_24_hours(endpoint, receiver, publish):
    receiver.statuses = [500]
    publish()
    delivery = WebhookDelivery.objects.get()

    while delivery.status == DeliveryStatus.RETRYING:
        deliver_due_webhooks(now=delivery.next_attempt_at)
        delivery.refresh_from_db()

    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.next_attempt_at is None
    # Every attempt the schedule allows within 24 h was made, and none after.
    elapsed, attempts = timedelta(0), 1
    while elapsed + retry_delay(attempts) <= retry_window():
        elapsed += retry_delay(attempts)
        attempts += 1
    assert delivery.attempts == attempts == len(receiver.received)
    assert delivery.last_attempt_at - delivery.created_at <= retry_window()
    assert retry_delay(attempts) == timedelta(hours=1)  # the cap was reached on the way


def test_the_backoff_doubles_and_is_capped_at_an_hour():
    delays = [retry_delay(attempt).total_seconds() for attempt in range(1, 12)]

    assert delays[:4] == [10, 20, 40, 80]
    assert delays == sorted(delays)
    assert delays[-1] == 3600


DELIVER_TASK = "articles.delivery.webhooks.deliver_webhook"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> None:
    # The worker closes "old" connections between tasks; in a test that would end the test's
    # transaction, so that one call is neutralised (the worker itself runs unchanged).
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@override_settings(TASKS=DATABASE_TASKS)
def test_the_worker_delivers_after_the_editors_request_is_answered(
    endpoint, receiver, make_article, client, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group
    from django_tasks_db.models import DBTaskResult

    from tests.admin_forms import read_form
    from tests.factories import UserFactory

    moderator = UserFactory(username="moderator")  # Wagtail's Moderators may publish
    moderator.groups.add(Group.objects.get(name="Moderators"))
    editor_client = client
    editor_client.force_login(moderator)

    page = make_article("de", content=content("de", "entwurf"), publish=False)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    fields = read_form(editor_client.get(edit_url).content.decode())
    fields["action-publish"] = "action-publish"

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(edit_url, fields)

    assert response.status_code == 302
    assert receiver.received == [], "nothing may be sent in the editor's request"
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    queued = DBTaskResult.objects.filter(status="READY", task_path=DELIVER_TASK)
    assert queued.count() == 1

    run_worker()

    assert receiver.events() == ["article.published"]
    assert receiver.received[0].signature_valid
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED


@override_settings(TASKS=DATABASE_TASKS)
def test_with_the_database_backend_a_retry_is_a_deferred_task(endpoint, receiver, publish):
    from django_tasks_db.models import DBTaskResult

    receiver.statuses = [503, 200]
    publish()
    run_worker()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    retry = DBTaskResult.objects.get(status="READY", task_path=DELIVER_TASK)
    assert retry.run_after == delivery.next_attempt_at
    assert retry.args_kwargs["args"] == [str(delivery.pk)]

    # Due now: the worker sends it (the task's run_after is moved instead of sleeping).
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    run_worker()

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.attempts == 2


def test_an_attempt_whose_worker_died_is_sent_again_by_deliver_due_webhooks(
    endpoint, receiver, publish
):
    receiver.statuses = [500, 200]
    publish()
    delivery = WebhookDelivery.objects.get()
    # A worker claimed the retry and died before recording anything.
    claimed_at = delivery.next_attempt_at
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.SENDING, last_attempt_at=claimed_at
    )
    assert deliver_due_webhooks(now=claimed_at + timedelta(seconds=30)) == []

    out = io.StringIO()
    with mock.patch("articles.delivery.webhooks.timezone.now") as now:
        now.return_value = claimed_at + timedelta(minutes=5)
        call_command("deliver_due_webhooks", stdout=out)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert "1 succeeded" in out.getvalue()
    assert len(receiver.received) == 2


def test_retries_stop_when_the_endpoint_is_deactivated_or_deleted(endpoint, receiver, publish):
    receiver.statuses = [500]
    publish("erster")
    publish("zweiter")
    first, second = WebhookDelivery.objects.order_by("created_at")
    endpoint.active = False
    endpoint.save()

    deliver_due_webhooks(now=first.next_attempt_at + timedelta(minutes=1))

    first.refresh_from_db()
    assert first.status == DeliveryStatus.FAILED
    assert first.last_error == "Not sent: the endpoint was deactivated."
    assert len(receiver.received) == 2  # only the two first attempts
    endpoint.delete()
    assert not WebhookDelivery.objects.exists()
    assert deliver_webhook.call(str(second.pk)) == "gone"
