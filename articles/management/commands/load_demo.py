"""Load the demo article index and articles. Safe to run again: nothing is duplicated."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.demo_content import (
    DEMO_ARTICLES,
    INDEX_SLUG,
    INDEX_TITLES,
    demo_link_targets,
    with_demo_links,
)
from articles.selectors import article_by_slug
from articles.services import article_create, article_index_get_or_create, article_update_language


class Command(BaseCommand):
    help = "Create the article index and the demo articles (German with English translations)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        languages = set(settings.MODELTRANSLATION_LANGUAGES)
        index, created = article_index_get_or_create(
            slug=INDEX_SLUG,
            titles={code: title for code, title in INDEX_TITLES.items() if code in languages},
        )
        self.stdout.write(f"Article index /{index.slug}/: {'created' if created else 'exists'}")
        created_pages = {}
        for (lang, content), translations in DEMO_ARTICLES:
            if lang not in languages:
                self.stdout.write(f"Skipped {content.slug}: language {lang} is not configured")
                continue
            page = article_by_slug(content.slug, lang=lang, live_only=False)
            if page is not None:
                self.stdout.write(f"Article {content.slug}: exists")
                continue
            page = article_create(parent=index, lang=lang, content=content, publish=True)
            for translation_lang, translation in translations:
                if translation_lang in languages:
                    article_update_language(
                        page=page, lang=translation_lang, content=translation, publish=True
                    )
            created_pages[content.slug] = page
            self.stdout.write(self.style.SUCCESS(f"Article {content.slug}: created"))
        self._link_related(created_pages, languages)

    def _link_related(self, created_pages: dict, languages: set[str]) -> None:
        """The demo articles link to each other by slug; now that every page exists, point
        those links at the pages (a second revision of each language that has such links)."""
        page_ids = {slug: page.pk for slug, page in created_pages.items()}
        for (lang, content), translations in DEMO_ARTICLES:
            page = created_pages.get(content.slug)
            if page is None:
                continue
            for version_lang, version in ((lang, content), *translations):
                targets = demo_link_targets(version)
                if version_lang in languages and targets and targets <= page_ids.keys():
                    article_update_language(
                        page=page,
                        lang=version_lang,
                        content=with_demo_links(version, page_ids),
                        publish=True,
                    )
