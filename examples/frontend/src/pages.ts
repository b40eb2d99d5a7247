// The pages, as HTML strings rendered on the server: what search engines read is in the
// served HTML, <head> included, with no client-side JavaScript at all.
import type { ApiError, Article, ArticleList, HeadElement } from "./api";
import { type Html, html, raw } from "./html";

/** The few words the layout itself says (everything else comes from the CMS). */
const ENGLISH = {
  articles: "Articles",
  faq: "Frequently asked questions",
  minutes: "min read",
  newer: "Newer",
  older: "Older",
  preview: "Preview of a draft: not public",
};
const WORDS: Record<string, typeof ENGLISH> = {
  de: {
    articles: "Artikel",
    faq: "Häufige Fragen",
    minutes: "Min. Lesezeit",
    newer: "Neuere",
    older: "Ältere",
    preview: "Vorschau eines Entwurfs: nicht öffentlich",
  },
  en: ENGLISH,
  nl: {
    articles: "Artikelen",
    faq: "Veelgestelde vragen",
    minutes: "min. leestijd",
    newer: "Nieuwer",
    older: "Ouder",
    preview: "Voorbeeld van een concept: niet openbaar",
  },
  fr: {
    articles: "Articles",
    faq: "Questions fréquentes",
    minutes: "min de lecture",
    newer: "Plus récents",
    older: "Plus anciens",
    preview: "Aperçu d'un brouillon : non public",
  },
};

function words(lang: string): typeof ENGLISH {
  return WORDS[lang] ?? ENGLISH;
}

/** The API's ready `head` list as elements: `<tag attributes>text</tag>`, as docs/api.md says. */
export function headTags(elements: readonly HeadElement[]): Html {
  return html`${elements.map((element) => {
    const attributes = Object.entries(element.attributes).map(
      ([name, value]) => html` ${name}="${value}"`,
    );
    if (element.tag === "meta" || element.tag === "link") return html`<${element.tag}${attributes}>\n`;
    // JSON-LD script text comes with "<" escaped by the API; a title is plain text.
    const text = element.tag === "script" ? raw(element.text ?? "") : element.text;
    return html`<${element.tag}${attributes}>${text}</${element.tag}>\n`;
  })}`;
}

function layout(lang: string, head: Html, main: Html, banner?: string): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}<style>
  body { font: 1.05rem/1.6 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; color: #222; }
  nav ol, nav ul { list-style: none; display: flex; gap: .75rem; padding: 0; flex-wrap: wrap; }
  .banner { background: #fff3cd; padding: .5rem 1rem; border-radius: .25rem; }
  img { max-width: 100%; height: auto; }
</style>
</head>
<body>
${banner ? html`<p class="banner" role="status">${banner}</p>` : ""}
<header><a href="/${lang}/blog/">${words(lang).articles}</a></header>
<main>
${main}
</main>
</body>
</html>
`.value;
}

export function articlePage(article: Article, { preview = false } = {}): string {
  const w = words(article.lang);
  // A draft must never be indexed: the head's robots tag gives way to noindex.
  const head = preview
    ? [...article.head.filter((e) => e.attributes.name !== "robots"), robotsNoindex]
    : article.head;
  const switcher = article.seo.alternates.filter((link) => link.lang !== "x-default");
  const main = html`<nav aria-label="Breadcrumb"><ol>${article.breadcrumbs.map(
    (crumb) => html`<li><a href="${crumb.path}">${crumb.name}</a></li>`,
  )}</ol></nav>
${switcher.length > 1 && html`<nav aria-label="Languages"><ul>${switcher.map((link) =>
    link.lang === article.lang
      ? html`<li><strong>${link.lang}</strong></li>`
      : html`<li><a href="${link.path}" hreflang="${link.lang}" lang="${link.lang}">${link.lang}</a></li>`,
  )}</ul></nav>`}
<article>
<h1>${article.title}</h1>
<p>${article.author && html`${article.author} · `}${article.reading_time} ${w.minutes}</p>
${article.hero_image ? picture(article.hero_image) : ""}
${richText(article.intro)}
${article.sections.map((section) => html`<section>
<h2 id="${section.anchor}">${section.heading}</h2>
${richText(section.body)}
</section>
`)}
${richText(article.conclusion)}
${article.faqs.length > 0 && html`<section class="faq">
<h2>${w.faq}</h2>
${article.faqs.map((faq) => html`<h3>${faq.question}</h3>
${richText(faq.answer)}
`)}</section>`}
</article>`;
  return layout(article.lang, headTags(head), main, preview ? w.preview : undefined);
}

/** The API's sanitised rich text, its internal links sent to their path (`data-path`), so they
 * stay on whatever host serves this frontend (a preview deployment, localhost). */
function richText(sanitised: string): Html {
  return raw(
    sanitised.replace(/<a\b[^>]*\sdata-path="([^"]*)"[^>]*>/g, (tag, path: string) =>
      tag.replace(/\shref="[^"]*"/, ` href="${path}"`),
    ),
  );
}

const robotsNoindex: HeadElement = {
  tag: "meta",
  attributes: { name: "robots", content: "noindex" },
  text: null,
};

function picture(image: NonNullable<Article["hero_image"]>): Html {
  const position = image.focal_point
    ? `object-position: ${image.focal_point.x * 100}% ${image.focal_point.y * 100}%`
    : null;
  return html`<picture>${image.sources.map(
    (source) => html`<source type="${source.type}" srcset="${source.srcset}" sizes="${image.sizes}">`,
  )}<img src="${image.url}" srcset="${image.srcset}" sizes="${image.sizes}"
 width="${image.width}" height="${image.height}" alt="${image.alt}"${position && html` style="${position}"`}></picture>`;
}

export function listPage(list: ArticleList, languages: readonly string[]): string {
  const w = words(list.lang);
  const head = html`<title>${w.articles}</title>\n`;
  const main = html`<nav aria-label="Languages"><ul>${languages.map((lang) =>
    lang === list.lang
      ? html`<li><strong>${lang}</strong></li>`
      : html`<li><a href="/${lang}/blog/" hreflang="${lang}" lang="${lang}">${lang}</a></li>`,
  )}</ul></nav>
<h1>${w.articles}</h1>
${list.results.map((item) => html`<article>
<h2><a href="${item.path}">${item.title}</a></h2>
${richText(item.intro)}
</article>
`)}
<nav aria-label="Pages"><ul>
${list.previous_page !== null && html`<li><a href="?page=${list.previous_page}" rel="prev">${w.newer}</a></li>`}
${list.next_page !== null && html`<li><a href="?page=${list.next_page}" rel="next">${w.older}</a></li>`}
</ul></nav>`;
  return layout(list.lang, head, main);
}

/** A 404 that offers the languages the article does exist in, as the API lists them. */
export function errorPage(lang: string, status: number, error: ApiError): string {
  const elsewhere = error.details.translations ?? [];
  const main = html`<h1>${status}</h1>
<p>${error.message}</p>
${elsewhere.length > 0 && html`<ul>${elsewhere.map(
    (link) => html`<li><a href="${link.path}" hreflang="${link.lang}">${link.lang}: ${link.slug}</a></li>`,
  )}</ul>`}`;
  return layout(lang, html`<title>${status}</title>\n<meta name="robots" content="noindex">\n`, main);
}
