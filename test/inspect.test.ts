/**
 * `nap-annex inspect`: the boxes it draws are the page model's, and the picture holds them.
 * - The drawing instructions of page 1 of the 2024 rendition against its page model: one outline
 *   per row, cell, status cue, column, legend entry, note and marker, with the model's own box, and
 *   the names the rows and cues get (the activity, what started the row, the legend entry matched
 *   and the colour distance).
 * - The PNG the built command line writes for that page: along every outline of a row, cell,
 *   status cue and column the pixels have that kind's colour, nowhere else on the page do they; the
 *   page itself is rendered under them (a status icon's own colour at the centre of its box).
 * - Without the canvas add-on: SVG pictures with the page model's text, and stderr says so.
 * - Bad input: a message naming the file, exit 2 or 64, nothing written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { runInspect } from '../src/cli/inspect-command.js';
import { DiagnosticBag } from '../src/diagnostics/bag.js';
import type { BBox, PageModel } from '../src/model/page-model.js';
import { type Drawing, type Instruction, KIND_STYLE, type OverlayKind, layoutDrawing, pageOverlays, statusLabel } from '../src/inspect/index.js';
import { pixelRect, strokePixels } from '../src/inspect/render-png.js';
import { PDF_2024, TEXT_2024 } from './helpers/fixtures.js';
import { readPdfCached } from './helpers/read-pdf.js';
import { runCli, spawnCli } from './helpers/run-cli.js';

const THREE_PAGES = fileURLToPath(new URL('../fixtures/bad/three-pages.pdf', import.meta.url));
const WINGDINGS = fileURLToPath(new URL('../fixtures/word-generated/wingdings-a4-landscape-calibri.pdf', import.meta.url));
const tmp = (): string => mkdtempSync(join(tmpdir(), 'nap-annex-inspect-'));

let model: PageModel;
let drawing: Drawing;

beforeAll(async () => {
  model = await readPdfCached(new Uint8Array(readFileSync(PDF_2024)), { diagnostics: new DiagnosticBag('r.pdf') });
  const page = model.pages[0]!;
  drawing = layoutDrawing(pageOverlays(model, [1])[0]!, page.size!);
});

/** The `box` instructions of one kind, as `bbox`es. */
const boxesOf = (kind: OverlayKind): BBox[] => drawing.instructions.flatMap((i) => (i.op === 'box' && i.kind === kind ? [i.bbox] : []));
/** The names in the margin of one kind. */
const namesOf = (kind: OverlayKind): string[] => drawing.instructions.flatMap((i) => (i.op === 'label' && i.bar && i.kind === kind ? [i.text] : []));

describe('the drawing of page 1 of the 2024 rendition is its page model', () => {
  it('draws every row, cell, status cue, column, the header row, legend entries, the note and its marker with the model\'s boxes', () => {
    const page = model.pages[0]!;
    const rows = page.tables.flatMap((t) => t.rows);
    expect(rows).toHaveLength(8); // the Actielijn 1 row, its goal, AL1-01 … AL1-06
    expect(boxesOf('row')).toEqual(rows.map((r) => r.location.bbox));
    expect(boxesOf('cell')).toEqual(rows.flatMap((r) => Object.values(r.cellBoxes ?? {})));
    expect(boxesOf('cell')).toHaveLength(2 + 6 * 4); // two rows of one cell; six activities with Activiteit, Wanneer, Wie, Toelichting
    expect(boxesOf('status')).toEqual(rows.flatMap((r) => (r.statusBox ? [r.statusBox] : [])));
    expect(boxesOf('status')).toHaveLength(6);
    const table = page.tables[0]!;
    const top = table.header!.location.bbox![1];
    const bottom = Math.max(...rows.map((r) => r.location.bbox![3]));
    expect(boxesOf('column')).toEqual(table.columns!.map((c) => [c.x0, top, c.x1, bottom]));
    expect(boxesOf('header')).toEqual([table.header!.location.bbox]);
    expect(boxesOf('legend')).toEqual(page.legend.map((e) => e.location.bbox));
    expect(boxesOf('legend')).toHaveLength(5);
    expect(boxesOf('note')).toEqual([page.footnotes[0]!.location.bbox]);
    expect(boxesOf('marker')).toEqual([rows[5]!.markers![0]!.bbox]); // the ¹ after "gedrag ." in AL1-04
    expect(boxesOf('text')).toEqual(page.looseText.map((t) => t.location.bbox)); // the title's two lines
    expect(boxesOf('furniture')).toEqual([]);
  });

  it('names each row by its activity and what started it, each cue by the legend entry it matched and the colour distance', () => {
    expect(namesOf('row')).toEqual([
      'Actielijn 1 row (started by: table-top)',
      'goal of Actielijn 1 (started by: ruling, vocabulary, gap, tag)',
      ...['AL1-01', 'AL1-02', 'AL1-03', 'AL1-04', 'AL1-05', 'AL1-06'].map((id) => `${id} (started by: ruling, gap, aligned, tag)`),
    ]);
    expect(namesOf('status')[0]).toBe('distance 0.0: Doorlopend gedurende uitvoering programma (vector #6a1b9a)');
    expect(namesOf('status').map((s) => s.replace(/ \(.*/, ''))).toEqual([
      'distance 0.0: Doorlopend gedurende uitvoering programma',
      'distance 0.0: In uitvoering met vertraging',
      'distance 0.0: Doorlopend gedurende uitvoering programma',
      'distance 0.0: Doorlopend gedurende uitvoering programma',
      'distance 0.0: In uitvoering',
      'distance 0.0: In uitvoering',
    ]);
    expect(namesOf('column')).toEqual(['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting']);
    expect(namesOf('note')).toEqual(['note 1']);
    expect(namesOf('marker')).toEqual(['marker 1']);
    // The margin lies right of the page; the legend strip under it names every kind.
    for (const i of drawing.instructions) if (i.op === 'label' && i.bar) expect(i.x).toBeGreaterThan(drawing.pageWidth);
    expect(drawing.instructions.filter((i) => i.op === 'swatch')).toHaveLength(10);
  });

  it('names the part of a row after a page end as the activity continued, with the legend in force', async () => {
    const word = await readPdfCached(new Uint8Array(readFileSync(WINGDINGS)), { diagnostics: new DiagnosticBag('w.pdf') });
    const names = pageOverlays(word).flatMap((o) => o.boxes.filter((b) => b.kind === 'row' && b.label!.includes('(continued)')).map((b) => `${o.page} ${b.label!.split(' ')[0]}`));
    // The rendition's 17 rows broken by a page end (NAP108 in its manifest entry), each on the page after its start.
    expect(names).toHaveLength(17);
    const cues = pageOverlays(word).flatMap((o) => o.boxes.filter((b) => b.kind === 'status'));
    expect(cues.length).toBeGreaterThanOrEqual(83);
    expect(cues.every((c) => c.label!.startsWith('distance '))).toBe(true);
  });
});

/** `#rrggbb` → [r, g, b]. */
const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

describe('the PNG the command line writes for page 1', () => {
  it('is written by the built command line too (the bundle finds pdfjs-dist and the add-on), replacing the pictures of an earlier inspect', async () => {
    const out = join(tmp(), 'bundle');
    expect(spawnCli(['inspect', THREE_PAGES, '-o', out, '-q'])).toMatchObject({ status: 0, stderr: '' });
    expect(readdirSync(out)).toEqual(['page-01.png', 'page-02.png', 'page-03.png']);
    // The replacement is the command's own (the same code in the bundle): in this process, one CLI process fewer.
    const again = await runCli(['inspect', THREE_PAGES, '--pages', '2', '-o', out]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('3 pages read');
    expect(readdirSync(out)).toEqual(['page-02.png']);
    const picture = PNG.sync.read(readFileSync(join(out, 'page-02.png')));
    expect(picture.width).toBeGreaterThan(200);
  });

  let png: PNG;
  const scale = 2;
  beforeAll(async () => {
    // In this process, where the reader's placeholders for the canvas add-on are in place (test/setup): inspect loads the real one past them.
    const out = join(tmp(), 'seen');
    const run = await runCli(['inspect', PDF_2024, '--pages', '1', '-o', out]);
    expect(run.stderr).toContain('17 pages read (0 errors, 0 warnings, 0 info;');
    expect(run.stderr).toContain('wrote');
    expect(run.status).toBe(0);
    expect(readdirSync(out)).toEqual(['page-01.png']);
    png = PNG.sync.read(readFileSync(join(out, 'page-01.png')));
  });

  /** True when the pixel at (x, y) has the colour `hex` exactly (to 8 units per channel). */
  const hasColour = (x: number, y: number, hex: string): boolean => {
    if (x < 0 || y < 0 || x >= png.width || y >= png.height) return false;
    const i = (y * png.width + x) * 4;
    const [r, g, b] = rgb(hex);
    return Math.abs(png.data[i]! - r) <= 8 && Math.abs(png.data[i + 1]! - g) <= 8 && Math.abs(png.data[i + 2]! - b) <= 8;
  };

  it('is the picture the drawing lays out: the page at 2 pixels per point, the margin and the legend strip', () => {
    expect(png.width).toBe(Math.ceil(drawing.width * scale));
    expect(png.height).toBe(Math.ceil(drawing.height * scale));
  });

  it('holds each kind\'s colour along the outlines of its boxes, and nowhere else on the page', () => {
    const checked: Record<string, number> = {};
    for (const kind of ['row', 'cell', 'status', 'column', 'header'] as const) {
      const color = KIND_STYLE[kind].color;
      const wanted = rgb(color);
      const boxes = drawing.instructions.filter((i): i is Extract<Instruction, { op: 'box' }> => i.op === 'box' && i.kind === kind);
      // Along the outline: every 4th pixel of each edge, within a pixel across it (dashed columns: half of them).
      const allowed = new Uint8Array(png.width * png.height);
      for (const b of boxes) {
        const r = pixelRect(b.bbox, b.outset, scale);
        let on = 0;
        let all = 0;
        const edge = (x: number, y: number): void => {
          all++;
          if ([-1, 0, 1].some((d) => hasColour(x + (r.x0 === x || r.x1 === x ? d : 0), y + (r.y0 === y || r.y1 === y ? d : 0), color))) on++;
        };
        for (let x = r.x0 + 2; x < r.x1 - 2; x += 4) [r.y0, r.y1].forEach((y) => edge(x, y));
        for (let y = r.y0 + 2; y < r.y1 - 2; y += 4) [r.x0, r.x1].forEach((x) => edge(x, y));
        // Another kind's outline drawn later may cover a stretch (a row's top under the cells' tops is drawn 1 pt outside them).
        expect(on / all, `${kind} ${b.bbox.join(',')}`).toBeGreaterThanOrEqual(b.dashed ? 0.4 : 0.8);
        // Allowed: within the stroke's width of one of the four edges (the box grown by that width,
        // less its inside): the bands along the top and bottom edges and along the left and right ones.
        const w = strokePixels(scale);
        const allow = (xa: number, xb: number, ya: number, yb: number): void => {
          for (let y = Math.max(0, ya); y <= Math.min(png.height - 1, yb); y++) {
            for (let x = Math.max(0, xa); x <= Math.min(png.width - 1, xb); x++) allowed[y * png.width + x] = 1;
          }
        };
        for (const y of [r.y0, r.y1]) allow(r.x0 - w, r.x1 + w, y - w, y + w);
        for (const x of [r.x0, r.x1]) allow(x - w, x + w, r.y0 - w, r.y1 + w);
      }
      // Nowhere else on the page (the margin and the legend strip hold names and swatches in every colour).
      let stray = 0;
      const pageRight = Math.min(png.width, Math.floor(drawing.pageWidth * scale) - 2);
      const pageBottom = Math.min(png.height, Math.floor(drawing.pageHeight * scale));
      const [wr, wg, wb] = wanted;
      const data = png.data;
      for (let y = 0; y < pageBottom; y++) {
        for (let x = 0; x < pageRight; x++) {
          const p = y * png.width + x;
          const i = p * 4;
          if (allowed[p] === 0 && Math.abs(data[i]! - wr) <= 8 && Math.abs(data[i + 1]! - wg) <= 8 && Math.abs(data[i + 2]! - wb) <= 8) stray++;
        }
      }
      expect(stray, `${kind} pixels away from its outlines`).toBe(0);
      checked[kind] = boxes.length;
    }
    expect(checked).toEqual({ row: 8, cell: 26, status: 6, column: 5, header: 1 });
  });

  it('renders the page under the drawing: each status icon in its own colour at the centre of its box', () => {
    const rows = model.pages[0]!.tables.flatMap((t) => t.rows).filter((r) => r.statusBox !== undefined);
    for (const r of rows) {
      const [x0, y0, x1, y1] = r.statusBox!;
      const cue = r.statusCue as { color: string };
      expect(hasColour(Math.round(((x0 + x1) / 2) * scale), Math.round(((y0 + y1) / 2) * scale), cue.color)).toBe(true);
    }
    expect(rows).toHaveLength(6);
  });
});

describe('statusLabel: how the status rule reads a cue', () => {
  const legend = [
    { label: 'Afgerond', iconColor: '#2e7d32', iconShape: 'glyph' as const, location: { page: 1 } },
    { label: 'In uitvoering', iconColor: '#1565c0', iconShape: 'glyph' as const, location: { page: 1 } },
  ];
  it.each([
    [{ kind: 'icon', color: '#2b7a30', shape: 'vector' }, 'distance 4.7: Afgerond (vector #2b7a30)'],
    [{ kind: 'icon', color: '#000000', shape: 'glyph' }, 'no match: nearest Afgerond at distance 142.3 (glyph #000000)'],
    [{ kind: 'icon', color: '#2e7d32', shape: 'shading' }, 'no match: no legend of its kind in force (shading #2e7d32)'],
    [{ kind: 'text', text: 'Vertraagd' }, 'words "Vertraagd": delayed'],
    [{ kind: 'text', text: 'Bijna klaar' }, 'words "Bijna klaar": no status label'],
    [{ kind: 'none' }, 'no status cue'],
  ] as const)('%j → %s', (cue, label) => {
    expect(statusLabel({ statusCue: cue }, legend)).toBe(label);
  });

  it('says so when two legend entries tie', () => {
    const tie = [
      { label: 'Afgerond', iconColor: '#707070', location: { page: 1 } },
      { label: 'In uitvoering', iconColor: '#909090', location: { page: 1 } },
    ];
    expect(statusLabel({ statusCue: { kind: 'icon', color: '#808080', shape: 'vector' } }, tie)).toBe('no match: two legend entries tie (vector #808080)');
  });
});

describe('nap-annex inspect without the canvas add-on, and with bad input', () => {
  const io = () => {
    const err = { text: '' };
    return { err, io: { stdout: { write: () => true }, stderr: { write: (s: string) => (err.text += s) }, stdin: Readable.from([]), cwd: process.cwd(), env: {}, keepThreads: true } };
  };
  const options = (output: string, extra: Partial<Parameters<typeof runInspect>[1]> = {}) => ({ output, format: 'png' as const, scale: 2, maxBytes: 50_000_000, maxPages: 2000, timeout: 120, maxMemory: 2048, quiet: false, ...extra });

  it('writes an SVG per page with the boxes and the page model\'s text, and says why on stderr', async () => {
    const out = join(tmp(), 'svg');
    const { err, io: cliIo } = io();
    const code = await runInspect(PDF_2024, options(out, { pages: [1] }), cliIo, () => ({ error: 'Cannot find module @napi-rs/canvas' }));
    expect(code).toBe(0);
    expect(err.text).toContain('the canvas add-on @napi-rs/canvas cannot be loaded (Cannot find module @napi-rs/canvas)');
    expect(err.text).toContain('wrote SVG pictures');
    expect(readdirSync(out)).toEqual(['page-01.svg']);
    const svg = readFileSync(join(out, 'page-01.svg'), 'utf8');
    expect(svg.match(/data-kind="row"/g)).toHaveLength(8);
    expect(svg.match(/data-kind="cell"/g)).toHaveLength(26);
    expect(svg.match(/data-kind="status"/g)).toHaveLength(6);
    expect(svg).toContain('>Publiekscommunicatie</tspan>');
    expect(svg).toContain('AL1-01 (started by: ruling, gap, aligned, tag)');
  });

  it('refuses a file that is no PDF, naming it: exit 2, nothing written', async () => {
    const out = join(tmp(), 'none');
    const run = await runCli(['inspect', TEXT_2024, '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('fixtures/nap-2024/bijlage-1.txt');
    expect(run.stderr).toMatch(/NAP008/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a page the PDF does not have, and page lists that are no page lists: exit 64, nothing written', async () => {
    const out = join(tmp(), 'none');
    const missing = await runCli(['inspect', THREE_PAGES, '--pages', '2,4-5', '-o', out]);
    expect(missing.status).toBe(64);
    expect(missing.stderr).toContain('three-pages.pdf: --pages 2,4,5: the PDF has 3 pages; it has no page 4, 5. Nothing was written.');
    expect(existsSync(out)).toBe(false);
    for (const pages of ['0', '5-3', 'a', '1,,2']) {
      const bad = await runCli(['inspect', PDF_2024, '--pages', pages, '-o', out]);
      expect(bad.status, pages).toBe(64);
      expect(bad.stderr, pages).toContain('expected pages as numbers and ranges separated by commas');
    }
    expect((await runCli(['inspect', PDF_2024])).status).toBe(64); // no -o
    for (const scale of ['0', '9', 'x']) expect((await runCli(['inspect', PDF_2024, '--scale', scale, '-o', out])).status, scale).toBe(64);
    expect(existsSync(out)).toBe(false);
  });

  it('says so when the file does not exist: exit 2', async () => {
    const run = await runCli(['inspect', 'no-such.pdf', '-o', join(tmp(), 'x')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such.pdf');
    expect(run.stderr).toContain('no such file');
  });
});
