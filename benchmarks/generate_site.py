"""Generate a large site for benchmarks: N live articles, each complete in de, en, nl and fr.

Not a test: it builds a PostgreSQL database and prints how long each step took.

Building through the services (revisions, publishing, indexing) costs about a second per
article on a loaded machine, so only the first article is made that way; the other N-1 are
copies of its rows made in bulk SQL (``INSERT ... SELECT`` over ``generate_series``), each
with its own title, slugs, URL paths, dates and texts picked from 64 generated variants per
language (our own vocabulary), and 9 of 2,000 keywords. Their per-language search documents
are then built by the project's own code (``articles.indexing.search_text``), in chunks.

The result is kept as a template database (``cms_bench_scale_template``, rebuilt only when
the article count or this generator changes); each run gets a fresh copy of it
(``CREATE DATABASE ... TEMPLATE``, a file copy taking seconds):

    .venv/bin/python benchmarks/generate_site.py --articles 10000 [--database NAME] [--rebuild]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (server to use; default shown)

What the copies leave out: revisions (the admin shows them as never edited), Wagtail's own
search index entries (the API's search does not use it on PostgreSQL) and SEO audit rows.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

from _database import database_urls, recreate_database
from bench_api import app_environment

REPO = Path(__file__).resolve().parent.parent
TEMPLATE_DATABASE = "cms_bench_scale_template"
RUN_DATABASE = "cms_bench_scale_run"
# Bump when the generated data changes: templates of another version are rebuilt.
GENERATOR_VERSION = "3"
VARIANTS = 64
KEYWORDS = 2000
SECTIONS = 6
FAQS = 5
KEYWORDS_PER_ARTICLE = 9
BATCH = 1000
LANGUAGES = ("de", "en", "nl", "fr")

# Our own small vocabularies (nouns, verbs, adjectives) per language.
WORDS = {
    "de": (
        [
            "Garten",
            "Boden",
            "Wasser",
            "Pflanze",
            "Wurzel",
            "Blatt",
            "Sonne",
            "Regen",
            "Kompost",
            "Beet",
            "Samen",
            "Ernte",
            "Hecke",
            "Rasen",
            "Laub",
            "Erde",
            "Blüte",
            "Knospe",
            "Zweig",
            "Moos",
            "Mulch",
            "Tomate",
            "Gurke",
            "Kräuter",
            "Frost",
        ],
        [
            "braucht",
            "schützt",
            "nährt",
            "lockert",
            "wärmt",
            "stärkt",
            "trägt",
            "hält",
            "belastet",
            "bedeckt",
        ],
        [
            "lockere",
            "feuchte",
            "sonnige",
            "kräftige",
            "junge",
            "frische",
            "reife",
            "leichte",
            "gesunde",
        ],
    ),
    "en": (
        [
            "garden",
            "soil",
            "water",
            "plant",
            "root",
            "leaf",
            "sun",
            "rain",
            "compost",
            "bed",
            "seed",
            "harvest",
            "hedge",
            "lawn",
            "foliage",
            "earth",
            "blossom",
            "bud",
            "twig",
            "moss",
            "mulch",
            "tomato",
            "cucumber",
            "herbs",
            "frost",
        ],
        [
            "needs",
            "protects",
            "feeds",
            "loosens",
            "warms",
            "strengthens",
            "carries",
            "holds",
            "burdens",
            "covers",
        ],
        ["loose", "damp", "sunny", "strong", "young", "fresh", "ripe", "light", "healthy"],
    ),
    "nl": (
        [
            "tuin",
            "bodem",
            "water",
            "plant",
            "wortel",
            "blad",
            "zon",
            "regen",
            "compost",
            "bed",
            "zaad",
            "oogst",
            "heg",
            "gazon",
            "loof",
            "aarde",
            "bloesem",
            "knop",
            "twijg",
            "mos",
            "mulch",
            "tomaat",
            "komkommer",
            "kruiden",
            "vorst",
        ],
        [
            "heeft",
            "beschermt",
            "voedt",
            "maakt",
            "verwarmt",
            "versterkt",
            "draagt",
            "houdt",
            "belast",
            "bedekt",
        ],
        ["losse", "vochtige", "zonnige", "sterke", "jonge", "verse", "rijpe", "lichte", "gezonde"],
    ),
    "fr": (
        [
            "jardin",
            "sol",
            "eau",
            "plante",
            "racine",
            "feuille",
            "soleil",
            "pluie",
            "compost",
            "massif",
            "graine",
            "récolte",
            "haie",
            "pelouse",
            "feuillage",
            "terre",
            "fleur",
            "bourgeon",
            "rameau",
            "mousse",
            "paillis",
            "tomate",
            "concombre",
            "gel",
        ],
        [
            "nourrit",
            "protège",
            "ameublit",
            "réchauffe",
            "renforce",
            "porte",
            "garde",
            "couvre",
            "charge",
            "aide",
        ],
        ["meuble", "humide", "ensoleillé", "fort", "jeune", "frais", "mûr", "léger", "sain"],
    ),
}


def sentence(rng: random.Random, lang: str, words: int = 14) -> str:
    nouns, verbs, adjectives = WORDS[lang]
    parts: list[str] = []
    while len(parts) < words:
        parts += [rng.choice(adjectives), rng.choice(nouns), rng.choice(verbs), rng.choice(nouns)]
    text = " ".join(parts[:words])
    return text[0].upper() + text[1:] + "."


def paragraphs(rng: random.Random, lang: str, count: int, sentences: int = 5) -> str:
    return "".join(
        "<p>" + " ".join(sentence(rng, lang) for _ in range(sentences)) + "</p>"
        for _ in range(count)
    )


def slug_prefix(lang: str) -> str:
    return "artikel" if lang in ("de", "nl") else "article"


def article_content(rng: random.Random, lang: str, number: int):
    from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent

    nouns = WORDS[lang][0]
    return ArticleContent(
        title=f"{sentence(rng, lang, 6)[:-1]} {number}",
        slug=f"{slug_prefix(lang)}-{number}",
        intro_html=paragraphs(rng, lang, 1),
        sections=tuple(
            SectionContent(heading=sentence(rng, lang, 5)[:-1], body_html=paragraphs(rng, lang, 2))
            for _ in range(SECTIONS)
        ),
        conclusion_html=paragraphs(rng, lang, 2),
        faqs=tuple(
            FAQContent(
                question=f"{sentence(rng, lang, 7)[:-1]}?",
                answer_html=paragraphs(rng, lang, 1, 2),
            )
            for _ in range(FAQS)
        ),
        keywords=tuple(
            KeywordContent(term=f"{rng.choice(nouns)} {n}", focus=n == 0) for n in range(3)
        ),
        author_name="Benchmark",
    )


# --- Building (inside a Django process: this script re-invoked with --build) ----------------


def _base36_path(expression: str) -> str:
    """SQL for treebeard's 4-character step of position ``expression`` (alphabet 0-9A-Z)."""
    alphabet = "'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'"
    return " || ".join(
        f"substr({alphabet}, (({expression}) / {36**power}) %% 36 + 1, 1)" for power in (3, 2, 1, 0)
    )


def build(article_count: int) -> dict:
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import translation

    from articles.cache import invalidate_api_cache
    from articles.indexing.search_text import refresh_search_texts
    from articles.models import ArticlePage
    from articles.services import (
        article_create,
        article_index_get_or_create,
        article_update_language,
    )

    timings: dict[str, float] = {}
    started = time.monotonic()
    rng = random.Random(20261207)
    index, _ = article_index_get_or_create(
        slug="blog", titles={"de": "Ratgeber", "en": "Guide", "nl": "Gids", "fr": "Guide"}
    )
    with translation.override("de"):
        first = article_create(
            parent=index, lang="de", content=article_content(rng, "de", 1), publish=True
        )
        for lang in LANGUAGES[1:]:
            first = article_update_language(
                page=first, lang=lang, content=article_content(rng, lang, 1), publish=True
            )
    timings["first article through the services"] = time.monotonic() - started

    step = time.monotonic()
    with connection.cursor() as cursor:
        # One row per (kind, k) holding every language's texts: each copy joins it once.
        texts = ", ".join(f"a_{lang} text, b_{lang} text" for lang in LANGUAGES)
        cursor.execute(
            f"CREATE TEMP TABLE variant (kind text, k int, {texts}, PRIMARY KEY (kind, k))"
        )
        makers = {
            "title": lambda lang: (sentence(rng, lang, 6)[:-1], ""),
            "intro": lambda lang: (paragraphs(rng, lang, 1), ""),
            "conclusion": lambda lang: (paragraphs(rng, lang, 2), ""),
            "section": lambda lang: (sentence(rng, lang, 5)[:-1], paragraphs(rng, lang, 2)),
            "faq": lambda lang: (f"{sentence(rng, lang, 7)[:-1]}?", paragraphs(rng, lang, 1, 2)),
        }
        rows = [
            (kind, k, *(text for lang in LANGUAGES for text in make(lang)))
            for kind, make in makers.items()
            for k in range(VARIANTS)
        ]
        placeholders = ", ".join(["%s"] * (2 + 2 * len(LANGUAGES)))
        cursor.executemany(f"INSERT INTO variant VALUES ({placeholders})", rows)
        cursor.execute("ANALYZE variant")
        # The keyword pool, in every language.
        cursor.execute(
            "INSERT INTO seo_keyword (term, term_de, term_en, term_nl, term_fr, created_at) "
            "SELECT 'thema ' || g, 'thema ' || g, 'topic ' || g, 'onderwerp ' || g, "
            "'sujet ' || g, now() FROM generate_series(1, %s::int) g",
            [KEYWORDS],
        )
        cursor.execute("SELECT min(id) FROM seo_keyword WHERE term_de = 'thema 1'")
        first_keyword = cursor.fetchone()[0]
        cursor.execute("CREATE TEMP TABLE new_page (id int primary key, n int)")
    timings["variants and keyword pool"] = time.monotonic() - step

    page_columns = [
        field.column
        for field in ArticlePage._meta.get_field("page_ptr").related_model._meta.concrete_fields
    ]
    step = time.monotonic()
    for low in range(2, article_count + 1, BATCH):
        high = min(article_count, low + BATCH - 1)
        with transaction.atomic(), connection.cursor() as cursor:
            _copy_batch(cursor, first, index, page_columns, low, high, article_count, first_keyword)
        print(f"  copied articles {low}-{high}", file=sys.stderr, flush=True)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wagtailcore_page SET numchild = %s WHERE id = %s", [article_count, index.pk]
        )
    timings["bulk copies (SQL)"] = time.monotonic() - step

    step = time.monotonic()
    ids = list(ArticlePage.objects.exclude(pk=first.pk).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        refresh_search_texts(ids[start : start + 500])
    timings["search documents (articles.indexing)"] = time.monotonic() - step

    step = time.monotonic()
    with transaction.atomic():
        invalidate_api_cache()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_site (articles int, generator text, built_at timestamptz)"
        )
        cursor.execute(
            "INSERT INTO bench_site VALUES (%s, %s, now())", [article_count, GENERATOR_VERSION]
        )
        cursor.execute("ANALYZE")
    timings["analyze"] = time.monotonic() - step
    return {
        "articles": ArticlePage.objects.live().count(),
        "timings": {name: round(seconds, 1) for name, seconds in timings.items()},
    }


def _copy_batch(cursor, first, index, page_columns, low, high, total, first_keyword) -> None:
    """Articles ``low``..``high`` as copies of ``first``'s rows with their own texts."""
    from articles.models import ArticlePage

    overrides = {
        "path": f"%(index_path)s || {_base36_path('g.n')}",
        "numchild": "0",
        "live": "true",
        "has_unpublished_changes": "false",
        "translation_key": "gen_random_uuid()",
        "first_published_at": "p.first_published_at - (%(total)s - g.n) * interval '37 minutes'",
        "last_published_at": "p.first_published_at - (%(total)s - g.n) * interval '37 minutes'"
        " + (g.n %% 5) * interval '1 hour'",
        "latest_revision_created_at": "NULL",
        "live_revision_id": "NULL",
        "latest_revision_id": "NULL",
        "title": "t.a_de || ' ' || g.n",
        "draft_title": "t.a_de || ' ' || g.n",
        "slug": "'artikel-' || g.n",
        "url_path": "%(url_path_de)s || 'artikel-' || g.n || '/'",
        "seo_title": "''",
        "search_description": "''",
    }
    for lang in LANGUAGES:
        prefix = slug_prefix(lang)
        overrides[f"title_{lang}"] = f"t.a_{lang} || ' ' || g.n"
        overrides[f"slug_{lang}"] = f"'{prefix}-' || g.n"
        overrides[f"url_path_{lang}"] = f"%(url_path_{lang})s || '{prefix}-' || g.n || '/'"
        overrides[f"seo_title_{lang}"] = "''"
        overrides[f"search_description_{lang}"] = "''"
    columns = [column for column in page_columns if column != "id"]
    select = ", ".join(overrides.get(column, f"p.{column}") for column in columns)
    titles = f"JOIN variant t ON t.kind = 'title' AND t.k = (g.n * 13) %% {VARIANTS}"
    params = {
        "index_path": index.path,
        "total": total,
        "first": first.pk,
        "low": low,
        "high": high,
        **{f"url_path_{lang}": getattr(index, f"url_path_{lang}") or "/" for lang in LANGUAGES},
    }
    cursor.execute(
        f"""
        WITH inserted AS (
            INSERT INTO wagtailcore_page ({", ".join(columns)})
            SELECT {select}
            FROM wagtailcore_page p
            CROSS JOIN generate_series(%(low)s::int, %(high)s::int) g(n) {titles}
            WHERE p.id = %(first)s
            RETURNING id, slug_de
        )
        INSERT INTO new_page SELECT id, split_part(slug_de, '-', 2)::int FROM inserted
        """,
        params,
    )

    def per_lang(template: str) -> str:
        return ", ".join(template.format(lang=lang) for lang in LANGUAGES)

    # The article's own columns: generated texts where they vary, the first article's values
    # for everything else (so a column added by a later migration is copied, not left NULL).
    generated = {
        "page_ptr_id": "np.id",
        "intro": "i.a_de",
        "conclusion": "c.a_de",
        "hero_image_alt": "''",
        "author_name": "'Benchmark'",
        "hero_image_id": "NULL",
        "translation_complete": "true",
    }
    for lang in LANGUAGES:
        generated[f"intro_{lang}"] = f"i.a_{lang}"
        generated[f"conclusion_{lang}"] = f"c.a_{lang}"
        generated[f"hero_image_alt_{lang}"] = "''"
        generated[f"translation_complete_{lang}"] = "true"
    article_columns = [field.column for field in ArticlePage._meta.local_concrete_fields]
    values = ", ".join(generated.get(column, f"a.{column}") for column in article_columns)
    cursor.execute(
        f"""
        INSERT INTO articles_articlepage ({", ".join(article_columns)})
        SELECT {values}
        FROM new_page np
        JOIN articles_articlepage a ON a.page_ptr_id = %s::int
        JOIN variant i ON i.kind = 'intro' AND i.k = (np.n * 7) %% {VARIANTS}
        JOIN variant c ON c.kind = 'conclusion' AND c.k = (np.n * 11) %% {VARIANTS}
        WHERE np.n BETWEEN %s::int AND %s::int
        """,
        [first.pk, low, high],
    )
    # Per-language "last changed" rows, as publishing writes them (the API's updated_at).
    cursor.execute(
        """
        INSERT INTO articles_articlelanguageversion (page_id, lang, updated_at, fingerprint)
        SELECT np.id, v.lang, p.last_published_at, v.fingerprint
        FROM new_page np
        JOIN wagtailcore_page p ON p.id = np.id
        JOIN articles_articlelanguageversion v ON v.page_id = %s::int
        WHERE np.n BETWEEN %s::int AND %s::int
        """,
        [first.pk, low, high],
    )
    for table, kind, count, first_col, second_col in (
        ("articles_section", "section", SECTIONS, "heading", "body"),
        ("articles_faq", "faq", FAQS, "question", "answer"),
    ):
        cursor.execute(
            f"""
            INSERT INTO {table} (sort_order, {first_col}, {per_lang(first_col + "_{lang}")},
                {second_col}, {per_lang(second_col + "_{lang}")}, page_id)
            SELECT s, v.a_de, {per_lang("v.a_{lang}")}, v.b_de, {per_lang("v.b_{lang}")}, np.id
            FROM new_page np CROSS JOIN generate_series(0, {count - 1}) s
            JOIN variant v ON v.kind = '{kind}' AND v.k = (np.n * 5 + s * 17) %% {VARIANTS}
            WHERE np.n BETWEEN %s::int AND %s::int
            """,
            [low, high],
        )
    cursor.execute(
        f"""
        INSERT INTO articles_articlekeyword (sort_order, focus, keyword_id, page_id)
        SELECT j, j = 0, %s::int + (np.n * 31 + j * 97) %% {KEYWORDS}, np.id
        FROM new_page np CROSS JOIN generate_series(0, {KEYWORDS_PER_ARTICLE - 1}) j
        WHERE np.n BETWEEN %s::int AND %s::int
        """,
        [first_keyword, low, high],
    )


# --- Template and run databases ---------------------------------------------------------------


def template_articles(maintenance_url: str) -> int | None:
    """Articles of the existing template database, None when absent or of another version."""
    import psycopg

    _, template_url = database_urls(TEMPLATE_DATABASE)
    try:
        with psycopg.connect(template_url) as connection:
            row = connection.execute("SELECT articles, generator FROM bench_site").fetchone()
    except psycopg.Error:
        return None
    return row[0] if row and row[1] == GENERATOR_VERSION else None


def ensure_site(article_count: int, database: str, *, rebuild: bool = False) -> dict:
    """A fresh copy of the template database of ``article_count`` articles as ``database``
    (building the template first when needed). Returns what was done and how long it took."""
    import psycopg

    maintenance_url, template_url = database_urls(TEMPLATE_DATABASE)
    report: dict = {"template": TEMPLATE_DATABASE, "database": database}
    if rebuild or template_articles(maintenance_url) != article_count:
        started = time.monotonic()
        recreate_database(maintenance_url, TEMPLATE_DATABASE)
        env = app_environment(template_url, {})
        python = str(REPO / ".venv" / "bin" / "python")
        subprocess.run(
            [python, "manage.py", "migrate", "--noinput", "-v", "0"], env=env, cwd=REPO, check=True
        )
        migrated = time.monotonic() - started
        output = subprocess.run(
            [python, __file__, "--build", str(article_count)],
            env=env,
            cwd=REPO,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
        report["built"] = json.loads(output.strip().splitlines()[-1])
        report["built"]["timings"] = {"migrate": round(migrated, 1), **report["built"]["timings"]}
        report["build_seconds"] = round(time.monotonic() - started, 1)
    started = time.monotonic()
    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database}" TEMPLATE "{TEMPLATE_DATABASE}"')
    report["copy_seconds"] = round(time.monotonic() - started, 1)
    report["articles"] = article_count
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles (10000)")
    parser.add_argument("--database", default=RUN_DATABASE, help=f"copy to make ({RUN_DATABASE})")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the template")
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    if args.build is not None:
        print(json.dumps(build(args.build)))
        return
    print(json.dumps(ensure_site(args.articles, args.database, rebuild=args.rebuild), indent=2))


if __name__ == "__main__":
    main()
