/**
 * The 2024 annex as a PDF rendition with status icons (fixtures/nap-2024/bijlage-1-rendition.pdf):
 * the same data as the text export, field by field, and every status from its icon.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPECTED_STATUSES_2024, PDF_2024, extract2024Pdf, extract2024Text } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

// extractAnnex(readFileSync(PDF_2024)): a Node Buffer on purpose, pdfjs refuses Buffers, the reader must copy.
const { annex: pdf } = await extract2024Pdf();
const { annex: text } = await extract2024Text();
const expected = JSON.parse(readFileSync(EXPECTED_STATUSES_2024, 'utf8')) as { seq: number; actielijn: number; title: string; status: string }[];

describe('PDF rendition of the 2024 annex', () => {
  it('is detected as PDF: 17 pages, 5 action lines, 83 activities, 25 footnotes', async () => {
    expect(pdf.source).toMatchObject({ format: 'pdf', pageCount: 17, byteLength: 346484 });
    expect(pdf.actionLines.map((a) => a.activityCount)).toEqual([27, 7, 31, 6, 12]);
    expect(pdf.footnotes).toHaveLength(25);
    expect(pdf.title).toBe(text.title);
  });

  it('gives the same action lines and activities as the text export, field by field', async () => {
    const strip = <T extends { location: { page: number } }>(x: T) => ({ ...x, location: { page: x.location.page } });
    expect(pdf.actionLines.map(strip)).toEqual(text.actionLines.map(strip));
    // Status and provenance (boxes on the page) are what only the PDF has; test/provenance.test.ts checks the boxes.
    const noStatus = (a: (typeof text.activities)[number]) => ({ ...strip(a), status: null, statusFoundBy: null, provenance: null });
    for (let i = 0; i < 83; i++) expect(noStatus(pdf.activities[i]!), text.activities[i]!.id).toEqual(noStatus(text.activities[i]!));
  });

  it('gives the same footnotes, texts, citations and citing rows, on the same pages', async () => {
    const strip = (f: (typeof text.footnotes)[number]) => ({ ...f, location: { page: f.location.page }, provenance: null });
    expect(pdf.footnotes.map(strip)).toEqual(text.footnotes.map(strip));
  });

  it('reads every status from its icon: 83 of 83 equal to the expected statuses', async () => {
    expect(pdf.activities.map((a) => [a.actionLine, a.title, a.status?.label])).toEqual(
      expected.map((e) => [e.actielijn, e.title, e.status]),
    );
    expect(pdf.activities.every((a) => a.statusFoundBy === 'icon' && a.status?.foundBy === 'icon')).toBe(true);
    const counts = Object.fromEntries(
      ['completed', 'in_progress', 'ongoing', 'delayed', 'not_started_or_stopped'].map((c) => [c, pdf.activities.filter((a) => a.status?.code === c).length]),
    );
    expect(counts).toEqual({ completed: 15, in_progress: 38, ongoing: 20, delayed: 5, not_started_or_stopped: 5 });
  });

  it('reports only the edition it does not print (NAP013) and the truncated Actielijn 2 title', () => {
    expect(pdf.diagnostics.map((d) => [d.code, d.place.page])).toEqual([['NAP013', undefined], ['NAP501', 6]]);
  });

  it('extracts through the CLI with the status counts in the summary', async () => {
    const run = await runCli(['extract', PDF_2024, '--format', 'json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('pdf, 17 pages, 5 action lines, 83 activities, 25 footnotes');
    expect(run.stderr).toContain('Actielijn 2    7 activities (6 in_progress, 1 delayed)');
    expect(JSON.parse(run.stdout).activities[1].status.label).toBe('In uitvoering met vertraging');
  });
});
