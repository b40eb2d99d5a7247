"""Keep the stored SEO results of articles in step with what they depend on outside their own
revisions: the terms of their keywords (shared snippets, edited in the keyword admin or from an
article)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from wagtail.models import Page

from articles.models import ArticleKeyword
from seo.models import Keyword
from seo.tasks import schedule_page_audit_refresh


def refresh_articles_using_keyword(sender: Any, instance: Keyword, created: bool, **kwargs) -> None:
    if created:
        return  # no article uses it yet
    page_ids = ArticleKeyword.objects.filter(keyword=instance).values("page_id")
    for page in Page.objects.filter(pk__in=page_ids).specific(defer=True):
        schedule_page_audit_refresh(page)


def connect_signals() -> None:
    post_save.connect(
        refresh_articles_using_keyword, sender=Keyword, dispatch_uid="articles_keyword_terms"
    )
