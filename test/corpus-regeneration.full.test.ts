/**
 * Corpus regeneration (full tier: LibreOffice Writer and Calc, WeasyPrint, Chromium, Ghostscript,
 * poppler, pdfLaTeX): the generators of the renditions added for the document-level table model still make
 * every committed truth file byte for byte from the data, each read back from the PDF it just made
 * (the PDFs themselves carry dates and differ). Word variants take about 20 s each, so two of the
 * new Word layouts stand for their generator options (the merged first column, the status in words
 * broken by a page end); the other generators run all their variants. pdfLaTeX, given a fixed date
 * and trailer /ID, remakes its PDFs byte for byte too (with the TeX Live of .ci/run, Debian 12's), and
 * so does ReportLab given SOURCE_DATE_EPOCH (Debian 12's python3-reportlab 3.6.12 and fonts), and
 * ConTeXt, whose sources pin dates and ids themselves (Debian 12's context 2021.03.05 on LuaTeX 1.15).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALC_VARIANT, generateCalc } from '../scripts/calc-rendition/generate.js';
import { CONTEXT_VARIANTS, generateContext } from '../scripts/context-rendition/generate.js';
import { HTML_PRINT_VARIANTS, generateHtmlPrint } from '../scripts/html-rendition/generate.js';
import { LATEX_VARIANTS, generateLatex } from '../scripts/latex-rendition/generate.js';
import { REPORTLAB_VARIANTS, generateReportlab } from '../scripts/reportlab-rendition/generate.js';
import { REWRITE_VARIANTS, generateRewrite } from '../scripts/rewritten-rendition/generate.js';
import { SCAN, generateScan } from '../scripts/scan-rendition/generate.js';
import { generateWordVariant } from '../scripts/word-rendition/generate.js';
import { WORD_VARIANTS } from '../scripts/word-rendition/variants.js';
import { requireProgram } from './helpers/programs.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const committed = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

let out: string;
beforeAll(() => {
  requireProgram('soffice', ['--version'], 'libreoffice-writer-nogui libreoffice-calc-nogui');
  requireProgram('weasyprint', ['--version'], 'weasyprint');
  requireProgram('chromium', ['--version'], 'chromium');
  requireProgram('gs', ['--version'], 'ghostscript');
  requireProgram('pdftocairo', ['-v'], 'poppler-utils');
  requireProgram('qpdf', ['--version'], 'qpdf');
  requireProgram('pdflatex', ['--version'], 'texlive-latex-recommended texlive-fonts-recommended lmodern');
  requireProgram('/usr/bin/python3', ['-c', 'import reportlab'], 'python3-reportlab');
  requireProgram('context', ['--version'], 'context fonts-texgyre');
  out = mkdtempSync(join(tmpdir(), 'nap-corpus-'));
});
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe.each(['actionline-column-a4-landscape-verdana', 'status-words-a5-times'])('Word variant %s', (name) => {
  it('regenerates its truth file byte for byte', async () => {
    const v = WORD_VARIANTS.find((w) => w.name === name)!;
    await generateWordVariant(v, join(out, 'word'));
    expect(readFileSync(join(out, 'word', `${name}.truth.json`), 'utf8')).toBe(committed(`word-generated/${name}.truth.json`));
  });
});

describe.each(HTML_PRINT_VARIANTS.map((v) => [v.name, v] as const))('printed HTML %s', (name, v) => {
  it('regenerates its truth file byte for byte', async () => {
    await generateHtmlPrint(v, join(out, 'html'));
    expect(readFileSync(join(out, 'html', `${name}.truth.json`), 'utf8')).toBe(committed(`html-printed/${name}.truth.json`));
  });
});

describe.each(LATEX_VARIANTS.map((v) => [v.name, v] as const))('pdfLaTeX %s', (name, v) => {
  it('regenerates its truth file and its PDF byte for byte', async () => {
    await generateLatex(v, join(out, 'latex'));
    expect(readFileSync(join(out, 'latex', `${name}.truth.json`), 'utf8')).toBe(committed(`latex-generated/${name}.truth.json`));
    const pdf = readFileSync(join(out, 'latex', `${name}.pdf`));
    expect(pdf.equals(readFileSync(join(FIXTURES, `latex-generated/${name}.pdf`))), `${name}.pdf differs from the committed file`).toBe(true);
  });
});

describe.each(REPORTLAB_VARIANTS.map((v) => [v.name, v] as const))('ReportLab %s', (name, v) => {
  it('regenerates its truth file and its PDF byte for byte', async () => {
    await generateReportlab(v, join(out, 'reportlab'));
    expect(readFileSync(join(out, 'reportlab', `${name}.truth.json`), 'utf8')).toBe(committed(`reportlab-generated/${name}.truth.json`));
    const pdf = readFileSync(join(out, 'reportlab', `${name}.pdf`));
    expect(pdf.equals(readFileSync(join(FIXTURES, `reportlab-generated/${name}.pdf`))), `${name}.pdf differs from the committed file`).toBe(true);
  });
});

describe.each(CONTEXT_VARIANTS.map((v) => [v.name, v] as const))('ConTeXt %s', (name, v) => {
  it('regenerates its truth file and its PDF byte for byte', async () => {
    await generateContext(v, join(out, 'context'));
    expect(readFileSync(join(out, 'context', `${name}.truth.json`), 'utf8')).toBe(committed(`context-generated/${name}.truth.json`));
    const pdf = readFileSync(join(out, 'context', `${name}.pdf`));
    expect(pdf.equals(readFileSync(join(FIXTURES, `context-generated/${name}.pdf`))), `${name}.pdf differs from the committed file`).toBe(true);
  });
});

it('Calc from .xlsx regenerates its truth file byte for byte', async () => {
  await generateCalc(join(out, 'calc'));
  expect(readFileSync(join(out, 'calc', `${CALC_VARIANT.name}.truth.json`), 'utf8')).toBe(committed(`calc-generated/${CALC_VARIANT.name}.truth.json`));
});

describe.each(REWRITE_VARIANTS.map((v) => [v.name, v] as const))('re-written %s', (name, v) => {
  it('regenerates its truth file byte for byte, its text checked against the source', async () => {
    await generateRewrite(v, join(out, 'rewritten'));
    expect(readFileSync(join(out, 'rewritten', `${name}.truth.json`), 'utf8')).toBe(committed(`rewritten/${name}.truth.json`));
  });
});

it('the scan regenerates its truth file byte for byte, one image and no text per page', async () => {
  await generateScan(join(out, 'scanned'));
  expect(readFileSync(join(out, 'scanned', `${SCAN.name}.truth.json`), 'utf8')).toBe(committed(`scanned/${SCAN.name}.truth.json`));
});
