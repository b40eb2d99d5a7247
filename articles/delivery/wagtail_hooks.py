"""Admin: Webhooks menu with the endpoints (create, edit) and the delivery log (read-only,
filterable per endpoint, with a "Redeliver" button per delivery)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from articles.delivery.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from articles.delivery.webhooks import webhook_redeliver


class WebhookEndpointForm(WagtailAdminModelForm):
    """Events and languages as checkboxes (stored as JSON lists)."""

    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Events this endpoint receives.",
    )
    languages = forms.MultipleChoiceField(
        choices=[
            (code, LANG_INFO.get(code, {}).get("name", code))
            for code in settings.MODELTRANSLATION_LANGUAGES
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Languages the endpoint is told about; none selected means all.",
    )


class DeliveryLogPolicy(ModelPermissionPolicy):
    """The log is written by the system only: nobody adds or edits a delivery by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class DeliveriesColumn(Column):
    def get_value(self, instance):
        url = reverse(WebhookDelivery.snippet_viewset.get_url_name("list"))
        return format_html('<a href="{}?endpoint={}">Delivery log</a>', url, instance.pk)


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = "Endpoints"
    list_display = ["name", "url", "active", DeliveriesColumn("deliveries", label="Deliveries")]
    list_filter = ["active"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("secret"),
            FieldPanel("events"),
            FieldPanel("languages"),
            FieldPanel("active"),
        ],
        base_form_class=WebhookEndpointForm,
    )


class WebhookDeliveryViewSet(SnippetViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = "Delivery log"
    list_display = [
        "created_at",
        "endpoint",
        "event",
        "article_id",
        "status",
        "response_code",
        "attempts",
        "next_attempt_at",
    ]
    list_filter = ["endpoint", "status", "event"]
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "endpoint",
        "event",
        "article_id",
        "status",
        "attempts",
        "response_code",
        "last_error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
        "redelivery_of",
        "requested_by",
        "payload",
    ]


class WebhooksGroup(SnippetViewSetGroup):
    menu_label = "Webhooks"
    menu_icon = "link-external"
    menu_order = 900
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)


register_permission_policy(WebhookDelivery, DeliveryLogPolicy(WebhookDelivery))
register_snippet(WebhooksGroup)


def _can_redeliver(user) -> bool:
    # Resending is an endpoint operation: whoever may edit endpoints may resend to them.
    return user.has_perm("delivery.change_webhookendpoint")


@hooks.register("register_snippet_listing_buttons")
def redeliver_button(snippet, user, next_url=None):
    if isinstance(snippet, WebhookDelivery) and _can_redeliver(user):
        yield Button(
            "Redeliver",
            reverse("webhook_redeliver", args=[snippet.pk]),
            icon_name="resubmit",
            priority=10,
        )


@require_http_methods(["GET", "POST"])
def redeliver_view(request, delivery_id):
    if not _can_redeliver(request.user):
        raise PermissionDenied
    delivery = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=delivery_id)
    log_url = reverse(WebhookDelivery.snippet_viewset.get_url_name("list"))
    if request.method == "POST":
        with transaction.atomic():
            webhook_redeliver(delivery=delivery, user=request.user)
        messages.success(request, f"Redelivery of {delivery.event} to {delivery.endpoint} queued.")
        return redirect(f"{log_url}?endpoint={delivery.endpoint_id}")
    return TemplateResponse(
        request,
        "delivery/confirm_redeliver.html",
        {"delivery": delivery, "log_url": log_url, "header_icon": "resubmit"},
    )


@hooks.register("register_admin_urls")
def redeliver_urls():
    return [
        path(
            "webhooks/deliveries/<uuid:delivery_id>/redeliver/",
            redeliver_view,
            name="webhook_redeliver",
        )
    ]
