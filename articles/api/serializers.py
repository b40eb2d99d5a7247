"""Response shapes. The views build plain dicts (``representation.py``); these serializers give
them their documented, typed form, so the OpenAPI schema describes exactly what is sent."""

from __future__ import annotations

from rest_framework import serializers


class FallbackSerializer(serializers.Serializer):
    field = serializers.CharField(help_text='Path of the field, e.g. "sections[2].body".')
    lang = serializers.CharField(help_text="Language the value was taken from instead.")


class AlternateSerializer(serializers.Serializer):
    lang = serializers.CharField(help_text='hreflang value: a language code or "x-default".')
    url = serializers.URLField()
    path = serializers.CharField(
        help_text="The URL without scheme and host (e.g. /de/blog/<slug>/), for links within "
        "whatever host serves the frontend."
    )


class BreadcrumbSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.URLField()
    path = serializers.CharField(
        help_text="The URL without scheme and host (e.g. /de/blog/<slug>/), for links within "
        "whatever host serves the frontend."
    )


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


class ImageSourceSerializer(serializers.Serializer):
    type = serializers.CharField(help_text='MIME type for <source type>, e.g. "image/avif".')
    srcset = serializers.CharField()


class FocalPointSerializer(serializers.Serializer):
    x = serializers.FloatField(help_text="0-1 from the left of the original image.")
    y = serializers.FloatField(help_text="0-1 from the top.")


class ImageSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="Absolute URL of the rendition (MEDIA_BASE_URL).")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField(allow_blank=True)


class ResponsiveImageSerializer(ImageSerializer):
    srcset = serializers.CharField(help_text="The same crop at several widths (<img srcset>).")
    sizes = serializers.CharField(help_text="API_IMAGE_SIZES, for <img sizes>.")
    sources = ImageSourceSerializer(
        many=True, help_text="Modern formats (AVIF, WebP) best first, for <picture><source>."
    )
    focal_point = FocalPointSerializer(
        allow_null=True, help_text="The editor's focal point (CSS object-position)."
    )


class OpenGraphSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    url = serializers.URLField()
    site_name = serializers.CharField()
    locale = serializers.CharField(help_text='og:locale, e.g. "de_DE".')
    locale_alternates = serializers.ListField(child=serializers.CharField())
    image = ResponsiveImageSerializer(allow_null=True)
    published_time = serializers.DateTimeField(allow_null=True)
    modified_time = serializers.DateTimeField(allow_null=True)
    tags = serializers.ListField(child=serializers.CharField())


class TwitterCardSerializer(serializers.Serializer):
    card = serializers.ChoiceField(choices=["summary", "summary_large_image"])
    site = serializers.CharField(allow_null=True, help_text="TWITTER_SITE, e.g. @example.")
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    image = serializers.URLField(allow_null=True)
    image_alt = serializers.CharField(allow_null=True)


class HeadElementSerializer(serializers.Serializer):
    tag = serializers.ChoiceField(choices=["title", "meta", "link", "script"])
    attributes = serializers.DictField(
        child=serializers.CharField(), help_text="Attribute name -> value, ready to escape."
    )
    text = serializers.CharField(
        allow_null=True,
        help_text="The element's text (<title>, a JSON-LD <script>); null for meta and link.",
    )


class SeoSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="<title>: the SEO title, else the title.")
    description = serializers.CharField(
        allow_blank=True, help_text="Meta description: the search description, else the intro."
    )
    canonical_url = serializers.URLField(help_text="Always the article in this language.")
    canonical_path = serializers.CharField(help_text="canonical_url without scheme and host.")
    robots = serializers.CharField()
    alternates = AlternateSerializer(many=True)
    open_graph = OpenGraphSerializer()
    twitter = TwitterCardSerializer()
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
    path = serializers.CharField(
        help_text="The URL without scheme and host (e.g. /de/blog/<slug>/), for links within "
        "whatever host serves the frontend."
    )
    intro = serializers.CharField(allow_blank=True, help_text="Sanitised HTML.")
    sections = SectionSerializer(many=True)
    conclusion = serializers.CharField(allow_blank=True, help_text="Sanitised HTML.")
    faqs = FAQSerializer(many=True)
    keywords = KeywordSerializer(many=True)
    hero_image = ResponsiveImageSerializer(allow_null=True)
    author = serializers.CharField(allow_blank=True)
    author_type = serializers.ChoiceField(
        choices=["Person", "Organization"], help_text="schema.org type of the author."
    )
    reading_time = serializers.IntegerField(help_text="Minutes, at least 1.")
    word_count = serializers.IntegerField()
    published_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField(allow_null=True)
    languages = serializers.ListField(
        child=serializers.CharField(), help_text="Languages the article is translated into."
    )
    fallbacks = FallbackSerializer(many=True)
    breadcrumbs = BreadcrumbSerializer(
        many=True, help_text="Home, the article index, the article (as in the BreadcrumbList)."
    )
    seo = SeoSerializer()
    head = HeadElementSerializer(
        many=True,
        help_text="The <head> elements, ready to render: title, meta, canonical and hreflang "
        "links, Open Graph, Twitter card, JSON-LD scripts (built from seo).",
    )


class ArticleListItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    intro = serializers.CharField(allow_blank=True, help_text="Sanitised HTML.")
    url = serializers.URLField()
    path = serializers.CharField(
        help_text="The URL without scheme and host (e.g. /de/blog/<slug>/), for links within "
        "whatever host serves the frontend."
    )
    published_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField(allow_null=True)
    hero_image = ResponsiveImageSerializer(allow_null=True)
    focus_keyword = serializers.CharField(allow_null=True)
    languages = serializers.ListField(child=serializers.CharField())
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
    path = serializers.CharField(
        help_text="The URL without scheme and host (e.g. /de/blog/<slug>/), for links within "
        "whatever host serves the frontend."
    )
    lastmod = serializers.DateTimeField(allow_null=True)
    alternates = AlternateSerializer(many=True)


class SitemapSerializer(serializers.Serializer):
    lang = serializers.CharField()
    results = SitemapEntrySerializer(many=True)


class ErrorBodySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable machine-readable code.")
    message = serializers.CharField()
    details = serializers.DictField(help_text="What exactly was wrong.")


class ErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer()
