"""Response shapes. The views build plain dicts (``representation.py``); these serializers give
them their documented, typed form, so the OpenAPI schema describes exactly what is sent."""

from __future__ import annotations

from rest_framework import serializers


class FallbackSerializer(serializers.Serializer):
    field = serializers.CharField(help_text='Path of the field, e.g. "sections[2].body".')
    lang = serializers.CharField(help_text="Language the value was taken from instead.")


class MissingTextSerializer(serializers.Serializer):
    field = serializers.CharField(help_text='Path of the field, e.g. "sections[2].heading".')
    label = serializers.CharField(help_text='For people, e.g. "Section 3 heading".')


class AlternateSerializer(serializers.Serializer):
    lang = serializers.CharField(help_text='hreflang value: a language code or "x-default".')
    url = serializers.URLField()


class SectionSerializer(serializers.Serializer):
    heading = serializers.CharField()
    anchor = serializers.CharField(help_text="Unique ASCII id for the heading (URL fragment).")
    body = serializers.CharField(help_text="Sanitised HTML.")


class FAQSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField(help_text="Sanitised HTML.")


class KeywordSerializer(serializers.Serializer):
    term = serializers.CharField()
    focus = serializers.BooleanField()


class ImageSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="Absolute URL of the rendition.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField(allow_blank=True)


class OpenGraphSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    url = serializers.URLField()
    site_name = serializers.CharField()
    locale = serializers.CharField(help_text='og:locale, e.g. "de_DE".')
    locale_alternates = serializers.ListField(child=serializers.CharField())
    image = ImageSerializer(allow_null=True)
    published_time = serializers.DateTimeField(allow_null=True)
    modified_time = serializers.DateTimeField(allow_null=True)
    tags = serializers.ListField(child=serializers.CharField())


class SeoSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="<title>: the SEO title, else the title.")
    description = serializers.CharField(
        allow_blank=True, help_text="Meta description: the search description, else the intro."
    )
    canonical_url = serializers.URLField(help_text="Always the article in this language.")
    robots = serializers.CharField()
    alternates = AlternateSerializer(many=True)
    open_graph = OpenGraphSerializer()
    json_ld = serializers.ListField(
        child=serializers.DictField(),
        help_text="schema.org objects (BlogPosting, FAQPage when there are FAQs, "
        "BreadcrumbList), each ready for a <script type=application/ld+json>.",
    )


class ArticleDetailSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    lang = serializers.CharField()
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.URLField(help_text="The article's URL on the frontend.")
    intro = serializers.CharField(allow_blank=True, help_text="Sanitised HTML.")
    sections = SectionSerializer(many=True)
    conclusion = serializers.CharField(allow_blank=True, help_text="Sanitised HTML.")
    faqs = FAQSerializer(many=True)
    keywords = KeywordSerializer(many=True)
    hero_image = ImageSerializer(allow_null=True)
    author = serializers.CharField(allow_blank=True)
    reading_time = serializers.IntegerField(help_text="Minutes, at least 1.")
    word_count = serializers.IntegerField()
    published_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField(allow_null=True)
    languages = serializers.ListField(
        child=serializers.CharField(),
        help_text="Languages the article is published in (with CMS_INCOMPLETE_LANGUAGES=hide "
        "only complete ones).",
    )
    complete = serializers.BooleanField(
        help_text="Whether this language has every text of the article's primary language. "
        "False only with CMS_INCOMPLETE_LANGUAGES=fallback: then robots is noindex and no "
        "hreflang alternate points here."
    )
    missing = MissingTextSerializer(
        many=True, help_text="Texts the primary language has and this language lacks."
    )
    fallbacks = FallbackSerializer(many=True)
    seo = SeoSerializer()


class ArticleListItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    intro = serializers.CharField(allow_blank=True, help_text="Sanitised HTML.")
    url = serializers.URLField()
    published_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField(allow_null=True)
    focus_keyword = serializers.CharField(allow_null=True)
    languages = serializers.ListField(child=serializers.CharField())
    complete = serializers.BooleanField(
        help_text="False: served with fallback text (CMS_INCOMPLETE_LANGUAGES=fallback)."
    )
    fallbacks = FallbackSerializer(many=True)


class PaginatedSerializer(serializers.Serializer):
    lang = serializers.CharField()
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    next = serializers.CharField(allow_null=True, help_text="Relative URL of the next page.")
    previous = serializers.CharField(allow_null=True)


class ArticleListSerializer(PaginatedSerializer):
    results = ArticleListItemSerializer(many=True)


class KeywordUsageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    term = serializers.CharField()
    article_count = serializers.IntegerField(help_text="Live articles in this language using it.")
    fallbacks = FallbackSerializer(many=True)


class KeywordListSerializer(PaginatedSerializer):
    results = KeywordUsageSerializer(many=True)


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    name_local = serializers.CharField()
    default = serializers.BooleanField()
    fallbacks = serializers.ListField(
        child=serializers.CharField(),
        help_text="Where this language's untranslated fields come from, in order (may be empty).",
    )


class LanguagesSerializer(serializers.Serializer):
    default = serializers.CharField()
    languages = LanguageSerializer(many=True)


class SitemapEntrySerializer(serializers.Serializer):
    url = serializers.URLField()
    lastmod = serializers.DateTimeField(allow_null=True)
    alternates = AlternateSerializer(many=True)


class SitemapSerializer(serializers.Serializer):
    lang = serializers.CharField()
    results = SitemapEntrySerializer(many=True)


class ApiEndpointSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField(help_text="Path of the endpoint; {slug} is a placeholder.")
    description = serializers.CharField()


class ApiRootSerializer(serializers.Serializer):
    version = serializers.CharField()
    endpoints = ApiEndpointSerializer(many=True)
    docs = serializers.CharField(help_text="Interactive documentation (Swagger UI).")
    schema = serializers.CharField(help_text="OpenAPI 3 schema.")


class SlugRedirectBodySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="slug_changed")
    message = serializers.CharField()
    location = serializers.CharField(help_text="The article's detail URL now.")
    slug = serializers.CharField(help_text="The article's slug now, in this language.")
    lang = serializers.CharField()
    frontend_url = serializers.URLField(help_text="The article's frontend URL now.")


class SlugRedirectSerializer(serializers.Serializer):
    redirect = SlugRedirectBodySerializer()


class ErrorBodySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable machine-readable code.")
    message = serializers.CharField()
    details = serializers.DictField(help_text="What exactly was wrong.")


class ErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer()
