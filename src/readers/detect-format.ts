/**
 * Input format detection from the first bytes (magic numbers), not from the file name:
 * `%PDF-` → pdf; `<!doctype html`, `<html`, `<table` or `<body` near the start → html; else text.
 */
import type { InputFormat } from '../model/page-model.js';
import { utf16Bom } from './decode-text.js';

/** Detects the format of `bytes`. Never throws; unreadable text is the text reader's to refuse. */
export function detectFormat(bytes: Uint8Array): InputFormat {
  const utf16 = utf16Bom(bytes);
  const head = utf16 !== null ? new TextDecoder(utf16).decode(bytes.subarray(0, 2048)) : new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  // PDF readers accept the header anywhere in the first 1024 bytes.
  if (head.includes('%PDF-')) return 'pdf';
  if (/^\s*(?:\u00EF\u00BB\u00BF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|table)\b/i.test(head)) return 'html';
  return 'text';
}
