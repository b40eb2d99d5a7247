"""Response shapes. The views build plain dicts (``representation.py``); these serializers give
them their documented, typed form, so the OpenAPI schema describes exactly what is sent."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

# One "Language" enum component in the schema for every language code (ENUM_NAME_OVERRIDES in
# cms/settings/base.py maps this choice set to that name), "Hreflang" where x-default may occur.
LANGUAGE_CHOICES = list(settings.MODELTRANSLATION_LANGUAGES)
HREFLANG_CHOICES = [*LANGUAGE_CHOICES, "x-default"]


def language_field(**kwargs) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=LANGUAGE_CHOICES, **kwargs)


def languages_field(**kwargs) -> serializers.ListField:
    return serializers.ListField(child=language_field(), **kwargs)


class FallbackSerializer(serializers.Serializer):
    field = serializers.CharField(help_text='Path of the field, e.g. "sections[2].body".')
    lang = language_field(help_text="Language the value was taken from instead.")


class MissingTextSerializer(serializers.Serializer):
    field = serializers.CharField(help_text='Path of the field, e.g. "sections[2].heading".')
    label = serializers.CharField(help_text='For people, e.g. "Section 3 heading".')


class AlternateSerializer(serializers.Serializer):
    lang = serializers.ChoiceField(
        choices=HREFLANG_CHOICES, help_text='hreflang value: a language code or "x-default".'
    )
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


def _json_ld_type(type_name: str, required: list[str], properties: dict) -> dict:
    return {
        "type": "object",
        "title": type_name,
        "properties": {
            "@context": {"type": "string", "enum": ["https://schema.org"]},
            "@type": {"type": "string", "enum": [type_name]},
            "@id": {"type": "string"},
            **properties,
        },
        "required": ["@context", "@type", *required],
        "additionalProperties": True,
    }


_THING = {
    "type": "object",
    "properties": {"@type": {"type": "string"}, "name": {"type": "string"}},
    "required": ["@type"],
    "additionalProperties": True,
}
JSON_LD_SCHEMA = {
    "oneOf": [
        _json_ld_type(
            "BlogPosting",
            ["headline", "author", "publisher", "url"],
            {
                "headline": {"type": "string"},
                "description": {"type": "string"},
                "inLanguage": {"$ref": "#/components/schemas/Language"},
                "datePublished": {"type": "string", "format": "date-time"},
                "dateModified": {"type": "string", "format": "date-time"},
                "author": _THING,
                "publisher": _THING,
                "mainEntityOfPage": _THING,
                "url": {"type": "string", "format": "uri"},
                "image": {"type": "array", "items": {"type": "string", "format": "uri"}},
                "keywords": {"type": "string"},
                "wordCount": {"type": "integer"},
            },
        ),
        _json_ld_type(
            "FAQPage",
            ["mainEntity"],
            {"mainEntity": {"type": "array", "items": _THING}},
        ),
        _json_ld_type(
            "BreadcrumbList",
            ["itemListElement"],
            {
                "itemListElement": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "@type": {"type": "string", "enum": ["ListItem"]},
                            "position": {"type": "integer"},
                            "name": {"type": "string"},
                            "item": {"type": "string", "format": "uri"},
                        },
                        "required": ["@type", "position", "name"],
                    },
                }
            },
        ),
    ],
    "discriminator": {"propertyName": "@type"},
}


@extend_schema_field({"type": "array", "items": JSON_LD_SCHEMA})
class JsonLdField(serializers.ListField):
    child = serializers.DictField()


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
    json_ld = JsonLdField(
        help_text="schema.org objects (BlogPosting, FAQPage when there are FAQs, "
        "BreadcrumbList), each ready for a <script type=application/ld+json>.",
    )


class ArticleDetailSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    lang = language_field()
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
    languages = languages_field(
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
    languages = languages_field()
    complete = serializers.BooleanField(
        help_text="False: served with fallback text (CMS_INCOMPLETE_LANGUAGES=fallback)."
    )
    fallbacks = FallbackSerializer(many=True)


class PaginatedSerializer(serializers.Serializer):
    lang = language_field()
    count = serializers.IntegerField(
        help_text="Items in the whole list (counted once per content version, then cached)."
    )
    page = serializers.IntegerField(allow_null=True, help_text="Null with ?cursor=.")
    page_size = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    next = serializers.CharField(
        allow_null=True,
        help_text="URL of the next page, relative to the API's host (path and query).",
    )
    previous = serializers.CharField(
        allow_null=True, help_text="Likewise, the previous page (always null with ?cursor=)."
    )
    next_page = serializers.IntegerField(
        allow_null=True, help_text="Number of the next page (null with ?cursor=)."
    )
    previous_page = serializers.IntegerField(
        allow_null=True, help_text="Number of the previous page (null with ?cursor=)."
    )
    next_cursor = serializers.CharField(
        allow_null=True,
        help_text="Pass as ?cursor= to continue after this page (keyset pagination); null on "
        "the last page.",
    )


class ArticleListSerializer(PaginatedSerializer):
    results = ArticleListItemSerializer(many=True)


class KeywordUsageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    term = serializers.CharField()
    article_count = serializers.IntegerField(help_text="Live articles in this language using it.")
    fallbacks = FallbackSerializer(many=True)


class KeywordListSerializer(PaginatedSerializer):
    results = KeywordUsageSerializer(many=True)


@extend_schema_serializer(component_name="LanguageInfo")  # "Language" is the code enum
class LanguageSerializer(serializers.Serializer):
    code = language_field()
    name = serializers.CharField()
    name_local = serializers.CharField()
    default = serializers.BooleanField()
    fallbacks = languages_field(
        help_text="Where this language's untranslated fields come from, in order (may be empty).",
    )


class LanguagesSerializer(serializers.Serializer):
    default = language_field()
    languages = LanguageSerializer(many=True)


class SitemapEntrySerializer(serializers.Serializer):
    url = serializers.URLField()
    path = serializers.CharField(
        help_text="The URL without scheme and host (e.g. /de/blog/<slug>/), for links within "
        "whatever host serves the frontend."
    )
    lastmod = serializers.DateTimeField(allow_null=True)
    alternates = AlternateSerializer(many=True)


class SitemapSerializer(PaginatedSerializer):
    results = SitemapEntrySerializer(many=True)


ERROR_CODES = [
    "invalid_parameter",
    "unsupported_language",
    "article_not_found",
    "article_incomplete",
    "page_out_of_range",
    "invalid_cursor",
    "cursor_expired",
    "not_found",
    "method_not_allowed",
    "not_authenticated",
    "authentication_failed",
    "invalid_token",
    # The draft preview endpoint (articles/api/preview.py): the token's absence, validity and
    # scope, and a page or revision that no longer exists.
    "token_missing",
    "token_invalid",
    "token_scope",
    "preview_not_found",
    "permission_denied",
    "throttled",
    "service_unavailable",
    "server_error",
    # What JsonErrorsUnderApi names after the HTTP status when something outside the views
    # answers (a bad Host header, an oversized request...).
    "bad_request",
    "forbidden",
    "not_acceptable",
    "unsupported_media_type",
    "parse_error",
    "request_header_fields_too_large",
    "content_too_large",
    "internal_server_error",
]


def _or_messages(schema: dict, codes: str) -> dict:
    """A detail named like a query parameter: its value for ``codes``, or - with
    invalid_parameter - that parameter's messages."""
    return {
        "anyOf": [schema, {"type": "array", "items": {"type": "string"}}],
        "description": f"{codes}; with invalid_parameter, the parameter's messages.",
    }


@extend_schema_field(
    {
        "type": "object",
        "description": "What exactly was wrong. The named properties appear with the codes "
        "that use them; for invalid_parameter every other property is a parameter name with "
        "its messages.",
        "properties": {
            "slug": _or_messages({"type": "string"}, "article_not_found"),
            "lang": _or_messages({"type": "string"}, "article_not_found, unsupported_language"),
            "available_languages": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Language"},
                "description": "article_not_found: the languages the slug's article exists in.",
            },
            "translations": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "lang": {"$ref": "#/components/schemas/Language"},
                        "slug": {"type": "string"},
                        "url": {"type": "string", "format": "uri"},
                        "path": {"type": "string"},
                    },
                    "required": ["lang", "slug", "url", "path"],
                },
                "description": "article_not_found: each language's slug, URL and path.",
            },
            "supported": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Language"},
                "description": "unsupported_language",
            },
            "page": _or_messages({"type": "integer"}, "page_out_of_range"),
            "num_pages": {"type": "integer", "description": "page_out_of_range"},
            "retry_after_seconds": {"type": "integer", "description": "throttled"},
            "path": _or_messages({"type": "string"}, "not_found"),
        },
        "additionalProperties": {
            "oneOf": [
                {"type": "array", "items": {"type": "string"}},
                {"type": "string"},
                {"type": "integer"},
            ]
        },
    }
)
class ErrorDetailsField(serializers.DictField):
    pass


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
    lang = language_field()
    frontend_url = serializers.URLField(help_text="The article's frontend URL now.")


class SlugRedirectSerializer(serializers.Serializer):
    redirect = SlugRedirectBodySerializer()


class ErrorBodySerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ERROR_CODES, help_text="Stable machine-readable code.")
    message = serializers.CharField()
    details = ErrorDetailsField()


class ErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer()
