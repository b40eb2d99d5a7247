// A small frontend's use of the generated types: `tsc --strict` must pass without casts
// (`npm run typecheck`). Not a client library: plain fetch() with the schema's types.
import type { components, operations } from "./schema";

type Schemas = components["schemas"];
export type Language = Schemas["Language"];
export type Article = Schemas["ArticleDetail"];
export type ArticleList = Schemas["ArticleList"];
export type ApiError = Schemas["Error"];
export type HeadElement = Schemas["HeadElement"];
type JsonLd = Article["seo"]["json_ld"][number];

export const LANGUAGES: readonly Language[] = ["de", "en", "nl", "fr"];

export type ArticleResult =
  | { kind: "article"; article: Article; etag: string | null }
  | { kind: "not-modified" }
  | { kind: "redirect"; path: string }
  | { kind: "error"; status: number; error: ApiError["error"] };

type DetailQuery = NonNullable<operations["articles_retrieve"]["parameters"]["query"]>;

/** One call per catch-all route: the article, a 304, or where its language version lives. */
export async function loadArticle(
  base: string,
  slug: string,
  lang: Language,
  options: { etag?: string; token?: string } = {},
): Promise<ArticleResult> {
  const query: DetailQuery = { lang };
  const headers: Record<string, string> = {};
  if (options.etag) headers["If-None-Match"] = options.etag;
  if (options.token) headers["Authorization"] = `Bearer ${options.token}`;
  const url = `${base}/api/v1/articles/${encodeURIComponent(slug)}/?lang=${query.lang ?? lang}`;
  const response = await fetch(url, { headers });
  if (response.status === 304) return { kind: "not-modified" };
  if (!response.ok) {
    const body: ApiError = await response.json();
    const wanted = body.error.details.translations?.find((link) => link.lang === lang);
    if (body.error.code === "article_not_found" && wanted) {
      return { kind: "redirect", path: wanted.path };
    }
    return { kind: "error", status: response.status, error: body.error };
  }
  const article: Article = await response.json();
  return { kind: "article", article, etag: response.headers.get("ETag") };
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** The ready `head` list as HTML (for frameworks that take a string). */
export function renderHead(elements: readonly HeadElement[]): string {
  return elements
    .map((element) => {
      const attributes = Object.entries(element.attributes)
        .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
        .join("");
      if (element.tag === "meta" || element.tag === "link") return `<${element.tag}${attributes}>`;
      // title text is escaped; JSON-LD script text arrives with "<" already escaped.
      const text = element.tag === "title" ? escapeHtml(element.text ?? "") : (element.text ?? "");
      return `<${element.tag}${attributes}>${text}</${element.tag}>`;
    })
    .join("\n");
}

/** <picture> for a responsive hero image: modern formats first, then the fallback <img>. */
export function renderPicture(image: NonNullable<Article["hero_image"]>): string {
  const sources = image.sources
    .map((source) => `<source type="${source.type}" srcset="${source.srcset}" sizes="${image.sizes}">`)
    .join("");
  const position = image.focal_point
    ? ` style="object-position: ${image.focal_point.x * 100}% ${image.focal_point.y * 100}%"`
    : "";
  return (
    `<picture>${sources}<img src="${image.url}" srcset="${image.srcset}" sizes="${image.sizes}" ` +
    `width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}"${position}></picture>`
  );
}

/** JSON-LD narrowed by its @type. */
export function headline(article: Article): string | undefined {
  const posting = article.seo.json_ld.find(
    (item): item is Extract<JsonLd, { "@type": "BlogPosting" }> => item["@type"] === "BlogPosting",
  );
  return posting?.headline;
}

/** Links within the current host (preview deployments): paths, not absolute URLs. */
export function languageSwitcher(article: Article): { lang: Language; href: string }[] {
  return article.seo.alternates.flatMap((link) =>
    link.lang === "x-default" ? [] : [{ lang: link.lang, href: link.path }],
  );
}

/** Static builds: every page of a list, following page numbers. */
export async function allArticles(base: string, lang: Language, token: string): Promise<ArticleList["results"]> {
  const results: ArticleList["results"] = [];
  let page: number | null = 1;
  while (page !== null) {
    const response = await fetch(`${base}/api/v1/articles/?lang=${lang}&page_size=100&page=${page}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      const body: ApiError = await response.json();
      throw new Error(`${body.error.code}: ${body.error.message}`);
    }
    const list: ArticleList = await response.json();
    results.push(...list.results);
    page = list.next_page;
  }
  return results;
}
