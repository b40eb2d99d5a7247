"""Rich text in API responses: internal links rewritten, embeds expanded, sanitised."""

from __future__ import annotations

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from articles.richtext import html_to_text, sanitise_html, truncate_words
from tests.articles.api.conftest import article_content

FRONTEND = "http://localhost:3000"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p>Hi<script>alert("x")</script></p>', "<p>Hi</p>"),
        ('<p onclick="steal()">Text</p>', "<p>Text</p>"),
        ('<a href="javascript:alert(1)">link</a>', "link"),
        ('<p data-block-key="a1b2c">Text</p>', "<p>Text</p>"),
        ('<img src="x" onerror="alert(1)">', '<img src="x">'),
        ("<style>p{}</style><p>Text</p>", "<p>Text</p>"),
        ('<iframe src="javascript:alert(1)"></iframe>', "<iframe></iframe>"),
        ('<a linktype="page" id="3">orphan</a>', "orphan"),
        (
            '<a href="https://example.com/a?b=1&amp;c=2">x</a>',
            '<a href="https://example.com/a?b=1&amp;c=2">x</a>',
        ),
        ("<h3>Title</h3><ul><li>One</li></ul>", "<h3>Title</h3><ul><li>One</li></ul>"),
        ('<a href="/x" data-path="/de/x/">x</a>', '<a href="/x" data-path="/de/x/">x</a>'),
        ('<a href="/x" data-path="javascript:alert(1)">x</a>', '<a href="/x">x</a>'),
        ('<a href="/x" data-path="//evil.example/">x</a>', '<a href="/x">x</a>'),
    ],
)
def test_output_html_is_sanitised(html, expected):
    assert sanitise_html(html) == expected


def test_html_to_text_separates_blocks():
    assert html_to_text("<p>One&amp;</p><p>two<br>three</p>") == "One& two three"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("short", 10, "short"), ("one two three four", 10, "one two…"), ("abcdefghijk", 5, "abcd…")],
)
def test_truncate_words_cuts_at_a_word_boundary(text, limit, expected):
    assert truncate_words(text, limit) == expected


@pytest.mark.django_db
class TestRichTextInResponses:
    @pytest.fixture
    def target(self, make_article):
        return make_article(
            content=article_content(slug="ziel-artikel"),
            translations={"en": article_content(slug="target-article")},
        )

    @pytest.fixture
    def german_only_target(self, make_article):
        return make_article(content=article_content(slug="nur-deutsch"), translations={})

    @pytest.fixture
    def draft_target(self, make_article):
        return make_article(content=article_content(slug="entwurf"), publish=False)

    def make_linking_article(self, make_article, body_de, body_en):
        return make_article(
            content=article_content(slug="verweise", body=lambda n: body_de),
            translations={"en": article_content(slug="links", body=lambda n: body_en)},
        )

    def test_internal_links_point_to_the_frontend_in_the_same_language(
        self, client, make_article, target
    ):
        link = f'<p>See <a linktype="page" id="{target.pk}">this article</a>.</p>'
        self.make_linking_article(make_article, link, link)
        german = client.get("/api/v1/articles/verweise/?lang=de").json()["sections"][0]["body"]
        english = client.get("/api/v1/articles/links/?lang=en").json()["sections"][0]["body"]
        assert german == (
            f'<p>See <a href="{FRONTEND}/de/blog/ziel-artikel/" '
            'data-path="/de/blog/ziel-artikel/">this article</a>.</p>'
        )
        assert english == (
            f'<p>See <a href="{FRONTEND}/en/blog/target-article/" '
            'data-path="/en/blog/target-article/">this article</a>.</p>'
        )

    def test_link_to_an_untranslated_page_falls_back_to_the_default_language(
        self, client, make_article, german_only_target
    ):
        link = f'<p><a linktype="page" id="{german_only_target.pk}">German only</a></p>'
        self.make_linking_article(make_article, link, link)
        english = client.get("/api/v1/articles/links/?lang=en").json()["sections"][0]["body"]
        assert english == (
            f'<p><a href="{FRONTEND}/de/blog/nur-deutsch/" '
            'data-path="/de/blog/nur-deutsch/">German only</a></p>'
        )

    @pytest.mark.parametrize("target_id", ["draft", "999999", "not-a-number"])
    def test_link_to_a_hidden_or_missing_page_keeps_only_its_text(
        self, client, make_article, draft_target, target_id
    ):
        page_id = draft_target.pk if target_id == "draft" else target_id
        link = f'<p>Read <a linktype="page" id="{page_id}">more</a>.</p>'
        self.make_linking_article(make_article, link, link)
        body = client.get("/api/v1/articles/verweise/?lang=de").json()["sections"][0]["body"]
        assert body == "<p>Read more.</p>"

    def test_link_to_the_article_index_uses_its_path_below_the_site_root(
        self, client, make_article, article_index
    ):
        link = f'<p><a linktype="page" id="{article_index.pk}">All articles</a></p>'
        self.make_linking_article(make_article, link, link)
        body = client.get("/api/v1/articles/links/?lang=en").json()["sections"][0]["body"]
        expected = f'<p><a href="{FRONTEND}/en/blog/" data-path="/en/blog/">All articles</a></p>'
        assert body == expected

    def test_images_are_expanded_with_absolute_rendition_urls(
        self, client, make_article, hero_image
    ):
        embed = f'<embed embedtype="image" id="{hero_image.pk}" format="left" alt="A blue square"/>'
        self.make_linking_article(make_article, f"<p>Before</p>{embed}", "<p>x</p>")
        body = client.get("/api/v1/articles/verweise/?lang=de").json()["sections"][0]["body"]
        assert body.startswith('<p>Before</p><img src="http://')
        assert 'alt="A blue square"' in body and 'class="richtext-image left"' in body
        assert "embedtype" not in body

    def test_media_embeds_are_expanded_from_the_embed_cache(self, client, make_article):
        url = "https://www.youtube.com/watch?v=abc123"
        Embed.objects.create(
            url=url,
            hash=get_embed_hash(url),
            type="video",
            html='<iframe src="https://www.youtube.com/embed/abc123" width="480" height="270" '
            'onload="evil()"></iframe>',
            width=480,
            height=270,
        )
        self.make_linking_article(
            make_article, f'<embed embedtype="media" url="{url}"/>', "<p>x</p>"
        )
        body = client.get("/api/v1/articles/verweise/?lang=de").json()["sections"][0]["body"]
        assert body == (
            '<div class="embed" data-ratio="56.25%">'
            '<iframe src="https://www.youtube.com/embed/abc123" width="480" height="270">'
            "</iframe></div>"
        )

    def test_scripts_stored_by_any_path_never_reach_the_frontend(self, client, make_article):
        hostile = '<p onmouseover="x()">Hi</p><script>document.cookie</script>'
        make_article(
            content=article_content(
                slug="boese", intro=hostile, body=lambda n: hostile, answer=lambda n: hostile
            )
        )
        body = client.get("/api/v1/articles/boese/?lang=de").content.decode()
        assert "<script" not in body and "onmouseover" not in body and "document.cookie" not in body
        listing = client.get("/api/v1/articles/?lang=de").content.decode()
        assert "<script" not in listing and "onmouseover" not in listing


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p><a href="https://shop.example/x#rel=sponsored">Shop</a></p>',
            '<p><a href="https://shop.example/x" rel="sponsored">Shop</a></p>',
        ),
        (
            '<a href="https://x.example/#rel=sponsored+nofollow">x</a>',
            '<a href="https://x.example/" rel="nofollow sponsored">x</a>',
        ),
        (
            '<a href="https://x.example/#rel=NOFOLLOW">x</a>',
            '<a href="https://x.example/" rel="nofollow">x</a>',
        ),
        # A stored rel (an import, pasted HTML) keeps the known relations only.
        (
            '<a href="https://x.example/" rel="ugc me">x</a>',
            '<a href="https://x.example/" rel="ugc">x</a>',
        ),
        (
            '<a href="https://x.example/" rel="stylesheet">x</a>',
            '<a href="https://x.example/">x</a>',
        ),
        # An unknown relation in the marker: the marker goes, nothing is added.
        ('<a href="https://x.example/#rel=bogus">x</a>', '<a href="https://x.example/">x</a>'),
        # A real fragment is left alone.
        ('<a href="https://x.example/#part-2">x</a>', '<a href="https://x.example/#part-2">x</a>'),
    ],
)
def test_editors_set_link_relations_with_a_url_marker(html, expected):
    assert sanitise_html(html) == expected


def test_relations_survive_the_api_and_subheadings_get_unique_ids(client, make_article):
    import dataclasses

    from articles.content import SectionContent

    long_heading = "Warum der Boden im Winter ruht und was Gärtnerinnen daraus lernen " * 2
    content = dataclasses.replace(
        article_content(slug="ids"),
        sections=(
            SectionContent(
                heading="Pflege",
                body_html=(
                    "<h3>Pflege</h3><p>Text <a href='https://shop.example/#rel=sponsored'>"
                    "Shop</a>.</p><h4>Größe &amp; Preis</h4><p>More.</p>"
                ),
            ),
            SectionContent(heading=long_heading, body_html="<h3>Größe &amp; Preis</h3>"),
        ),
    )
    make_article(content=content)
    body = client.get("/api/v1/articles/ids/?lang=de").json()
    first, second = body["sections"]
    assert first["anchor"] == "pflege"
    assert '<h3 id="pflege-2">Pflege</h3>' in first["body"]
    assert '<h4 id="grosse-preis">Größe &amp; Preis</h4>' in first["body"]
    assert '<a href="https://shop.example/" rel="sponsored">Shop</a>' in first["body"]
    assert '<h3 id="grosse-preis-2">' in second["body"]
    # Cut between words, not inside one.
    anchor = second["anchor"]
    assert len(anchor) <= 80
    assert long_heading.lower().replace("ä", "a").replace(" ", "-").startswith(anchor + "-")


def test_anchor_is_cut_at_a_word_boundary():
    from articles.richtext import anchor_base

    anchor = anchor_base("word " * 30)
    assert anchor == "-".join(["word"] * 16)
    assert anchor_base("x" * 100) == "x" * 80
