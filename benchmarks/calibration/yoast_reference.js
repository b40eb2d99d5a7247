// Yoast SEO's own figures for a text, for the calibration table in docs/seo-checks.md.
// Needs the yoastseo npm package (tested with 3.6.0), e.g. `npm install yoastseo@3.6.0` in a
// scratch directory and NODE_PATH pointing at its node_modules. Not part of the test suite.
//
//   NODE_PATH=/tmp/yoast/node_modules node yoast_reference.js de text.html
const fs = require("fs");
const { Paper } = require("yoastseo");
const { build } = require("yoastseo/build/parse/build");
const LanguageProcessor = require("yoastseo/build/parse/language/LanguageProcessor").default;
const countWords = require("yoastseo/build/languageProcessing/helpers/word/countWords").default;
const countSentences = require("yoastseo/build/languageProcessing/helpers/sentence/countSentences").default;
const countSyllables = require("yoastseo/build/languageProcessing/helpers/syllables/countSyllables").default;
const stripNumbers = require("yoastseo/build/languageProcessing/helpers/sanitize/stripNumbers").default;

const [lang, file] = process.argv.slice(2);
const Researcher = require(`yoastseo/build/languageProcessing/languages/${lang}/Researcher`).default;
const html = fs.readFileSync(file, "utf8");
const paper = new Paper(html, { locale: lang });
const researcher = new Researcher(paper);
paper.setTree(build(paper, new LanguageProcessor(researcher)));

const text = stripNumbers(paper.getText());
const result = {
  words: countWords(text),
  sentences: countSentences(text, researcher.getHelper("memoizedTokenizer")),
  syllables: countSyllables(text, researcher.getConfig("syllables")),
  flesch: researcher.getResearch("getFleschReadingScore").score,
};
const passive = researcher.getResearch("getPassiveVoiceResult");
result.passive = `${passive.passives.length}/${passive.total}`;
const transitions = researcher.getResearch("findTransitionWords");
result.transitions = `${transitions.transitionWordSentences}/${transitions.totalSentences}`;
const beginnings = researcher.getResearch("getSentenceBeginnings");
result.longest_same_beginning = Math.max(0, ...beginnings.map((b) => b.count));
console.log(JSON.stringify(result));
