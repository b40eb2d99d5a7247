"""Benchmark of the pure SEO engine: `analyse` plus the site-level `SiteAuditor`.

Generates German-like articles of the seed's size (about 2,300 words, 6 sections, 5 FAQ pairs,
9 keywords) from a gardening vocabulary written for this script, then prints articles per
second and peak memory for each size. Each size runs in a fresh process so its peak memory is
its own. Not a test: nothing here asserts on time.

    .venv/bin/python benchmarks/bench_seo_engine.py                      # 1,000 / 5,000 / 10,000
    .venv/bin/python benchmarks/bench_seo_engine.py --sizes 2000 --workers 2
    .venv/bin/python benchmarks/bench_seo_engine.py --profile 300        # cProfile top functions
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import os
import pstats
import random
import resource
import sys
import time
from html import escape
from pathlib import Path
from queue import Empty

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from seo.engine import (
    FAQInput,
    KeywordInput,
    LinkInput,
    SectionInput,
    SEODocument,
    SiteAuditor,
    analyse,
    summarise_for_site,
)

# --- vocabulary (our own) ---------------------------------------------------------------------

NOUNS = [  # (singular, plural, gender) - gender picks the article
    ("Garten", "Gärten", "m"),
    ("Pflanze", "Pflanzen", "f"),
    ("Boden", "Böden", "m"),
    ("Wurzel", "Wurzeln", "f"),
    ("Blatt", "Blätter", "n"),
    ("Blüte", "Blüten", "f"),
    ("Beet", "Beete", "n"),
    ("Kompost", "Komposte", "m"),
    ("Dünger", "Dünger", "m"),
    ("Schädling", "Schädlinge", "m"),
    ("Nützling", "Nützlinge", "m"),
    ("Frucht", "Früchte", "f"),
    ("Kraut", "Kräuter", "n"),
    ("Rasen", "Rasen", "m"),
    ("Hecke", "Hecken", "f"),
    ("Baum", "Bäume", "m"),
    ("Strauch", "Sträucher", "m"),
    ("Zwiebel", "Zwiebeln", "f"),
    ("Knolle", "Knollen", "f"),
    ("Topf", "Töpfe", "m"),
    ("Ernte", "Ernten", "f"),
    ("Frost", "Fröste", "m"),
    ("Mulch", "Mulche", "m"),
    ("Schnecke", "Schnecken", "f"),
    ("Wurm", "Würmer", "m"),
    ("Pilz", "Pilze", "m"),
    ("Krankheit", "Krankheiten", "f"),
    ("Sorte", "Sorten", "f"),
    ("Standort", "Standorte", "m"),
    ("Samen", "Samen", "m"),
    ("Trieb", "Triebe", "m"),
    ("Knospe", "Knospen", "f"),
    ("Stängel", "Stängel", "m"),
]
MODIFIERS = [
    "Garten",
    "Gemüse",
    "Blumen",
    "Kräuter",
    "Obst",
    "Balkon",
    "Rasen",
    "Boden",
    "Wasser",
    "Winter",
    "Sommer",
    "Frühlings",
    "Herbst",
    "Hoch",
    "Kübel",
    "Bio",
    "Laub",
    "Tomaten",
]
HEADS = [  # (singular, plural, gender)
    ("beet", "beete", "n"),
    ("pflanze", "pflanzen", "f"),
    ("erde", "erden", "f"),
    ("dünger", "dünger", "m"),
    ("schere", "scheren", "f"),
    ("pflege", "pflegen", "f"),
    ("ernte", "ernten", "f"),
    ("sorte", "sorten", "f"),
    ("kasten", "kästen", "m"),
    ("schlauch", "schläuche", "m"),
    ("saat", "saaten", "f"),
    ("schädling", "schädlinge", "m"),
    ("plan", "pläne", "m"),
    ("arbeit", "arbeiten", "f"),
    ("zeit", "zeiten", "f"),
]
ADJECTIVES = [
    "gesund",
    "kräftig",
    "feucht",
    "trocken",
    "sonnig",
    "schattig",
    "locker",
    "nährstoffreich",
    "robust",
    "empfindlich",
    "früh",
    "spät",
    "natürlich",
    "einfach",
    "regelmäßig",
    "langsam",
    "warm",
    "kalt",
    "jung",
    "alt",
    "hell",
    "dicht",
    "sauer",
    "mild",
]
VERBS = [  # (3rd person singular, plural)
    ("wächst", "wachsen"),
    ("braucht", "brauchen"),
    ("schützt", "schützen"),
    ("liefert", "liefern"),
    ("verbessert", "verbessern"),
    ("hält", "halten"),
    ("fördert", "fördern"),
    ("speichert", "speichern"),
    ("verträgt", "vertragen"),
    ("bildet", "bilden"),
    ("lockert", "lockern"),
    ("deckt", "decken"),
    ("nährt", "nähren"),
]
ADVERBS = [
    "oft",
    "meist",
    "im Frühjahr",
    "im Herbst",
    "nach dem Regen",
    "vor dem ersten Frost",
    "jedes Jahr",
    "besonders",
    "deutlich",
    "zuverlässig",
    "am Morgen",
    "über den Winter",
]
ARTICLES = {"m": ("der", "den", "ein"), "f": ("die", "die", "eine"), "n": ("das", "das", "ein")}
ENDINGS = {"m": "e", "f": "e", "n": "e"}


class ArticleWriter:
    """Writes one deterministic article; `index` seeds the random choices."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.random = random.Random(index)
        r = self.random
        modifiers = r.sample(MODIFIERS, 6)
        heads = r.sample(HEADS, 6)
        self.compounds = [(m + h[0], m + h[1], h[2]) for m, h in zip(modifiers, heads, strict=True)]
        first, second = self.compounds[0], self.compounds[1]
        adjective = r.choice(ADJECTIVES)
        noun = r.choice(NOUNS)
        self.keywords = [
            f"{first[0]} im {noun[0]}",  # focus: multi-word with function words
            f"{modifiers[2]}-{heads[2][1].capitalize()}",  # hyphenated compound, plural
            second[0],  # closed compound
            f"{modifiers[3]}- und {heads[3][0].capitalize()}",  # elided
            f"{adjective}{ENDINGS[noun[2]]} {noun[0]}",  # adjective + noun
            self.compounds[4][0],
            f"{self.compounds[5][0]} und {noun[0]}",
            r.choice(NOUNS)[0],
            f"{r.choice(ADJECTIVES)}e {r.choice(NOUNS)[1]}",
        ]

    def noun_phrase(self, *, subject: bool) -> tuple[str, bool]:
        r = self.random
        if r.random() < 0.3:
            singular, plural, gender = r.choice(self.compounds)
            singular = singular[0].upper() + singular[1:]
            plural = plural[0].upper() + plural[1:]
        else:
            singular, plural, gender = r.choice(NOUNS)
        adjective = r.choice(ADJECTIVES)
        if r.random() < 0.4:
            return f"die {adjective}en {plural}", True
        article = ARTICLES[gender][0 if subject else 1]
        ending = "e" if subject or gender != "m" else "en"
        return f"{article} {adjective}{ending} {singular}", False

    def sentence(self) -> str:
        r = self.random
        subject, plural = self.noun_phrase(subject=True)
        obj, _ = self.noun_phrase(subject=False)
        verb = r.choice(VERBS)[1 if plural else 0]
        words = [subject[0].upper() + subject[1:], verb, r.choice(ADVERBS), obj]
        if r.random() < 0.5:
            clause, clause_plural = self.noun_phrase(subject=True)
            clause_verb = r.choice(VERBS)[1 if clause_plural else 0]
            words.append(f", weil {clause} {r.choice(ADVERBS)} {clause_verb}")
        if r.random() < 0.25:
            words.append(f"und {r.choice(self.keywords)}")
        return " ".join(words).replace(" ,", ",") + "."

    def paragraph(self, words: int) -> str:
        sentences, count = [], 0
        while count < words:
            sentence = self.sentence()
            sentences.append(sentence)
            count += len(sentence.split())
        return " ".join(sentences)

    def html(self, *paragraphs: str) -> str:
        return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)

    def document(self) -> SEODocument:
        r = self.random
        focus = self.keywords[0]
        sections = []
        for _section in range(6):
            heading = f"{r.choice(self.keywords).capitalize()}: {r.choice(ADVERBS)} beachten"
            body = self.html(*(self.paragraph(56) for _ in range(5)))
            sections.append(SectionInput(heading, body))
        faqs = tuple(
            FAQInput(
                f"Wie {r.choice(VERBS)[0]} {self.noun_phrase(subject=True)[0]}?",
                self.html(self.paragraph(25)),
            )
            for _ in range(5)
        )
        targets = r.sample(range(max(self.index, 1) + 50), 3)
        return SEODocument(
            lang="de",
            title=f"{focus}: was wirklich hilft ({self.index})",
            seo_title="",
            meta_description=f"{focus} einfach erklärt: {self.paragraph(12)}"[:150],
            slug=f"artikel-{self.index}",
            intro_html=self.html(f"{focus} ist das Thema. " + self.paragraph(110)),
            sections=tuple(sections),
            conclusion_html=self.html(self.paragraph(45), self.paragraph(45)),
            faqs=faqs,
            keywords=tuple(KeywordInput(k, focus=i == 0) for i, k in enumerate(self.keywords)),
            links=tuple(
                LinkInput(f"/artikel-{t}/", "mehr", "sections[0].body", "article", "live", t)
                for t in targets
            ),
            article_id=self.index,
            translations={"de": (), "en": ("intro",)},
        )


def make_document(index: int) -> SEODocument:
    return ArticleWriter(index).document()


# --- runs ------------------------------------------------------------------------------------


# Workers take the articles in chunks; each chunk is generated first and only then analysed,
# so the engine's wall time is measured on its own while the two processes run side by side.
CHUNK = 50
# Articles analysed before the clock starts (indexes outside every run): they load the lemma
# and hyphenation dictionaries and fill the word caches, as the first minutes of a long audit
# would. Worker processes are forked after this, so they start warm.
WARM_UP = 100


def _analyse_chunk(first: int, count: int) -> tuple[list, float, float]:
    """(site summaries, engine CPU seconds, engine wall seconds) for one chunk."""
    documents = [make_document(index) for index in range(first, first + count)]
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    summaries = [summarise_for_site(document, analyse(document)) for document in documents]
    return summaries, time.process_time() - cpu_started, time.perf_counter() - wall_started


def _analyse_chunk_task(bounds: tuple[int, int]) -> tuple[list, float, float]:
    return _analyse_chunk(*bounds)


def warm_up() -> float:
    started = time.perf_counter()
    for index in range(WARM_UP):
        analyse(make_document(20_000_000 + index))
    return time.perf_counter() - started


def run_size(count: int, workers: int, queue) -> None:
    """Runs in a fresh process; puts (engine CPU seconds, engine wall seconds on the workers
    together, run wall seconds, warm-up seconds, peak RSS MiB of this process and of its
    workers, number of site findings)."""
    warm = warm_up()
    auditor = SiteAuditor()
    engine_cpu = engine_wall = 0.0
    chunks = [(first, min(CHUNK, count - first)) for first in range(0, count, CHUNK)]
    run_started = time.perf_counter()
    if workers <= 1:
        results = map(_analyse_chunk_task, chunks)
    else:
        pool = multiprocessing.get_context("fork").Pool(workers)
        results = pool.imap_unordered(_analyse_chunk_task, chunks)
    for summaries, cpu, wall in results:
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        for summary in summaries:
            auditor.add_summary(summary)
        engine_cpu += cpu + time.process_time() - cpu_started
        # The workers analyse side by side: their wall time counts once per worker.
        engine_wall += wall / max(1, workers) + time.perf_counter() - wall_started
    if workers > 1:
        pool.close()
        pool.join()
    started = time.perf_counter()
    findings = auditor.finish()
    engine_wall += time.perf_counter() - started
    run_wall = time.perf_counter() - run_started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    queue.put((engine_cpu, engine_wall, run_wall, warm, own, children, len(findings)))


COLD_START_LANGUAGES = ("de", "en", "nl", "fr")


def _cold_start_task(queue, parts: bool) -> None:
    """In a fresh process, per language: the first analysis minus the next one (the language
    data loaded on first use); with `parts`, what loading each kind of data costs instead."""
    if parts:
        from seo.engine.morphology import lemma
        from seo.engine.pronouncing import cmu_dictionary
        from seo.engine.syllables import _hyphenator

        timings = {}
        for lang in COLD_START_LANGUAGES:
            started = time.perf_counter()
            lemma("Test", lang)  # the engine's own look-up: its dictionary backend
            middle = time.perf_counter()
            if lang == "en":
                cmu_dictionary()
            else:
                _hyphenator(lang)
            timings[lang] = (middle - started, time.perf_counter() - middle)
        queue.put(timings)
        return
    from tests.seo.engine.builders import article  # small articles in every language

    timings = {}
    for lang in COLD_START_LANGUAGES:
        document = article(lang)
        started = time.perf_counter()
        analyse(document)
        first = time.perf_counter() - started
        started = time.perf_counter()
        analyse(document)
        timings[lang] = first - (time.perf_counter() - started)
    queue.put(timings)


def _in_fresh_process(parts: bool) -> dict:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_cold_start_task, args=(queue, parts))
    process.start()
    result = queue.get(timeout=600)
    process.join()
    return result


def cold_start() -> str:
    """The cold start per language, each measurement in a fresh process (before warm-up)."""
    totals = _in_fresh_process(parts=False)
    parts = _in_fresh_process(parts=True)
    lines = ["cold start (first analysis of a language minus the next, fresh process):"]
    for lang in COLD_START_LANGUAGES:
        lemmas, syllables = parts[lang]
        source = "CMU Pronouncing Dictionary" if lang == "en" else "hyphenation patterns"
        lines.append(
            f"  {lang}: {totals[lang]:.2f} s  (of which lemma dictionary {lemmas:.2f} s, "
            f"{source} {syllables:.2f} s)"
        )
    return "\n".join(lines)


def generation_cost(count: int = 200) -> float:
    started = time.perf_counter()
    for index in range(count):
        make_document(10_000_000 + index)
    return (time.perf_counter() - started) / count


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def describe_corpus() -> str:
    from seo.engine import html_to_plain_text

    document = make_document(0)
    text = " ".join(
        [html_to_plain_text(document.intro_html), html_to_plain_text(document.conclusion_html)]
        + [s.heading + " " + html_to_plain_text(s.body_html) for s in document.sections]
        + [f.question + " " + html_to_plain_text(f.answer_html) for f in document.faqs]
    )
    return (
        f"{len(text.split())} words, {len(document.sections)} sections, "
        f"{len(document.faqs)} FAQ pairs, {len(document.keywords)} keywords"
    )


def profile(count: int) -> None:
    documents = [make_document(index) for index in range(count)]
    for document in documents[:20]:
        analyse(document)  # warm the caches first, as a long audit would be
    profiler = cProfile.Profile()
    profiler.enable()
    for document in documents:
        analyse(document)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000", help="comma-separated counts")
    parser.add_argument("--workers", type=int, default=1, help="processes (1 = in-process)")
    parser.add_argument("--profile", type=int, metavar="N", help="profile N articles and stop")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile)
        return
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    print(f"article: {describe_corpus()}")
    print(f"generating one article takes {generation_cost() * 1000:.2f} ms (not engine time)")
    print(f"workers: {args.workers}; load average at start: {_load()}")
    print(cold_start())
    print(
        f"{'articles':>9} {'CPU ms/article':>15} {'art/s per core':>15} "
        f"{'engine art/s':>13} {'run art/s':>10} {'peak RSS MiB':>13} {'site findings':>14}"
    )
    context = multiprocessing.get_context("fork")
    for count in sizes:
        queue = context.Queue()
        process = context.Process(target=run_size, args=(count, args.workers, queue))
        process.start()
        while True:
            try:
                engine_cpu, engine_wall, run_wall, warm, own, children, findings = queue.get(
                    timeout=5
                )
                break
            except Empty:
                if not process.is_alive():
                    raise SystemExit(f"the run with {count} articles failed") from None
        process.join()
        print(
            f"{count:>9} {engine_cpu / count * 1000:>15.2f} {count / engine_cpu:>15.0f} "
            f"{count / engine_wall:>13.0f} {count / run_wall:>10.0f} "
            f"{max(own, children):>13.0f} {findings:>14}"
        )
        print(f"{'':>9} (warm-up before the clock: {WARM_UP} articles, {warm:.1f} s)")
    print(
        f"load average at end: {_load()} (other processes compete for the {os.cpu_count()} cores)"
    )
    print(
        "CPU ms/article, art/s per core: CPU time of analyse + site checks per article. "
        f"engine art/s: articles per wall-clock second of analyse + site checks with "
        f"{args.workers} worker(s) side by side (generating the articles is not included). "
        "run art/s: the whole run, generation and process start included. Peak RSS: the "
        "largest single process (parent or one worker)."
    )


if __name__ == "__main__":
    main()
