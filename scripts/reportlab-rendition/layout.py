#!/usr/bin/python3
"""Lays the 2024 NAP annex out with ReportLab's platypus (Debian python3-reportlab 3.6.12) in one
variant's layout. Run by generate.ts, which supplies the content and the options as JSON:

    SOURCE_DATE_EPOCH=... /usr/bin/python3 layout.py input.json out.pdf

input.json: {"annex": loadAnnexData() of scripts/pdf-rendition/annex-data.ts, "statusLabels": [five labels
in legend order], "variant": a ReportlabVariant of variants.ts}. Nothing of the content is typed here.

The layout: one LongTable per action line (or one for the whole document with `Actielijn N` and goal
rows spanning the columns), the column header repeated on every page or printed once, the columns in
the variant's order, vector status cues drawn with reportlab.graphics (filled squares, rings, discs
with a white symbol), footnote markers as <super> text, notes after the last table or after each
action line's table, the legend where the variant puts it, and page furniture drawn by a two-pass
("page x of y") canvas. Exits non-zero, naming the cell, if any word is wider than its column
(ReportLab would cut it without a hyphen); prints one JSON line with what it did.
"""
import json
import sys

from reportlab import Version as RL_VERSION
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Polygon, Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, LongTable, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)
from xml.sax.saxutils import escape

src, out = sys.argv[1], sys.argv[2]
data = json.load(open(src, encoding='utf-8'))
annex, LABELS, V = data['annex'], data['statusLabels'], data['variant']

MM = 72 / 25.4
FONT = V['font']
FACES = [f for f in ('regular', 'bold', 'italic') if f in FONT['files']]
for face in FACES:
    pdfmetrics.registerFont(TTFont(FONT['name'] + '-' + face, FONT['files'][face]))
REG, BOLD = FONT['name'] + '-regular', FONT['name'] + '-bold'
ITAL = FONT['name'] + '-italic' if 'italic' in FACES else REG
pdfmetrics.registerFontFamily(FONT['name'], normal=REG, bold=BOLD, italic=ITAL, boldItalic=BOLD)

C = {k: colors.HexColor(v) for k, v in V['colours'].items()}
PALETTE = [colors.HexColor(c) for c in V['cue']['palette']]

PAGE = tuple(V['pagePt'])
LEFT, RIGHT, TOP, BOTTOM = (m * MM for m in V['marginsMm'])
FRAME_W = PAGE[0] - LEFT - RIGHT
SIZE, LEAD = FONT['sizePt'], FONT['leadingPt']
PAD_X = V['cellPadding'][0]

st_cell = ParagraphStyle('cell', fontName=REG, fontSize=SIZE, leading=LEAD, alignment=TA_LEFT)
st_head = ParagraphStyle('head', parent=st_cell, fontName=BOLD, textColor=C['headerText'])
st_bullet = ParagraphStyle('bullet', parent=st_cell, leftIndent=V['bullet']['indentPt'], bulletIndent=0, bulletFontName=REG, bulletFontSize=SIZE)
st_title = ParagraphStyle('title', fontName=BOLD, fontSize=V['titleSizePt'], leading=V['titleSizePt'] * 1.25, textColor=C['accent'], spaceAfter=8)
st_al = ParagraphStyle('al', fontName=BOLD, fontSize=SIZE + 3, leading=(SIZE + 3) * 1.3, textColor=C['accent'], spaceAfter=1)
st_al_row = ParagraphStyle('alrow', parent=st_cell, fontName=BOLD, textColor=C['actionLineRowText'])
st_goal = ParagraphStyle('goal', parent=st_cell, fontName=ITAL if V['goalItalic'] else REG, fontSize=SIZE + 0.8, leading=LEAD + 1.2, spaceAfter=6)
st_goal_row = ParagraphStyle('goalrow', parent=st_cell, fontName=ITAL if V['goalItalic'] else REG)
st_note = ParagraphStyle('note', parent=st_cell, fontSize=V['notes']['sizePt'], leading=V['notes']['sizePt'] * 1.3,
                         leftIndent=V['notes']['indentPt'], bulletIndent=0, bulletFontName=BOLD if V['notes']['label'] == 'bold' else REG,
                         bulletFontSize=V['notes']['sizePt'], spaceAfter=2)
st_notes_head = ParagraphStyle('noteshead', parent=st_cell, fontName=BOLD, fontSize=SIZE + 1.5, leading=(SIZE + 1.5) * 1.3, spaceBefore=10, spaceAfter=4)
st_legend = ParagraphStyle('legend', parent=st_cell)
st_legend_head = ParagraphStyle('legendhead', parent=st_cell, fontName=BOLD)

ICON = V['cue']['sizePt']


def icon(i, d=ICON):
    """The status cue of status i as vector paths: a filled (rounded) square, a ring (stroked circle), or a disc with a white symbol."""
    g = Drawing(d, d)
    shape = V['cue']['shape']
    if shape == 'square':
        g.add(Rect(0, 0, d, d, rx=d * 0.18, ry=d * 0.18, fillColor=PALETTE[i], strokeColor=None))
    elif shape == 'ring':
        w = d * 0.22
        g.add(Circle(d / 2, d / 2, d / 2 - w / 2, fillColor=None, strokeColor=PALETTE[i], strokeWidth=w))
    elif shape == 'triangle':
        g.add(Polygon([0, 0, d, 0, d / 2, d * 0.9], fillColor=PALETTE[i], strokeColor=None))
    else:  # disc with a white symbol
        g.add(Circle(d / 2, d / 2, d / 2, fillColor=PALETTE[i], strokeColor=None))
        w = colors.white
        if i == 0:
            g.add(PolyLine([0.26 * d, 0.52 * d, 0.43 * d, 0.34 * d, 0.75 * d, 0.68 * d], strokeColor=w, strokeWidth=0.13 * d, strokeLineCap=1, strokeLineJoin=1))
        elif i == 1:
            g.add(Polygon([0.38 * d, 0.27 * d, 0.38 * d, 0.73 * d, 0.76 * d, 0.5 * d], fillColor=w, strokeColor=None))
        elif i == 2:
            g.add(Circle(d / 2, d / 2, 0.22 * d, fillColor=None, strokeColor=w, strokeWidth=0.12 * d))
        elif i == 3:
            g.add(Rect(0.44 * d, 0.42 * d, 0.12 * d, 0.36 * d, fillColor=w, strokeColor=None))
            g.add(Circle(d / 2, 0.27 * d, 0.07 * d, fillColor=w, strokeColor=None))
        else:
            for (x1, y1, x2, y2) in ((0.32, 0.32, 0.68, 0.68), (0.32, 0.68, 0.68, 0.32)):
                g.add(Line(x1 * d, y1 * d, x2 * d, y2 * d, strokeColor=w, strokeWidth=0.13 * d, strokeLineCap=1))
    return g


def status_index(label):
    if label not in LABELS:
        raise SystemExit(f'unknown status {label!r}')
    return LABELS.index(label)


def check_fits(words, font, size, width, where):
    """ReportLab cuts a word wider than its column (splitLongWords): refuse such a layout instead."""
    for w in words:
        if pdfmetrics.stringWidth(w, font, size) > width:
            raise SystemExit(f'{where}: word {w!r} ({pdfmetrics.stringWidth(w, font, size):.1f} pt) wider than {width:.1f} pt: widen the column')


def marker(m):
    label = str(m['number']) + (')' if V['markers'] == 'paren' else '')
    return f'<super rise="{SIZE * 0.37:.2f}" size="{SIZE * 0.68:.2f}">{label}</super>'


def rich(words, width, where):
    """Paragraph markup of rich words: footnote markers raised, glued or after a space as the export has them."""
    parts = []
    for w in words:
        text = w['text']
        s = ''
        last = 0
        for m in w['markers']:
            s += escape(text[last:m['at']]) + (' ' if m['spaced'] else '') + marker(m)
            last = m['at']
        s += escape(text[last:])
        check_fits([text], REG, SIZE, width, where)
        parts.append(s)
    return ' '.join(parts)


def plain(text, style, width, where):
    check_fits(text.split(), style.fontName, style.fontSize, width, where)
    return Paragraph(escape(text), style)


def explanation(a, width):
    flow = []
    for k, b in enumerate(a['blocks']):
        if b['type'] == 'paragraph':
            p = Paragraph(rich(b['words'], width, a['id']), st_cell)
            p.spaceBefore = V['paragraphGapPt'] if k > 0 else 0
            flow.append(p)
        else:
            for j, item in enumerate(b['items']):
                p = Paragraph(rich(item, width - st_bullet.leftIndent, a['id']), st_bullet, bulletText=V['bullet']['char'])
                p.spaceBefore = (V['paragraphGapPt'] if k > 0 else 0) if j == 0 else 1
                flow.append(p)
    return flow


COLS = V['columns']  # keys in printed order: title, status, planning, owners, explanation
WIDTHS = V['columnWidthsPt']
COL_W = [WIDTHS[k] if k != 'explanation' else None for k in COLS]
COL_W[COLS.index('explanation')] = FRAME_W - sum(w for w in COL_W if w is not None)
INNER = {k: COL_W[i] - 2 * PAD_X for i, k in enumerate(COLS)}
STATUS_COL = COLS.index('status')


def header_row(al):
    names = {'title': 'Activiteit', 'status': 'Status', 'planning': al['planningHeader'], 'owners': 'Wie', 'explanation': 'Toelichting'}
    return [plain(names[k], st_head, INNER[k], 'column header') for k in COLS]


def body_row(a):
    cells = {'title': lambda: plain(a['title'], st_cell, INNER['title'], a['id']),
             'status': lambda: icon(status_index(a['status'])),
             'planning': lambda: plain(a['planning'], st_cell, INNER['planning'], a['id']),
             'owners': lambda: plain(a['owners'], st_cell, INNER['owners'], a['id']),
             'explanation': lambda: explanation(a, INNER['explanation'])}
    return [cells[k]() for k in COLS]


def rules(style, body_from):
    """The variant's table rules and fills, for a table whose body starts at row body_from."""
    r = V['rules']
    if r == 'grid':
        style += [('GRID', (0, 0), (-1, -1), 0.4, C['rule']), ('BOX', (0, 0), (-1, -1), 0.8, C['rule'])]
    elif r == 'horizontal':
        style += [('LINEBELOW', (0, body_from), (-1, -1), 0.3, C['rule']), ('LINEABOVE', (0, 0), (-1, 0), 1.2, C['accent'])]
    elif r == 'vertical-zebra':
        style += [('LINEAFTER', (0, 0), (-2, -1), 0.5, C['rule']), ('ROWBACKGROUNDS', (0, body_from), (-1, -1), [colors.white, C['zebra']]),
                  ('LINEBELOW', (0, -1), (-1, -1), 0.5, C['rule'])]
    if V['headerFill']:
        style.append(('BACKGROUND', (0, 0), (-1, 0), C['headerFill']))
    style.append(('LINEBELOW', (0, 0), (-1, 0), 1.2, C['accent']))


def table_style(body_from):
    pad_x, pad_top, pad_bottom = V['cellPadding']
    s = [('VALIGN', (0, 0), (-1, -1), 'TOP'),
         ('LEFTPADDING', (0, 0), (-1, -1), pad_x), ('RIGHTPADDING', (0, 0), (-1, -1), pad_x),
         ('TOPPADDING', (0, 0), (-1, -1), pad_top), ('BOTTOMPADDING', (0, 0), (-1, -1), pad_bottom),
         ('ALIGN', (STATUS_COL, 0), (STATUS_COL, -1), 'CENTER')]
    if V['cue']['valign'] == 'middle':
        s.append(('VALIGN', (STATUS_COL, body_from), (STATUS_COL, -1), 'MIDDLE'))
    else:
        s.append(('TOPPADDING', (STATUS_COL, body_from), (STATUS_COL, -1), pad_top + (LEAD - ICON) / 2 + 0.5))
    rules(s, body_from)
    return s


def legend_table():
    """The legend as a table: a heading row, then one row per status (cue | label)."""
    rows = [[Paragraph('Legenda', st_legend_head), '']] + [[icon(i), Paragraph(escape(l), st_legend)] for i, l in enumerate(LABELS)]
    t = Table(rows, colWidths=[ICON + 8, max(pdfmetrics.stringWidth(l, REG, SIZE) for l in LABELS) + 10], hAlign='LEFT')
    t.setStyle(TableStyle([('SPAN', (0, 0), (1, 0)), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'), ('LEFTPADDING', (0, 0), (-1, -1), 3),
                           ('RIGHTPADDING', (0, 0), (-1, -1), 3), ('TOPPADDING', (0, 0), (-1, -1), 1.5), ('BOTTOMPADDING', (0, 0), (-1, -1), 1.5),
                           ('BOX', (0, 0), (-1, -1), 0.6, C['rule'])]))
    return t


STATE = {'section': ''}


class Section(Flowable):
    """Zero-size marker: the running header names the section the page's content belongs to."""

    def __init__(self, label):
        super().__init__()
        self.label = label
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return (0, 0)

    def draw(self):
        STATE['section'] = self.label


class NumberedCanvas(rl_canvas.Canvas):
    """The usual ReportLab recipe for 'page x of y': keep each page's state, draw the furniture at save()."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append((dict(self.__dict__), STATE['section']))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state, section in self._pages:
            self.__dict__.update(state)
            self.furniture(section, total)
            rl_canvas.Canvas.showPage(self)
        rl_canvas.Canvas.save(self)

    def furniture(self, section, total):
        w, h = PAGE
        f = V['furniture']
        self.saveState()
        self.setFillColor(C['furniture'])
        self.setStrokeColor(C['rule'])
        self.setLineWidth(0.4)
        self.setFont(REG, 7)
        fill = {'page': self._pageNumber, 'pages': total, 'section': section}
        if f.get('headerLeft') or f.get('headerRight'):
            y = h - TOP + 12
            if f.get('headerLeft'):
                self.drawString(LEFT, y, f['headerLeft'].format(**fill))
            if f.get('headerRight'):
                self.drawRightString(w - RIGHT, y, f['headerRight'].format(**fill))
            self.line(LEFT, y - 3, w - RIGHT, y - 3)
        if f.get('footer'):
            y = BOTTOM - 16
            text = f['footer'].format(**fill)
            if f.get('footerAlign') == 'right':
                self.drawRightString(w - RIGHT, y, text)
            else:
                self.drawCentredString(w / 2, y, text)
        if V['legend'] == 'footer-every-page':
            yf = BOTTOM - 18
            self.setFillColor(colors.black)
            self.setFont(BOLD, 7)
            x = LEFT
            self.drawString(x, yf, 'Legenda')
            x += pdfmetrics.stringWidth('Legenda', BOLD, 7) + 10
            self.setFont(REG, 7)
            for i, label in enumerate(LABELS):
                renderPDF.draw(icon(i, 7), self, x, yf - 1)
                x += 7 + 3.5
                self.drawString(x, yf, label)
                x += pdfmetrics.stringWidth(label, REG, 7) + 14
        self.restoreState()


def notes_flow(numbers, heading):
    """Notes as paragraphs with a hanging label (`n.`, `n)` or a bold `n`), under a heading."""
    flow = [Paragraph(escape(heading), st_notes_head)] if heading else []
    lab = V['notes']['label']
    for f in annex['footnotes']:
        if f['number'] not in numbers:
            continue
        label = {'dot': f'{f["number"]}.', 'paren': f'{f["number"]})', 'bold': str(f['number'])}[lab]
        check_fits(f['text'].split(), REG, st_note.fontSize, FRAME_W - st_note.leftIndent, f'note {f["number"]}')
        flow.append(Paragraph(escape(f['text']), st_note, bulletText=label))
    return flow


story = [Section('Actielijn 1')]
title = Paragraph(escape(annex['title']), st_title)
if V['legend'] == 'beside-title':
    lt = legend_table()
    lw = lt._argW[0] + lt._argW[1]
    head = Table([[title, lt]], colWidths=[FRAME_W - lw - 12, lw + 12], hAlign='LEFT')
    head.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'), ('LEFTPADDING', (0, 0), (-1, -1), 0), ('RIGHTPADDING', (0, 0), (-1, -1), 0),
                              ('TOPPADDING', (0, 0), (-1, -1), 0), ('BOTTOMPADDING', (0, 0), (-1, -1), 0), ('ALIGN', (1, 0), (1, 0), 'RIGHT')]))
    story += [head, Spacer(1, 10)]
else:
    story.append(title)
    if V['legend'] == 'page-1':
        story += [legend_table(), Spacer(1, 10)]

by_line = {al['number']: [a for a in annex['activities'] if a['actionLine'] == al['number']] for al in annex['actionLines']}
repeat = 1 if V['headerRepeat'] else 0
split_opts = {'splitInRow': 1} if V.get('splitInRow') else {}

for n, al in enumerate(annex['actionLines']):
    rows = [header_row(al)]
    extra = []
    if n > 0:
        story += [PageBreak() if V['pageBreakPerActionLine'] else Spacer(1, 12), Section(f'Actielijn {al["number"]}')]
    if V['actionLines'] == 'rows':
        # `Actielijn N` and its goal as two rows spanning every column under the column header, once (not repeated).
        check_fits(al['title'].split(), st_goal_row.fontName, SIZE, FRAME_W - 2 * PAD_X, f'goal {al["number"]}')
        rows += [[Paragraph(f'Actielijn {al["number"]}', st_al_row)] + [''] * (len(COLS) - 1),
                 [Paragraph(escape(al['title']), st_goal_row)] + [''] * (len(COLS) - 1)]
        extra = [('SPAN', (0, 1), (-1, 1)), ('SPAN', (0, 2), (-1, 2)), ('BACKGROUND', (0, 1), (-1, 1), C['actionLineFill']),
                 ('BACKGROUND', (0, 2), (-1, 2), C['goalFill'])]
    else:
        check_fits(al['title'].split(), st_goal.fontName, st_goal.fontSize, FRAME_W, f'goal {al["number"]}')
        if n > 0 and not V['pageBreakPerActionLine']:
            story.append(CondPageBreak(120))
        story += [Paragraph(f'Actielijn {al["number"]}', st_al), Paragraph(escape(al['title']), st_goal)]
    body_from = len(rows)
    rows += [body_row(a) for a in by_line[al['number']]]
    t = LongTable(rows, colWidths=COL_W, repeatRows=repeat, hAlign='LEFT', **split_opts)
    t.setStyle(TableStyle(table_style(body_from) + extra))
    story.append(t)
    if V['notes']['placement'] == 'per-action-line':
        cited = {x for a in by_line[al['number']] for x in a['footnotes']}
        story += notes_flow(cited, V['notes']['heading'].format(number=al['number']))

if V['notes']['placement'] == 'end':
    if V['notes'].get('newPage'):
        story += [PageBreak(), Section('Noten')]
    story += notes_flow({f['number'] for f in annex['footnotes']}, V['notes']['heading'])

doc = BaseDocTemplate(out, pagesize=PAGE, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
                      title='Bijlage 1. Voortgang activiteiten NAP')
doc.addPageTemplates([PageTemplate(id='page', frames=[Frame(LEFT, BOTTOM, FRAME_W, PAGE[1] - TOP - BOTTOM, id='body', leftPadding=0, rightPadding=0,
                                                            topPadding=0, bottomPadding=0)])])
doc.build(story, canvasmaker=NumberedCanvas)
print(json.dumps({'reportlab': RL_VERSION, 'pdf': out, 'columnWidthsPt': [round(w, 2) for w in COL_W]}))
