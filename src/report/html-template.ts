/**
 * A tagged template for HTML that escapes every interpolated value unless it is already HTML
 * (`SafeHtml`, made only by `html` itself or by `trustedHtml` for markup this program generated,
 * such as vega's SVG and the page's own CSS and script). Input text is untrusted: a title such as
 * `<script>` or `" onmouseover="` ends up as text, never as markup.
 */

/** Markup that is safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `& < > " '` so that text is safe both in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup this program generated itself (not input text); inserted unescaped. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function part(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: the literal parts as written, every value escaped (arrays joined, null/undefined/false left out). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}
