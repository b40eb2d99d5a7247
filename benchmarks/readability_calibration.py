"""Readability and style figures of the engine next to Yoast SEO's, for docs/seo-checks.md.

Texts: the seed article (German, from ../shared/seeds, if present), our own calibration texts
in benchmarks/calibration/*.txt and, written after calibrating, benchmarks/calibration/fresh/
(one paragraph per line; the language is the second-last part of the file name).

Yoast's figures come from `calibration/yoast_reference.js` (yoastseo 3.6.0 under Node.js) and
are stored in calibration/yoast_3.6.0.json, so this script runs without Node:

    .venv/bin/python benchmarks/readability_calibration.py
    .venv/bin/python benchmarks/readability_calibration.py --yoast /tmp/yoast/node_modules
        # recompute Yoast's figures (needs node and `npm install yoastseo@3.6.0` there)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from seo.engine import SEODocument, analyse

HERE = Path(__file__).resolve().parent / "calibration"
SEED = HERE.parents[2] / "shared" / "seeds" / "000_f0fe1d16a1469c78.txt"
YOAST_FIGURES = HERE / "yoast_3.6.0.json"


def texts() -> list[tuple[str, str, list[str]]]:
    """(name, lang, paragraphs) of every calibration text."""
    found = []
    if SEED.exists():
        from tests.seo.engine.test_seed import load_seed

        document = load_seed(SEED)
        found.append(("seed (de)", "de", document))
    for path in sorted(HERE.glob("*.txt")) + sorted((HERE / "fresh").glob("*.txt")):
        lang = path.name.split(".")[-2]
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        name = ("fresh/" if path.parent.name == "fresh" else "") + path.stem
        found.append((name, lang, [line for line in lines if line]))
    return found


def document_of(lang: str, text) -> SEODocument:
    if isinstance(text, SEODocument):
        return text
    return SEODocument(
        lang=lang,
        title="",
        seo_title="",
        meta_description="",
        slug="",
        intro_html="".join(f"<p>{escape(line)}</p>" for line in text),
        sections=(),
        conclusion_html="",
        faqs=(),
        keywords=(),
    )


def body_html(document: SEODocument) -> str:
    """The running text the readability check reads, as HTML, for Yoast."""
    parts = [document.intro_html]
    parts += [section.body_html for section in document.sections]
    parts.append(document.conclusion_html)
    for faq in document.faqs:
        parts.append(f"<p>{escape(faq.question)}</p>{faq.answer_html}")
    return "".join(parts)


def ours(document: SEODocument) -> dict:
    report = analyse(document)
    readability = report.check("readability").details
    passive = report.check("passive_voice").details
    transitions = report.check("transition_words").details
    runs = report.check("consecutive_sentences").details["runs"]
    return {
        "words": readability["words"],
        "sentences": readability["sentences"],
        "syllables": readability["syllables"],
        "flesch": readability["score"],
        "passive": f"{passive.get('passive_sentences', 0)}/{passive.get('sentences', 0)}",
        "transitions": f"{transitions.get('with_transitions', 0)}/{transitions['sentences']}",
        "longest_same_beginning": max((run["count"] for run in runs), default=1),
    }


def yoast(node_modules: str, lang: str, document: SEODocument) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as handle:
        handle.write(body_html(document))
    script = HERE / "yoast_reference.js"
    environment = {**os.environ, "NODE_PATH": node_modules}
    output = subprocess.run(
        ["node", str(script), lang, handle.name], capture_output=True, text=True, env=environment
    )
    os.unlink(handle.name)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--yoast", metavar="NODE_MODULES", help="recompute Yoast's figures")
    args = parser.parse_args()
    stored = json.loads(YOAST_FIGURES.read_text()) if YOAST_FIGURES.exists() else {}
    print(
        f"{'text':24} {'lang':4} {'words':>11} {'sentences':>9} {'syll/word':>11} "
        f"{'score':>13} {'diff':>5} {'passive':>13} {'transitions':>13}"
    )
    for name, lang, text in texts():
        document = document_of(lang, text)
        if args.yoast:
            stored[name] = yoast(args.yoast, lang, document)
        mine = ours(document)
        ref = stored.get(name)
        if ref is None:
            print(f"{name:24} {lang:4} {mine['words']:>5} {mine['flesch']:>7}  (no Yoast figure)")
            continue
        print(
            f"{name:24} {lang:4} {mine['words']:>5}/{ref['words']:<5} "
            f"{mine['sentences']:>4}/{ref['sentences']:<4} "
            f"{mine['syllables'] / mine['words']:>5.2f}/{ref['syllables'] / ref['words']:<5.2f} "
            f"{mine['flesch']:>6.1f}/{ref['flesch']:<6.1f} {mine['flesch'] - ref['flesch']:>+5.1f} "
            f"{mine['passive']:>6}/{ref['passive']:<6} "
            f"{mine['transitions']:>6}/{ref['transitions']:<6}"
        )
    print("each column: ours/Yoast 3.6.0; diff = our score minus Yoast's")
    if args.yoast:
        YOAST_FIGURES.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
