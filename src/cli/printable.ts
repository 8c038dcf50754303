/**
 * Terminal- and log-safe text: every line the CLI prints passes through `printable`, so that a
 * file name or a value from the input cannot start a new line (a forged diagnostic or a GitHub
 * workflow command such as `::error`), move the cursor or recolour the terminal (ESC sequences).
 */

/**
 * C0 controls (tab and line breaks included), DEL, C1 controls, the Unicode line/paragraph
 * separators, and the bidirectional controls (ALM, LRM, RLM, embeddings, overrides, isolates) that
 * would reorder the rest of a printed line (a right-to-left override can make `…gnp.exe` read as `…exe.png`).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Shows control characters as escapes: LF → `\x0a`, ESC → `\x1b`, U+2028 → `\u2028`, U+202E → `\u202e`. Other text is unchanged. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
