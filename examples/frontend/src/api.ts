// The content API through the committed types of clients/typescript (generated from the CMS's
// /api/schema/ by openapi-typescript): plain fetch(), each body typed by the operation and
// status the OpenAPI document declares for it. An API change that breaks this file fails
// `npm run typecheck` (and the test in tests/examples/).
import type { components, operations } from "../../../clients/typescript/src/schema";

/** The JSON body an operation answers with `status`, as the OpenAPI document declares it. */
type Body<
  Operation extends keyof operations,
  Status extends keyof operations[Operation]["responses"],
> = operations[Operation]["responses"][Status] extends { content: { "application/json": infer B } }
  ? B
  : never;

export type Language = components["schemas"]["Language"];
export type Languages = Body<"languages_list", 200>;
export type ArticleList = Body<"articles_list", 200>;
export type Article = Body<"articles_retrieve", 200>;
export type SlugRedirect = Body<"articles_retrieve", 301>;
export type ApiError = components["schemas"]["Error"]["error"];
export type HeadElement = components["schemas"]["HeadElement"];

/** What a page gets from the API: data, a page to send the visitor to instead, or an error. */
export type Answer<T> =
  | { kind: "ok"; data: T }
  | { kind: "moved"; path: string }
  | { kind: "error"; status: number; error: ApiError };

export class Cms {
  /** `base`: the CMS's origin, e.g. http://127.0.0.1:8000 (the API lives under /api/v1/). */
  constructor(private readonly base: string) {}

  languages(): Promise<Answer<Languages>> {
    return this.get<Languages>("/api/v1/languages/");
  }

  articles(lang: string, page = 1): Promise<Answer<ArticleList>> {
    return this.get<ArticleList>(`/api/v1/articles/?${new URLSearchParams({ lang, page: `${page}` })}`);
  }

  /**
   * One article by its slug, for a catch-all route /{lang}/blog/{slug}/. Two answers send the
   * visitor elsewhere with a 301: a former slug (the API's 301 names the frontend URL now), and
   * a slug of another language version (the 404 lists where the article lives in `lang`).
   */
  async article(slug: string, lang: string): Promise<Answer<Article>> {
    const path = `/api/v1/articles/${encodeURIComponent(slug)}/?${new URLSearchParams({ lang })}`;
    // redirect: "manual": fetch() would follow the 301 to the new API URL silently, and the page
    // would be rendered under its old address.
    const response = await this.fetch(path, { redirect: "manual" });
    if (response.status === 301) {
      const moved: SlugRedirect = await response.json();
      return { kind: "moved", path: pathOf(moved.redirect.frontend_url) };
    }
    const answer = await this.read<Article>(response);
    if (answer.kind === "error" && answer.error.code === "article_not_found") {
      const here = answer.error.details.translations?.find((link) => link.lang === lang);
      if (here) return { kind: "moved", path: here.path };
    }
    return answer;
  }

  /** The draft a preview token names (from the admin's preview: FRONTEND_PREVIEW_URL). */
  preview(token: string, lang: string | null): Promise<Answer<Article>> {
    const query = new URLSearchParams({ token });
    if (lang) query.set("lang", lang);
    return this.get<Article>(`/api/v1/preview/?${query}`);
  }

  private async get<T>(path: string): Promise<Answer<T>> {
    return this.read<T>(await this.fetch(path));
  }

  private fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(new URL(path, this.base), { ...init, headers: { Accept: "application/json" } });
  }

  private async read<T>(response: Response): Promise<Answer<T>> {
    if (response.ok) {
      const data: T = await response.json();
      return { kind: "ok", data };
    }
    const body: components["schemas"]["Error"] = await response.json();
    return { kind: "error", status: response.status, error: body.error };
  }
}

/** A frontend URL's path and query: links stay on the host serving this frontend. */
function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}
