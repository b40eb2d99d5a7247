"""Keep the stored SEO results of articles in step with what they depend on outside their own
revisions: the terms of their keywords (shared snippets, edited in the keyword admin or from an
article) and whether the pages they link to are public (a view restriction hides a page and
everything below it; the seo app refreshes the restricted pages themselves)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, ReferenceIndex

from articles.models import ArticleKeyword
from seo.models import Keyword
from seo.tasks import schedule_page_audit_refresh


def refresh_articles_using_keyword(sender: Any, instance: Keyword, created: bool, **kwargs) -> None:
    if created:
        return  # no article uses it yet
    page_ids = ArticleKeyword.objects.filter(keyword=instance).values("page_id")
    for page in Page.objects.filter(pk__in=page_ids).specific(defer=True):
        schedule_page_audit_refresh(page)


def refresh_articles_linking_into(
    sender: Any, instance: PageViewRestriction, **kwargs: Any
) -> None:
    """A view restriction made or lifted: links to the pages under it change from public to
    private or back (the internal links check), so the articles holding them are audited again.
    Wagtail's reference index knows the links of every article (its live content)."""
    restricted_page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if restricted_page is None:  # deleted with its page
        return
    targets = Page.objects.filter(path__startswith=restricted_page.path).values_list(
        "pk", flat=True
    )
    linking = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Page),
        to_object_id__in=[str(pk) for pk in targets],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    page_ids = {int(object_id) for object_id in linking if object_id.isdigit()}
    for page in Page.objects.filter(pk__in=page_ids).specific(defer=True):
        schedule_page_audit_refresh(page)


def connect_signals() -> None:
    post_save.connect(
        refresh_articles_using_keyword, sender=Keyword, dispatch_uid="articles_keyword_terms"
    )
    post_save.connect(
        refresh_articles_linking_into,
        sender=PageViewRestriction,
        dispatch_uid="articles_links_into_restriction_saved",
    )
    post_delete.connect(
        refresh_articles_linking_into,
        sender=PageViewRestriction,
        dispatch_uid="articles_links_into_restriction_deleted",
    )
