"""Fixtures and helpers for the SEO admin tests."""

from __future__ import annotations

import re

import pytest

from tests.shared_data import shared_data


@shared_data
def bilingual_article(build):
    """A published German article with an English translation (both live)."""
    from tests.factories import ArticleContentFactory

    return build.article(
        "de",
        section_count=3,
        faq_count=4,
        keyword_count=3,
        translations={
            "en": ArticleContentFactory(
                lang_tag="en", section_count=3, faq_count=4, keyword_count=3
            )
        },
    )


@pytest.fixture
def admin_only_user(db):
    """May log in to the admin, but holds no page permission anywhere."""
    from django.contrib.auth.models import Group, Permission

    from tests.factories import UserFactory

    group = Group.objects.create(name="Admin access only")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = UserFactory(username="visitor")
    user.groups.add(group)
    return user


@pytest.fixture
def admin_only_client(client, admin_only_user):
    client.force_login(admin_only_user)
    return client


def edit_url(page) -> str:
    return f"/admin/pages/{page.id}/edit/"


def analysis_url(page) -> str:
    return f"/admin/seo/pages/{page.id}/analysis/"


def focus_term(page, lang: str) -> str:
    link = next(link for link in page.keywords.all() if link.focus)
    return getattr(link.keyword, f"term_{lang}")


def description_with(term: str) -> str:
    """A meta description of 120-156 characters that starts with ``term``."""
    text = f"{term}: what it is, how it works and what to watch out for, explained step by step"
    text += " with examples, a checklist and answers to common questions."
    return text[:150]


SCORE_RE = re.compile(r'data-seo-lang="(?P<lang>[a-z]{2})"(?: data-seo-score="(?P<score>\d+)")?')


def panel_scores(html: str) -> dict[str, int | None]:
    """Each language section of the SEO panel with its score (None when not translated)."""
    return {
        match["lang"]: int(match["score"]) if match["score"] else None
        for match in SCORE_RE.finditer(html)
    }


def language_section(html: str, lang: str) -> str:
    """The HTML of one language's section of the panel (up to the next language's section)."""
    start = html.index(f'data-seo-lang="{lang}"')
    following = [
        html.find('data-seo-lang="', start + 1),
        html.find("</template>", start),
    ]
    ends = [index for index in following if index != -1]
    return html[start : min(ends)] if ends else html[start:]
