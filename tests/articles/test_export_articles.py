"""``manage.py export_articles``: files per article and language, round trips, draft or live."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.importing import ImportOptions, Outcome, import_article
from articles.models import ArticlePage
from articles.page_content import page_content
from articles.services import article_update_language
from articles.textformat import parse_article
from tests.factories import ArticleContentFactory, make_editor

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def run(command: str, *args: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command(command, *args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return error.returncode, stdout.getvalue(), str(error)
    return 0, stdout.getvalue(), stderr.getvalue()


def normalised(text: str) -> str:
    """Line endings and surrounding whitespace do not count; an empty first line is optional."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def import_fixture(index, name: str, **options) -> ArticlePage:
    report = import_article(
        (FIXTURES / name).read_bytes(),
        source=name,
        options=ImportOptions(parent=index, **options),
    )
    assert report.outcome is Outcome.CREATED, report
    return ArticlePage.objects.get(pk=report.page_id)


@pytest.fixture
def index(article_index):
    return article_index


def test_seed_imported_and_exported_equals_the_seed(seed_text, index, tmp_path):
    report = import_article(seed_text, source="seed.txt", options=ImportOptions(parent=index))
    assert report.outcome is Outcome.CREATED

    code, out, _ = run("export_articles", report.slug)

    assert code == 0
    assert normalised(out) == normalised(seed_text)


@pytest.mark.parametrize(
    "name",
    [
        "de_regenwasser.txt",
        "en_standing_desk.txt",
        "nl_snijplank.txt",
        "fr_chaussures_randonnee.txt",
    ],
)
def test_export_of_an_imported_fixture_gives_back_its_text(index, name):
    page = import_fixture(index, name)
    lang = name[:2]

    code, out, _ = run("export_articles", getattr(page, f"slug_{lang}"))

    assert code == 0
    assert normalised(out) == normalised((FIXTURES / name).read_text(encoding="utf-8"))


def test_files_are_named_by_slug_and_language_one_per_language(index, tmp_path):
    page = import_fixture(index, "de_regenwasser.txt")
    english = (FIXTURES / "en_rainwater.txt").read_bytes()
    import_article(
        english, source="en.txt", options=ImportOptions(parent=index, translation_of=page)
    )
    page.refresh_from_db()
    # A draft's translation lives in its latest revision, which is what an export shows.
    page = page.get_latest_revision_as_object()

    code, _, _ = run("export_articles", "--output", str(tmp_path))

    assert code == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [f"{page.slug_de}.de.txt", f"{page.slug_en}.en.txt"]
    )
    exported = parse_article((tmp_path / f"{page.slug_en}.en.txt").read_bytes()).article
    assert exported == parse_article(english).article


def test_export_then_import_gives_the_same_article(index, tmp_path):
    page = import_fixture(index, "de_regenwasser.txt")
    before = page_content(page.get_latest_revision_as_object(), "de")
    run("export_articles", "--output", str(tmp_path))
    [exported] = tmp_path.iterdir()

    again = import_article(
        exported.read_bytes(), source=str(exported), options=ImportOptions(parent=index)
    )
    assert again.outcome is Outcome.UNCHANGED

    page.delete()
    fresh = import_article(
        exported.read_bytes(), source=str(exported), options=ImportOptions(parent=index)
    )
    assert fresh.outcome is Outcome.CREATED
    new_page = ArticlePage.objects.get(pk=fresh.page_id)
    assert page_content(new_page.get_latest_revision_as_object(), "de") == before


def test_export_names_the_focus_keyword_first(index, make_article):
    content = ArticleContentFactory(lang_tag="de", keyword_count=3)
    keywords = (content.keywords[1], content.keywords[0], content.keywords[2])
    page = make_article("de", content=type(content)(**{**content.__dict__, "keywords": keywords}))

    code, out, _ = run("export_articles", page.slug_de)

    assert code == 0
    exported = parse_article(out).article
    assert exported.keywords[0] == content.keywords[0].term


def test_editor_made_content_exports_one_line_per_block(index, make_article):
    content = ArticleContentFactory(
        lang_tag="en",
        intro_html="<p>First <b>bold</b> idea.</p><p>Second idea &amp; more.</p>",
        faq_count=1,
    )
    page = make_article("en", content=content)

    code, out, _ = run("export_articles", page.slug_en, "--lang", "en")

    assert code == 0
    exported = parse_article(out).article
    assert exported.intro == ["First bold idea.", "Second idea & more."]


def test_latest_revision_by_default_and_the_published_one_with_live(index):
    page = import_fixture(index, "de_regenwasser.txt", publish=True)
    draft = page.get_latest_revision_as_object()
    draft.intro_de = "<p>Ein unveröffentlichter Entwurf.</p>"
    draft.save_revision(user=make_editor())

    _, latest, _ = run("export_articles", page.slug_de)
    _, live, _ = run("export_articles", page.slug_de, "--live")

    assert "Ein unveröffentlichter Entwurf." in latest
    assert "Ein unveröffentlichter Entwurf." not in live
    assert "Regenwasser ist weich" in live


def test_live_leaves_out_unpublished_articles(index):
    import_fixture(index, "de_regenwasser.txt")

    code, out, err = run("export_articles", "--live")

    assert code == 0
    assert out == ""
    assert "Nothing to export: the one article is not published (--live" in err


def test_lang_exports_only_that_language(index, tmp_path):
    page = import_fixture(index, "de_regenwasser.txt")
    english = (FIXTURES / "en_rainwater.txt").read_bytes()
    import_article(
        english, source="en.txt", options=ImportOptions(parent=index, translation_of=page)
    )

    run("export_articles", "--lang", "en", "--output", str(tmp_path))

    assert [path.name.endswith(".en.txt") for path in tmp_path.iterdir()] == [True]


def test_json_export_holds_the_structure_and_the_seo_fields(index, tmp_path):
    page = import_fixture(index, "nl_snijplank.txt")
    expected = parse_article((FIXTURES / "nl_snijplank.txt").read_bytes()).article

    code, out, _ = run("export_articles", "--format", "json")
    run("export_articles", "--format", "json", "--output", str(tmp_path))

    assert code == 0
    [document] = json.loads(out)
    assert document["id"] == page.pk
    assert document["slug"] == page.slug_nl
    assert document["language"] == "nl"
    assert document["title"] == expected.title
    assert [s["heading"] for s in document["sections"]] == [s.heading for s in expected.sections]
    assert document["keywords"] == expected.keywords
    assert {"seo_title", "search_description", "author_name"} <= set(document)
    [path] = tmp_path.iterdir()
    assert path.name == f"{page.slug_nl}.nl.json"
    assert json.loads(path.read_text(encoding="utf-8")) == document


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["no-such-slug"], "no article with the slug no-such-slug"),
        (["--lang", "xx"], "--lang xx: not a configured language"),
    ],
)
def test_bad_arguments_exit_with_code_2(index, arguments, message):
    code, _, error = run("export_articles", *arguments)
    assert code == 2
    assert message in error


def test_export_of_a_slug_in_the_wrong_language_is_a_bad_argument(index):
    page = import_fixture(index, "de_regenwasser.txt")
    code, _, error = run("export_articles", page.slug_de, "--lang", "en")
    assert code == 2
    assert re.search(r"no article with the slug .* in en", error)


def test_a_translated_article_exports_each_language_under_its_own_slug(index):
    page = import_fixture(index, "de_regenwasser.txt")
    article_update_language(page=page, lang="en", content=ArticleContentFactory(lang_tag="en"))
    page.refresh_from_db()
    page = page.get_latest_revision_as_object()

    code, out, _ = run("export_articles", "--format", "json")

    assert code == 0
    assert {(d["language"], d["slug"]) for d in json.loads(out)} == {
        ("de", page.slug_de),
        ("en", page.slug_en),
    }


def test_nothing_to_export_says_which_language_filter_left_out_what(index, tmp_path):
    page = import_fixture(index, "de_regenwasser.txt")
    import_article(
        (FIXTURES / "en_rainwater.txt").read_bytes(),
        source="en.txt",
        options=ImportOptions(parent=index, translation_of=page),
    )
    import_fixture(index, "en_standing_desk.txt")

    code, out, err = run("export_articles", "--lang", "nl", "--output", str(tmp_path / "out"))

    assert code == 0
    assert out == ""
    assert err.strip() == (
        "Nothing to export: none of the 2 articles is translated into nl (they have de, en)."
    )
    assert list((tmp_path / "out").iterdir()) == []


def test_nothing_to_export_from_an_empty_site_says_so(index):
    code, out, err = run("export_articles")

    assert (code, out) == (0, "")
    assert err.strip() == "Nothing to export: there are no articles."


def test_an_export_to_a_folder_ends_with_a_counted_summary(index, tmp_path):
    import_fixture(index, "de_regenwasser.txt")

    run("export_articles", "--output", str(tmp_path))
    _, _, one = run("export_articles", "--output", str(tmp_path))
    import_fixture(index, "nl_snijplank.txt")
    _, _, two = run("export_articles", "--output", str(tmp_path))

    assert one.strip().endswith(f"1 file written to {tmp_path}")
    assert two.strip().endswith(f"2 files written to {tmp_path}")
