"""Webhook endpoints and the delivery log in the Wagtail admin."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from articles.delivery.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from tests.admin_forms import read_form
from tests.articles.delivery.receiver import running_receiver
from tests.factories import ArticleContentFactory


@pytest.fixture
def receiver():
    with running_receiver("whsec_admin-test") as running:
        yield running


def endpoint_url(action: str, *args) -> str:
    return reverse(WebhookEndpoint.snippet_viewset.get_url_name(action), args=args)


def log_url() -> str:
    return reverse(WebhookDelivery.snippet_viewset.get_url_name("list"))


def test_an_admin_configures_an_endpoint_with_events_and_languages(admin_client):
    form = admin_client.get(endpoint_url("add"))
    assert form.status_code == 200
    page = form.content.decode()
    for event in ("article.published", "article.unpublished", "article.deleted"):
        assert f'value="{event}"' in page
    form_id = re.search(r"<form[^>]*id=\"([^\"]+)\"[^>]*method=\"POST\"", page, re.I)
    fields = read_form(page, form_id=form_id.group(1) if form_id else "")
    assert fields["secret"].startswith("whsec_"), "a strong secret is proposed"

    response = admin_client.post(
        endpoint_url("add"),
        {
            "name": "Netlify build hook",
            "url": "https://hooks.example.com/cms",
            "secret": "whsec_chosen",
            "events": ["article.published", "article.slug_changed"],
            "languages": ["de", "fr"],
            "active": "on",
        },
    )

    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["article.published", "article.slug_changed"]
    assert endpoint.languages == ["de", "fr"]
    assert endpoint.secret == "whsec_chosen"
    assert endpoint.active


def test_an_endpoint_needs_at_least_one_event(admin_client):
    response = admin_client.post(
        endpoint_url("add"),
        {"name": "Nothing", "url": "https://hooks.example.com/", "secret": "s", "active": "on"},
    )

    assert response.status_code == 200
    assert not WebhookEndpoint.objects.exists()


def test_the_delivery_log_shows_status_code_attempts_and_redelivers(
    admin_client, receiver, make_article, django_capture_on_commit_callbacks
):
    endpoint = WebhookEndpoint.objects.create(
        name="Search index",
        url=receiver.url,
        secret=receiver.secret,
        events=["article.published"],
    )
    other = WebhookEndpoint.objects.create(
        name="Other", url="http://127.0.0.1:9/", secret="x", events=[], active=False
    )
    receiver.statuses = [500, 200]
    with django_capture_on_commit_callbacks(execute=True):
        make_article("de", content=ArticleContentFactory(lang_tag="de", slug="gartenzaun"))
    failed = WebhookDelivery.objects.get()
    assert failed.status == DeliveryStatus.RETRYING

    listing = admin_client.get(f"{log_url()}?endpoint={endpoint.pk}")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "article.published" in text
    assert "retrying" in text
    assert "500" in text
    redeliver = reverse("webhook_redeliver", args=[failed.pk])
    assert redeliver in text
    assert admin_client.get(f"{log_url()}?endpoint={other.pk}").status_code == 200
    endpoints = admin_client.get(endpoint_url("list")).content.decode()
    assert f"{log_url()}?endpoint={endpoint.pk}" in endpoints

    confirm = admin_client.get(redeliver)
    assert confirm.status_code == 200
    assert receiver.url in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(redeliver)

    assert response.status_code == 302
    again = WebhookDelivery.objects.exclude(pk=failed.pk).get()
    assert again.redelivery_of == failed
    assert again.status == DeliveryStatus.SUCCEEDED
    assert again.payload == failed.payload
    assert [item.payload["id"] for item in receiver.received] == [failed.payload["id"]] * 2
    inspect = admin_client.get(
        reverse(WebhookDelivery.snippet_viewset.get_url_name("inspect"), args=[again.pk])
    )
    assert inspect.status_code == 200


def test_the_delivery_log_cannot_be_edited_by_hand(admin_client, db):
    assert admin_client.get(
        reverse(WebhookDelivery.snippet_viewset.get_url_name("add"))
    ).status_code in (302, 403)


def test_only_users_who_may_edit_endpoints_can_redeliver(editor_client, db):
    endpoint = WebhookEndpoint.objects.create(name="e", url="http://127.0.0.1:9/", events=[])
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event="article.published", article_id=1, payload={}
    )

    response = editor_client.post(reverse("webhook_redeliver", args=[delivery.pk]))

    assert response.status_code in (302, 403)
    assert WebhookDelivery.objects.count() == 1


def test_editing_an_endpoint_shows_its_events_and_languages_checked(admin_client, db):
    endpoint = WebhookEndpoint.objects.create(
        name="Edge cache",
        url="https://hooks.example.com/purge",
        events=["article.deleted"],
        languages=["nl"],
    )

    page = admin_client.get(endpoint_url("edit", endpoint.pk)).content.decode()
    form_id = re.search(r'<form[^>]*id="([^"]+)"[^>]*method="POST"', page, re.I)
    fields = read_form(page, form_id=form_id.group(1))
    response = admin_client.post(endpoint_url("edit", endpoint.pk), {**fields, "active": ""})

    assert fields["events"] == "article.deleted"
    assert fields["languages"] == "nl"
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.events, endpoint.languages, endpoint.active) == (
        ["article.deleted"],
        ["nl"],
        False,
    )
