"""Load the demo article index and articles. Safe to run again: nothing is duplicated, and an
editor's changes to a demo article are kept."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from articles.content import ArticleContent
from articles.demo_content import (
    DEMO_ARTICLES,
    INDEX_SLUG,
    INDEX_TITLES,
    demo_link_targets,
    with_demo_links,
)
from articles.importing import ALREADY_THERE, FileReport, ImportOptions, Outcome, import_content
from articles.models import ArticleIndexPage, ArticlePage
from articles.services import article_index_get_or_create
from cms.wording import plural


class Command(BaseCommand):
    help = (
        "Create the article index and the demo articles (German with English translations), "
        "published, through the same import code as import_articles. Existing demo articles "
        "and translations are left as they are."
    )

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        languages = set(settings.MODELTRANSLATION_LANGUAGES)
        index, created = article_index_get_or_create(
            slug=INDEX_SLUG,
            titles={code: title for code, title in INDEX_TITLES.items() if code in languages},
        )
        self.stdout.write(f"Article index /{index.slug}/: {'created' if created else 'exists'}")
        page_ids = _demo_page_ids(index)
        outcomes: Counter[str] = Counter()
        # Links to demo articles not created yet: written as plain text now, as links below.
        unresolved: list[tuple[int, str, ArticleContent]] = []
        for (lang, content), translations in DEMO_ARTICLES:
            if lang not in languages:
                self.stdout.write(f"Skipped {content.slug}: language {lang} is not configured")
                continue
            page_id = page_ids.get(content.slug)
            for version_lang, version in ((lang, content), *translations):
                if version_lang not in languages:
                    continue
                report = self._import(
                    version,
                    lang=version_lang,
                    options=ImportOptions(
                        parent=index,
                        publish=True,
                        only_new=True,
                        translation_of=_page(page_id),
                    ),
                    page_ids=page_ids,
                )
                outcomes[_state(report)] += 1
                if report.page_id is None:
                    continue
                page_id = page_ids[content.slug] = report.page_id
                if report.outcome is not Outcome.SKIPPED and not (
                    demo_link_targets(version) <= page_ids.keys()
                ):
                    unresolved.append((page_id, version_lang, version))
        for page_id, version_lang, version in unresolved:
            self._import(
                version,
                lang=version_lang,
                options=ImportOptions(parent=index, publish=True, translation_of=_page(page_id)),
                page_ids=page_ids,
                quiet=True,
            )
        self.stdout.write(
            f"Demo articles: {plural(outcomes[CREATED], 'language version')} created, "
            f"{outcomes[EXISTS]} already there"
        )

    def _import(
        self,
        version: ArticleContent,
        *,
        lang: str,
        options: ImportOptions,
        page_ids: dict[str, int],
        quiet: bool = False,
    ) -> FileReport:
        report = import_content(
            with_demo_links(version, page_ids),
            lang=lang,
            source=f"demo:{version.slug}.{lang}",
            options=options,
        )
        if report.outcome is Outcome.FAILED:
            # Demo content is ours: a failure is a bug; the transaction is rolled back.
            raise CommandError(
                f"demo article {version.slug} ({lang}) failed: {report.reason}", returncode=1
            )
        if not quiet:
            self.stdout.write(_described(version, lang, report))
        return report


CREATED = "created"
EXISTS = "exists"


def _state(report: FileReport) -> str:
    """ "created" for a new article or a translation added to one (only new languages are
    written here), "exists" for a language left as it is, else the import's outcome."""
    if report.outcome in (Outcome.CREATED, Outcome.UPDATED):
        return CREATED
    if report.outcome is Outcome.SKIPPED and report.reason.startswith(ALREADY_THERE):
        return EXISTS
    return report.outcome.value


def _described(version: ArticleContent, lang: str, report: FileReport) -> str:
    state = _state(report)
    reason = f": {report.reason}" if state not in (CREATED, EXISTS) and report.reason else ""
    return f"Article {version.slug} ({lang}): {state}{reason}"


def _demo_page_ids(index: ArticleIndexPage) -> dict[str, int]:
    """Ids of the demo articles that exist below ``index``, by their original slug."""
    ids = {}
    for (lang, content), _translations in DEMO_ARTICLES:
        column = build_localized_fieldname("slug", lang)
        page = ArticlePage.objects.child_of(index).filter(**{column: content.slug}).first()
        if page is not None:
            ids[content.slug] = page.pk
    return ids


def _page(page_id: int | None) -> ArticlePage | None:
    return ArticlePage(pk=page_id) if page_id is not None else None
