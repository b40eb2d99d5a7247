// A tagged template for HTML strings: interpolated values are escaped unless they are Html
// already (another template, or raw() for HTML the API has sanitised), so a title with "<" or
// a quote can never break the page.

export class Html {
  constructor(readonly value: string) {}
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function escape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** HTML that is trusted as it is: the API's sanitised rich text, its escaped JSON-LD. */
export function raw(value: string): Html {
  return new Html(value);
}

function render(value: Value): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escape(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(
    strings.reduce((out, text, index) => out + render(values[index - 1] ?? null) + text),
  );
}
