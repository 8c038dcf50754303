/**
 * The tests' page cache (test/helpers/page-cache.ts) finds an entry by the sources the page reader
 * is built from: the operator walk, the reader's settings and the threads decide the pages; the
 * layout, assembly and outputs run after them, every time, and a change to them must not make the
 * tests read every rendition again.
 */
import { describe, expect, it } from 'vitest';
import { pageReaderSources } from '../helpers/page-cache.js';

describe('the page cache key', () => {
  it('covers the code that makes the pages (threads, walk, visibility, settings) and not what runs after them', async () => {
    const sources = await pageReaderSources();
    for (const file of ['src/threads/page-reader-thread.ts', 'src/threads/read-pages.ts', 'src/threads/pdfjs-environment.ts', 'src/readers/pdf/document.ts', 'src/readers/pdf/graphics.ts', 'src/readers/pdf/visibility.ts', 'src/readers/pdf/walk/text.ts', 'src/readers/pdf/settings.ts']) {
      expect(sources).toContain(file);
    }
    for (const file of ['src/readers/pdf/layout.ts', 'src/readers/pdf/furniture.ts', 'src/readers/pdf/index.ts', 'src/pipeline.ts']) expect(sources).not.toContain(file);
    expect(sources.every((f) => f.startsWith('src/'))).toBe(true);
  });
});
