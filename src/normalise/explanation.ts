/**
 * Toelichting cell → plain text with paragraphs and bullet lists kept as structure
 * (explanation-blocks.ts has the rules), with the HTML parser: htmlparser2 (the parser under
 * cheerio, without cheerio's selector engine), loaded with this module.
 */
import type { AnyNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Explanation } from '../schema/annex.js';
import { explanationOf } from './explanation-blocks.js';

/** A cell's HTML as its top-level nodes; malformed HTML is read the way a browser would (htmlparser2). */
export function parseExplanationHtml(cell: string): AnyNode[] {
  return parseDocument(cell).children;
}

/**
 * Parses a Toelichting cell (HTML or plain text, markers already removed) into blocks and a
 * plain-text rendering: paragraphs separated by a blank line, list items as lines `• item`.
 * Never throws.
 */
export function normaliseExplanation(cell: string): Explanation {
  return explanationOf(cell, parseExplanationHtml);
}
