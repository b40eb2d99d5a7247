"""Test data builders. Pages are created through the real services (tree, revisions, languages)."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent


class SectionContentFactory(factory.Factory):
    class Meta:
        model = SectionContent

    heading = factory.Sequence(lambda n: f"Section heading number {n}")
    body_html = factory.Sequence(
        lambda n: f"<p>Paragraph {n} explains one idea in plain words for the reader.</p>"
    )


class FAQContentFactory(factory.Factory):
    class Meta:
        model = FAQContent

    question = factory.Sequence(lambda n: f"What is question number {n}?")
    answer_html = factory.Sequence(lambda n: f"<p>Answer number {n} is short and clear.</p>")


class ArticleContentFactory(factory.Factory):
    """``ArticleContentFactory(sections=6, faqs=5, keywords=9, lang_tag="de")``."""

    class Meta:
        model = ArticleContent

    class Params:
        section_count = 2
        faq_count = 2
        keyword_count = 3
        lang_tag = "en"

    title = factory.Sequence(lambda n: f"Article title number {n}")
    slug = factory.LazyAttributeSequence(lambda o, n: f"article-{o.lang_tag}-{n}")
    seo_title = factory.LazyAttribute(lambda o: f"{o.title} | Guide")
    search_description = factory.LazyAttribute(lambda o: f"A short description of {o.title}.")
    intro_html = factory.LazyAttribute(lambda o: f"<p>An introduction to {o.title}.</p>")
    conclusion_html = "<p>The conclusion sums it up.</p>"
    author_name = "Test Author"
    sections = factory.LazyAttribute(
        lambda o: tuple(SectionContentFactory() for _ in range(o.section_count))
    )
    faqs = factory.LazyAttribute(lambda o: tuple(FAQContentFactory() for _ in range(o.faq_count)))
    keywords = factory.LazyAttributeSequence(
        lambda o, n: tuple(
            KeywordContent(term=f"keyword {o.lang_tag} {n}-{i}", focus=i == 0)
            for i in range(o.keyword_count)
        )
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    password = factory.django.Password("secret-password")


def make_editor(username: str = "editor"):
    """A user in Wagtail's own "Editors" group (created by Wagtail's data migration)."""
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name="Editors"))
    return user
