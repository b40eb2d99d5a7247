// The routes of the reference frontend, as a function from a URL to a web-standard Response
// (server.js serves it with node:http; the same function fits any runtime with fetch()).
//
//   /                          -> 302 to the default language's list
//   /{lang}/                   -> 302 to its list
//   /{lang}/blog/              the article list (?page=)
//   /{lang}/blog/{slug}/       an article (FRONTEND_URL_TEMPLATE's default shape)
//   /preview/?token=&lang=     a draft, for the admin's preview (FRONTEND_PREVIEW_URL)
import { type Answer, Cms } from "./api";
import { articlePage, errorPage, listPage } from "./pages";

export interface Config {
  /** The CMS's origin, e.g. http://127.0.0.1:8000. */
  cms: string;
}

const HOME = /^\/([^/]+)\/$/;
const LIST = /^\/([^/]+)\/blog\/$/;
const ARTICLE = /^\/([^/]+)\/blog\/([^/]+)\/$/;
const PAGE_CACHE = "public, max-age=60";

export async function handle(url: URL, config: Config): Promise<Response> {
  const cms = new Cms(config.cms);
  // "//host" would make the slash redirect below leave the site: one leading slash only.
  const pathname = url.pathname.replace(/^\/+/, "/");
  const { searchParams } = url;
  if (!pathname.endsWith("/")) return redirect(`${pathname}/${url.search}`, 301);

  if (pathname === "/") {
    const answer = await cms.languages();
    if (answer.kind !== "ok") return failure("en", answer);
    return redirect(`/${answer.data.default}/blog/`, 302);
  }

  if (pathname === "/preview/") {
    const token = searchParams.get("token");
    const lang = searchParams.get("lang");
    if (!token) return page("Pass the preview token as ?token=.", 400, "text/plain");
    const answer = await cms.preview(token, lang);
    if (answer.kind !== "ok") return failure(lang ?? "en", answer, "private, no-store");
    // A draft is one editor's: no shared cache, no browser cache, no search engine.
    const draft = articlePage(answer.data, { preview: true });
    const response = page(draft, 200, "text/html", "private, no-store");
    response.headers.set("X-Robots-Tag", "noindex");
    return response;
  }

  // A language's home (the breadcrumbs' first link): this site has only its article list.
  const [home] = segments(HOME, pathname) ?? [];
  if (home) return redirect(`/${encodeURIComponent(home)}/blog/`, 302);

  const [lang, slug] = segments(ARTICLE, pathname) ?? segments(LIST, pathname) ?? [];
  if (lang && slug) {
    const answer = await cms.article(slug, lang);
    if (answer.kind !== "ok") return failure(lang, answer);
    return page(articlePage(answer.data), 200, "text/html", PAGE_CACHE);
  }
  if (lang) {
    const number = Number(searchParams.get("page") ?? "1");
    const [articles, languages] = await Promise.all([
      cms.articles(lang, Number.isInteger(number) && number > 0 ? number : 1),
      cms.languages(),
    ]);
    if (articles.kind !== "ok") return failure(lang, articles);
    const codes = languages.kind === "ok" ? languages.data.languages.map((l) => l.code) : [lang];
    return page(listPage(articles.data, codes), 200, "text/html", PAGE_CACHE);
  }

  return page("Not found.", 404, "text/plain");
}

/** The route's path segments as text; null when it does not match or a segment's
 * percent-encoding is broken (then: not found). */
function segments(route: RegExp, pathname: string): string[] | null {
  const match = route.exec(pathname);
  try {
    return match ? match.slice(1).map(decodeURIComponent) : null;
  } catch {
    return null;
  }
}

/** An answer that is no page: a 301 where the API says the page lives now, else its error. */
function failure(
  lang: string,
  answer: Exclude<Answer<unknown>, { kind: "ok" }>,
  cache = "no-cache",
): Response {
  if (answer.kind === "moved") return redirect(answer.path, 301);
  // The page's language comes from the URL: only a language tag may go into its links.
  const pageLang = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(lang) ? lang : "en";
  // The API's 4xx are this page's (a language the API does not know: no such page); a 429,
  // 5xx or anything else means the CMS cannot serve the page right now.
  const status =
    answer.error.code === "unsupported_language" ? 404
    : answer.status >= 400 && answer.status < 500 && answer.status !== 429 ? answer.status
    : 502;
  return page(errorPage(pageLang, status, answer.error), status, "text/html", cache);
}

function redirect(location: string, status: 301 | 302): Response {
  return new Response(null, { status, headers: { Location: location } });
}

function page(body: string, status: number, type = "text/html", cache = "no-cache"): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": cache },
  });
}
