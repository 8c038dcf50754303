/** CSV output: RFC 4180 that a CSV parser reads back to the same rows; Excel and injection options. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_COLUMNS, activitiesCsv, footnotesCsv } from '../src/emit/csv.js';
import { extract2024Text } from './helpers/fixtures.js';

const { annex } = await extract2024Text();

describe('activities.csv', () => {
  it('reads back to the same 83 rows with the same ids, titles and explanations', () => {
    const rows = parse(activitiesCsv(annex), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(83);
    expect(Object.keys(rows[0]!)).toEqual([...ACTIVITY_COLUMNS]);
    expect(rows.map((r) => r.id)).toEqual(annex.activities.map((a) => a.id));
    expect(rows.map((r) => r.title)).toEqual(annex.activities.map((a) => a.title));
    expect(rows.map((r) => r.explanation)).toEqual(annex.activities.map((a) => a.explanation.text));
    const dans = rows.find((r) => r.title === 'Aanpak grensoverschrijdend gedrag in de danssector')!;
    expect(dans).toMatchObject({ action_line: '3', id: 'AL3-09', footnotes: '14|15', planning_text: '2023-2025', owners_text: 'VWS en OCW', page: '9', line: '274' });
  });

  it('writes the Dutch Excel dialect: BOM, ";" and CRLF, and still reads back', () => {
    const csv = activitiesCsv(annex, { delimiter: ';', bom: true, recordDelimiter: '\r\n' });
    expect(csv.startsWith('\uFEFFaction_line;action_line_title;id;')).toBe(true);
    expect(csv).toContain('\r\n1;');
    // A strict reader: any line break outside quotes ends a record (as in Excel and Python's csv).
    const rows = parse(csv, { columns: true, delimiter: ';', bom: true, record_delimiter: ['\r\n', '\n'] }) as Record<string, string>[];
    expect(rows).toHaveLength(83);
    expect(rows.map((r) => r.explanation)).toEqual(annex.activities.map((a) => a.explanation.text));
    expect(rows.find((r) => r.id === 'AL3-09')!.footnotes).toBe('14|15');
  });

  it("neutralises formula-like cells with a leading ' by default, and not when turned off", () => {
    const evil = structuredClone(annex);
    evil.activities[0]!.title = '=HYPERLINK("http://x","y")';
    evil.activities[1]!.title = '+31 20';
    evil.activities[2]!.title = '@SUM(A1)';
    evil.activities[3]!.title = '\nregel';
    evil.activities[4]!.title = '-1';
    const rows = parse(activitiesCsv(evil), { columns: true }) as Record<string, string>[];
    expect(rows.slice(0, 5).map((r) => r.title)).toEqual(["'=HYPERLINK(\"http://x\",\"y\")", "'+31 20", "'@SUM(A1)", "'\nregel", "'-1"]);
    const raw = parse(activitiesCsv(evil, { neutraliseFormulas: false }), { columns: true }) as Record<string, string>[];
    expect(raw[0]!.title).toBe('=HYPERLINK("http://x","y")');
    expect(rows[5]!.title).toBe(annex.activities[5]!.title);
  });
});

describe('footnotes.csv', () => {
  it('has one row per footnote with its text and the activity citing it', () => {
    const rows = parse(footnotesCsv(annex), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(25);
    expect(rows[13]).toMatchObject({
      number: '14',
      text: 'Verinorm (2023) [Schaduw dansen. Een onderzoek naar grensoverschrijdend gedrag in het dansen](#).',
      cited_by: 'AL3-09',
      page: '9',
    });
  });
});
