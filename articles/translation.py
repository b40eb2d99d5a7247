"""Translated fields. Page's own title, slug, seo_title and search_description are registered by
wagtail-modeltranslation on ``wagtailcore.Page``; registering them again here fails at start-up."""

from modeltranslation.translator import TranslationOptions, register

from articles.models import FAQ, ArticleIndexPage, ArticlePage, Section


@register(ArticleIndexPage)
class ArticleIndexPageTranslationOptions(TranslationOptions):
    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTranslationOptions(TranslationOptions):
    fields = ("intro", "conclusion", "hero_image_alt", "translation_complete")


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body")


@register(FAQ)
class FAQTranslationOptions(TranslationOptions):
    fields = ("question", "answer")
