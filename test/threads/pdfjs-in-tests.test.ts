/**
 * A test file that imports pdfjs-dist itself lets its core-js replace Array.prototype.push in the
 * shared test process (src/threads/pdfjs-environment.ts); test/setup/native-array-push.ts puts
 * V8's own back before each file's tests. This file imports pdfjs-dist, as several quick tests do.
 */
import 'pdfjs-dist/legacy/build/pdf.mjs';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { describe, expect, it } from 'vitest';
import { isNativeArrayPush } from '../../src/threads/pdfjs-environment.js';

describe('the test process', () => {
  it("runs pdf.js (imported above) with V8's own Array.prototype.push, not core-js's", () => {
    expect(isNativeArrayPush()).toBe(true);
  });
});
