/**
 * Links in footnote (or cell) text → `Link[]` in order of appearance.
 *
 * Recognised, in this order (a later form never matches inside an earlier match):
 * 1. Markdown links `[text](url)` (optional `"title"`, optional `<url>`). Backslash escapes in the
 *    text are removed (`\(benjeoke.nl\)` → `(benjeoke.nl)`). An empty target or one starting with
 *    `#` (the export writes `(#)` for a link whose target it lost) gives `url: null`: the link is
 *    kept as "no url", never invented.
 * 2. Autolinks `<https://…>` / `<http://…>`: text and url are the address.
 * 3. Bare `https://…` / `http://…` addresses; trailing sentence punctuation and an unbalanced `)`
 *    are not part of the address.
 * 4. Bare `www.` domains (`www.rcgog.nl`): text as printed, url `https://` + text.
 * Bare domains without `www.` (`rijksoverheid.nl`) are not links: turning them into one would be a
 * guess. The scheme of a printed URL is kept (`http://` is not upgraded).
 */
import type { Link } from '../schema/annex.js';

const MARKDOWN = /\[((?:\\.|[^[\]\\])*)\]\(\s*(<[^<>\n]*>|(?:\\.|[^()\s\\]|\((?:\\.|[^()\s\\])*\))*)(?:\s+"[^"]*")?\s*\)/gu;
const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/giu;
const BARE_URL = /\bhttps?:\/\/[^\s<>"'\]]+/giu;
const BARE_WWW = /(?<![\p{L}\p{N}./@:-])www\.[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#][^\s<>"'\]]*)?/giu;

/** Removes Markdown backslash escapes: `\(` → `(`. */
function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Drops trailing punctuation that ends a sentence, and a `)` that closes nothing in the URL. Linear. */
function trimUrl(url: string): string {
  let open = 0;
  let close = 0;
  for (const ch of url) {
    if (ch === '(') open++;
    else if (ch === ')') close++;
  }
  let end = url.length;
  for (;;) {
    const ch = url[end - 1];
    if (ch !== undefined && `.,;:!?'"`.includes(ch)) end--;
    else if (ch === ')' && open < close) {
      end--;
      close--;
    } else return url.slice(0, end);
  }
}

/**
 * Extracts every link from `text` (see the module doc). Pure; returns `[]` for text without
 * links. `extractLinks('Te vinden op: www.rcgog.nl')` → `[{ text: 'www.rcgog.nl', url: 'https://www.rcgog.nl' }]`.
 */
export function extractLinks(text: string): Link[] {
  const found: Array<{ index: number; link: Link }> = [];
  let rest = text;
  // Matched text is blanked out (same length) so that a later form never matches inside it;
  // ranges of one pass are blanked together, in one linear rebuild.
  let consumed: Array<[number, number]> = [];
  const consume = (index: number, length: number): void => {
    consumed.push([index, length]);
  };
  const blankConsumed = (): void => {
    if (consumed.length === 0) return;
    let out = '';
    let at = 0;
    for (const [index, length] of consumed) {
      out += rest.slice(at, index) + ' '.repeat(length);
      at = index + length;
    }
    rest = out + rest.slice(at);
    consumed = [];
  };

  for (const m of text.matchAll(MARKDOWN)) {
    let target = (m[2] ?? '').trim();
    if (target.startsWith('<') && target.endsWith('>')) target = target.slice(1, -1).trim();
    target = unescapeMarkdown(target);
    const url = target === '' || target.startsWith('#') ? null : target;
    found.push({ index: m.index, link: { text: unescapeMarkdown(m[1] ?? '').trim(), url } });
    consume(m.index, m[0].length);
  }
  blankConsumed();
  for (const m of [...rest.matchAll(AUTOLINK)]) {
    found.push({ index: m.index, link: { text: m[1]!, url: m[1]! } });
    consume(m.index, m[0].length);
  }
  blankConsumed();
  for (const m of [...rest.matchAll(BARE_URL)]) {
    const url = trimUrl(m[0]);
    found.push({ index: m.index, link: { text: url, url } });
    consume(m.index, url.length);
  }
  blankConsumed();
  for (const m of [...rest.matchAll(BARE_WWW)]) {
    const host = trimUrl(m[0]);
    found.push({ index: m.index, link: { text: host, url: `https://${host}` } });
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.link);
}

/** URL schemes a link may keep: the web and e-mail. Everything else (`javascript:`, `data:`, `file:`, `vbscript:` …) runs code or reaches local files when clicked. */
/** The URL schemes a link may keep: every other URL is dropped (NAP404). */
export const SAFE_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/** True when `url` starts with `http://`, `https://` or `mailto:` (case-insensitive, after leading white space is trimmed). */
export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url.trim());
}

/**
 * Links with a URL that is not http, https or mailto lose that URL (`url: null`, the text stays);
 * the URLs taken away are returned in `refused`, in order, for a diagnostic. Pure.
 * `screenLinks([{ text: 'x', url: 'javascript:alert(1)' }])` → `{ links: [{ text: 'x', url: null }], refused: ['javascript:alert(1)'] }`.
 */
export function screenLinks(links: readonly Link[]): { links: Link[]; refused: string[] } {
  const refused: string[] = [];
  const kept = links.map((link) => {
    if (link.url === null || isSafeUrl(link.url)) return link;
    refused.push(link.url);
    return { text: link.text, url: null };
  });
  return { links: kept, refused };
}

/**
 * The text as a reader sees it: Markdown links become their text, autolinks their address,
 * backslash escapes are removed. `'Verinorm (2023) [Schaduw dansen](#).'` →
 * `'Verinorm (2023) Schaduw dansen.'`. Pure; text without Markdown comes back unchanged.
 */
export function plainLinkText(text: string): string {
  return text
    .replace(MARKDOWN, (_m, label: string) => unescapeMarkdown(label).trim())
    .replace(AUTOLINK, (_m, url: string) => url);
}
