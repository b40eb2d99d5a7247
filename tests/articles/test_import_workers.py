"""``import_articles --workers N``: the same articles as one process, and the deferred index work
(search, references) done by the time the command ends."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from articles.importing import ImportOptions
from articles.models import ArticlePage
from articles.parallel_import import chunk_files
from articles.services import article_index_get_or_create
from seo.models import Keyword


def run_import(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``import_articles``, also when it fails."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return error.returncode, stdout.getvalue(), f"{stderr.getvalue()}{error}"
    return 0, stdout.getvalue(), stderr.getvalue()


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel import workers need PostgreSQL"
)


def article_text(number: int, *, title: str | None = None, shared: str = "Gartenpflege") -> str:
    """A small German article; ``shared`` is a keyword several files add at once."""
    title = title or f"Wie pflegt man Beet Nummer {number} im Garten?"
    return "\n".join(
        [
            title,
            f"Ein Beet braucht lockeren Boden, Wasser und Licht. Das gilt für Beet {number}.",
            f"Der richtige Boden für Beet {number}",
            "Lockerer Boden speichert Wasser und lässt die Wurzeln atmen.",
            "Kompost macht ihn fruchtbar.",
            "Gießen im Sommer",
            f"Morgens gießen hält Beet {number} gesund.",
            "Fazit",
            "Mit etwas Pflege gedeiht jedes Beet.",
            "Fragen & Antworten",
            f"F: Wie oft gießt man Beet {number}?",
            "A: Im Sommer an jedem zweiten Tag.",
            "Wichtige Schlüsselwörter",
            f"- Beet {number}",
            f"- {shared}",
        ]
    )


def write_files(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"file_{number:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def outcomes(output: str) -> list[tuple[str, str]]:
    """(file name, outcome) for each report line of the command's output, in order."""
    found = []
    for line in output.splitlines():
        if line.startswith("/") and ": " in line:
            source, rest = line.split(": ", 1)
            found.append((Path(source).name, rest.split(" -> ")[0].split(":")[0]))
    return found


def snapshot(parent) -> dict[str, dict]:
    """What the articles below ``parent`` say, by slug (ids and tree paths left out)."""
    result = {}
    for page in ArticlePage.objects.child_of(parent).order_by("slug_de"):
        with translation.override("de"):
            result[page.slug_de] = {
                "title": page.title_de,
                "intro": page.intro_de,
                "sections": [(s.heading_de, s.body_de) for s in page.sections.all()],
                "faqs": [(f.question_de, f.answer_de) for f in page.faqs.all()],
                "keywords": [(k.keyword.term_de, k.focus) for k in page.keywords.all()],
                "revisions": page.revisions.count(),
                "live": page.live,
            }
    return result


def test_a_worker_count_below_one_is_a_bad_argument(article_index):
    code, _out, error = run_import(str(Path(__file__)), "--workers", "0")
    assert code == 2
    assert "--workers 0: must be 1 or more" in error


def test_workers_fall_back_to_one_where_they_cannot_run_and_import_the_same(
    article_index, tmp_path
):
    # Under the test transaction (and on SQLite) the workers could not see the data.
    paths = write_files(tmp_path, [article_text(1), article_text(2)])

    code, out, error = run_import(*map(str, paths), "--workers", "2")

    assert code == 0, error
    assert "--workers 2: using one" in error
    assert "2 created" in out
    assert ArticlePage.objects.count() == 2


def test_files_that_name_the_same_article_share_a_chunk_in_input_order(article_index, tmp_path):
    same = "Ein Titel, den zwei Dateien tragen"
    texts = [article_text(n) for n in range(6)]
    texts[1] = article_text(1, title=same)
    texts[5] = article_text(5, title=same)
    paths = write_files(tmp_path, texts)

    chunks = chunk_files(paths, options=ImportOptions(parent=article_index), size=2)

    assert chunks == [[0, 1, 5], [2, 3], [4]]


def test_the_reference_index_is_up_to_date_when_the_command_ends(article_index, tmp_path):
    paths = write_files(tmp_path, [article_text(1), article_text(2)])

    code, _out, error = run_import(*map(str, paths))

    assert code == 0, error
    for page in ArticlePage.objects.all():
        keyword_ids = {str(link.keyword_id) for link in page.keywords.all()}
        references = ReferenceIndex.get_references_for_object(page)
        assert {reference.to_object_id for reference in references} == keyword_ids
        assert len(keyword_ids) == 2


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_give_the_same_articles_as_one_worker(tmp_path):
    one, _ = article_index_get_or_create(slug="one", titles={"de": "Eins"})
    two, _ = article_index_get_or_create(slug="two", titles={"de": "Zwei"})
    same = "Ein Titel, den zwei Dateien tragen"
    texts = [article_text(n) for n in range(16)]
    # Two files for one article: the later one updates what the earlier one created.
    texts[3] = article_text(3, title=same)
    texts[12] = article_text(12, title=same)
    texts[7] = "Kein Artikel"  # fails, in both runs, at its place in the summary
    paths = write_files(tmp_path / "files", texts)

    code_one, out_one, _ = run_import(str(tmp_path / "files"), "--parent", "one")
    keywords_after_one = Keyword.objects.count()
    code_two, out_two, error_two = run_import(
        str(tmp_path / "files"), "--parent", "two", "--workers", "3"
    )

    assert (code_one, code_two) == (1, 1)
    assert "using one" not in error_two
    assert outcomes(out_two) == outcomes(out_one)  # each file's outcome, in input order
    assert outcomes(out_one)[3] == ("file_03.txt", "created")
    assert outcomes(out_one)[12] == ("file_12.txt", "updated")
    assert out_two.splitlines()[-1] == out_one.splitlines()[-1]  # the summary
    assert snapshot(two) == snapshot(one)
    assert len(snapshot(one)) == 14
    # The second run found every keyword the first one made; none was made twice.
    assert Keyword.objects.count() == keywords_after_one
    terms = Counter(Keyword.objects.values_list("term_de", flat=True))
    assert terms.most_common(1)[0][1] == 1
    assert len(paths) == 16


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_leave_search_and_reference_indexes_complete(tmp_path):
    index, _ = article_index_get_or_create(slug="blog", titles={"de": "Ratgeber"})
    write_files(tmp_path, [article_text(n) for n in range(10)])

    code, out, error = run_import(str(tmp_path), "--workers", "2", "--publish")

    assert code == 0, error
    assert "10 created" in out
    pages = list(ArticlePage.objects.child_of(index))
    assert len(pages) == 10
    page_ids = {str(page.pk) for page in pages}
    indexed = set(
        IndexEntry.objects.filter(object_id__in=page_ids).values_list("object_id", flat=True)
    )
    assert indexed == page_ids
    results = ArticlePage.objects.live().search("Beet Nummer 7")
    assert "wie-pflegt-man-beet-nummer-7-im-garten" in {page.slug_de for page in results}
    for page in pages:
        references = ReferenceIndex.get_references_for_object(page)
        assert len(references) == 2


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lookup_tables_are_analyzed_once_an_import_has_grown_them():
    from articles.importing import refresh_planner_statistics

    def last_analyzed():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'seo_keyword'"
            )
            return cursor.fetchone()[0]

    before = last_analyzed()
    Keyword.objects.bulk_create([Keyword(term_de=f"Begriff {n}") for n in range(300)])
    with connection.cursor() as cursor:  # publish this backend's row counts now, not in 1 s
        cursor.execute("SELECT pg_stat_force_next_flush()")

    refresh_planner_statistics()

    analyzed = last_analyzed()
    assert analyzed is not None and analyzed != before
    refresh_planner_statistics()  # nothing changed since: no second analysis
    assert last_analyzed() == analyzed


def test_a_published_import_has_its_seo_audit_stored_when_the_command_ends(article_index, tmp_path):
    from seo.models import SEOAuditResult

    paths = write_files(tmp_path, [article_text(1), article_text(2)])

    code, _out, error = run_import(*map(str, paths), "--publish")

    assert code == 0, error
    pages = list(ArticlePage.objects.all())
    assert len(pages) == 2
    for page in pages:
        assert SEOAuditResult.objects.filter(page=page, lang="de").exists()
