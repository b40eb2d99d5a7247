"""Load the demo article index and articles. Safe to run again: nothing is duplicated."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.demo_content import DEMO_ARTICLES, INDEX_SLUG, INDEX_TITLES
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
            self.stdout.write(self.style.SUCCESS(f"Article {content.slug}: created"))
