/**
 * The stacked dataset (src/stack/stack-editions.ts) as published tables (the TableSpec of
 * src/emit/tables.ts, so that CSV, XLSX and `datapackage.json` are written from one definition):
 * `editions`, `edition_activities` (long: one row per activity per edition), `transitions` and
 * `activities` (first and last edition per key). Cells are typed: integers, ISO dates,
 * booleans, lists joined with `|`.
 */
import { statusCodeSchema } from '../schema/annex.js';
import type { ColumnSpec, ColumnType, Description, TableSpec } from '../emit/tables.js';
import type { Stack, StackActivity, StackEdition, StackRow, Transition } from './stack-editions.js';

/** A stack table: its CSV file name is `<name>.csv`, its sheet `sheet`. */
export type StackTable<R = any> = TableSpec<R, Stack> & { sheet: string };

const d = (en: string, nl: string): Description => ({ en, nl });

function col<R>(name: string, type: ColumnType, description: Description, value: ColumnSpec<R>['value'], extra: Partial<ColumnSpec<R>> = {}): ColumnSpec<R> {
  return { name, type, description, value, ...extra };
}

const STATUS_CODES = statusCodeSchema.options;
const LIST = d('(list, items separated by "|")', '(lijst, gescheiden door "|")');
const list = (x: Description): Description => ({ en: `${x.en} ${LIST.en}`, nl: `${x.nl} ${LIST.nl}` });

/** The four tables of `stack`, in file and sheet order. */
export function stackTableSpecs(): StackTable[] {
  return [editionsTable(), editionActivitiesTable(), transitionsTable(), activitiesTable()];
}

/** The `editions` table: one row per edition, in edition order. */
function editionsTable(): StackTable<StackEdition> {
  return {
    name: 'editions',
    sheet: 'Edities',
    description: d('One row per edition of the annex, in edition order', 'Eén rij per editie van de bijlage, in volgorde van verschijnen'),
    primaryKey: ['edition'],
    foreignKeys: [],
    rows: (s) => s.editions,
    columns: [
      col('edition', 'integer', d('Number of the edition in the stack, from 1', 'Nummer van de editie in de stapel, vanaf 1'), (e) => e.edition, { required: true }),
      col('label', 'string', d('The input as given on the command line', 'De invoer zoals op de opdrachtregel gegeven'), (e) => e.label, { required: true }),
      col('edition_date', 'date', d('Date of the edition (source.edition.date)', 'Datum van de editie (source.edition.date)'), (e) => e.date),
      col('kamerstuk', 'string', d('Kamerstuk the edition was sent with, e.g. 34843-109', 'Kamerstuk waarmee de editie is verzonden, bijv. 34843-109'), (e) => e.kamerstuk),
      col('source_file', 'string', d('File the edition was read from', 'Bestand waaruit de editie is gelezen'), (e) => e.fileName, { required: true }),
      col('format', 'string', d('Input format: text, pdf or html', 'Invoerformaat: text, pdf of html'), (e) => e.format, { required: true, enum: ['text', 'pdf', 'html'] }),
      col('activities', 'integer', d('Number of activities in the edition', 'Aantal activiteiten in de editie'), (e) => e.activities, { required: true }),
    ],
  };
}

/** The `edition_activities` table: one row per activity per edition. */
function editionActivitiesTable(): StackTable<StackRow> {
  return {
    name: 'edition_activities',
    sheet: 'Activiteiten per editie',
    description: d('One row per activity per edition', 'Eén rij per activiteit per editie'),
    primaryKey: ['edition', 'key'],
    foreignKeys: [
      { fields: ['edition'], reference: { resource: 'editions', fields: ['edition'] } },
      { fields: ['key'], reference: { resource: 'activities', fields: ['key'] } },
    ],
    rows: (s) => s.rows,
    columns: [
      col('edition', 'integer', d('Edition number', 'Nummer van de editie'), (r) => r.edition, { required: true }),
      col('edition_date', 'date', d('Date of the edition', 'Datum van de editie'), (r) => r.editionDate),
      col('key', 'string', d('Stack key: the activity key of its first edition, kept across editions', 'Stapelsleutel: de activiteitsleutel van de eerste editie, gelijk over edities heen'), (r) => r.key, { required: true }),
      col('id', 'string', d('Positional id in this edition, e.g. AL1-05', 'Volgnummer in deze editie, bijv. AL1-05'), (r) => r.id, { required: true }),
      col('activity_key', 'string', d('Activity key in this edition', 'Activiteitsleutel in deze editie'), (r) => r.activityKey, { required: true }),
      col('action_line', 'integer', d('Action line (actielijn) number', 'Nummer van de actielijn'), (r) => r.actionLine, { required: true }),
      col('title', 'string', d('Title (Activiteit) as printed', 'Titel (Activiteit) zoals gedrukt'), (r) => r.title, { required: true, long: true }),
      col('status_code', 'string', d('Status code; empty when the edition carries no status', 'Statuscode; leeg als de editie geen status heeft'), (r) => r.statusCode, { enum: STATUS_CODES }),
      col('planning_text', 'string', d('Wanneer as printed', 'Wanneer zoals gedrukt'), (r) => r.planningText),
      col('planning_start', 'date', d('First day of the planning', 'Eerste dag van de planning'), (r) => r.planningStart),
      col('planning_end', 'date', d('Last day of the planning; empty when open-ended', 'Laatste dag van de planning; leeg als die open eindigt'), (r) => r.planningEnd),
      col('owner_codes', 'string', list(d('Ministry and agency codes of the owners (Wie)', 'Codes van de ministeries en diensten van de eigenaren (Wie)')), (r) => r.ownerCodes, { list: true }),
    ],
  };
}

/** The `transitions` table: what happened to an activity between two consecutive editions. */
function transitionsTable(): StackTable<Transition> {
  return {
    name: 'transitions',
    sheet: 'Overgangen',
    description: d('What happened to an activity between two consecutive editions (added, removed, or changed as the diff finds it)', 'Wat er met een activiteit gebeurde tussen twee opeenvolgende edities (nieuw, vervallen, of gewijzigd volgens de vergelijking van diff)'),
    primaryKey: ['key', 'from_edition', 'to_edition', 'kind'],
    foreignKeys: [
      { fields: ['key'], reference: { resource: 'activities', fields: ['key'] } },
      { fields: ['from_edition'], reference: { resource: 'editions', fields: ['edition'] } },
      { fields: ['to_edition'], reference: { resource: 'editions', fields: ['edition'] } },
    ],
    rows: (s) => s.transitions,
    columns: [
      col('key', 'string', d('Stack key of the activity', 'Stapelsleutel van de activiteit'), (t) => t.key, { required: true }),
      col('from_edition', 'integer', d('Earlier edition', 'Eerdere editie'), (t) => t.fromEdition, { required: true }),
      col('to_edition', 'integer', d('Later edition', 'Latere editie'), (t) => t.toEdition, { required: true }),
      col('kind', 'string', d('added, removed or changed', 'added (nieuw), removed (vervallen) of changed (gewijzigd)'), (t) => t.kind, { required: true, enum: ['added', 'removed', 'changed'] }),
      col('from_id', 'string', d('Id in the earlier edition', 'Volgnummer in de eerdere editie'), (t) => t.fromId),
      col('to_id', 'string', d('Id in the later edition', 'Volgnummer in de latere editie'), (t) => t.toId),
      col('from_status', 'string', d('Status code in the earlier edition', 'Statuscode in de eerdere editie'), (t) => t.fromStatus, { enum: STATUS_CODES }),
      col('to_status', 'string', d('Status code in the later edition', 'Statuscode in de latere editie'), (t) => t.toStatus, { enum: STATUS_CODES }),
      col('from_planning', 'string', d('Wanneer in the earlier edition', 'Wanneer in de eerdere editie'), (t) => t.fromPlanning),
      col('to_planning', 'string', d('Wanneer in the later edition', 'Wanneer in de latere editie'), (t) => t.toPlanning),
      col('planning_shift_quarters', 'integer', d('Quarters the end of the planning moved (positive: later); empty when not comparable', 'Aantal kwartalen dat het einde van de planning verschoof (positief: later); leeg als niet te vergelijken'), (t) => t.planningShiftQuarters),
      col('title_changed', 'boolean', d('True when the title changed (by its words)', 'Waar als de titel veranderde (in woorden)'), (t) => t.titleChanged, { required: true }),
      col('changed_fields', 'string', list(d('Fields the diff finds changed: title, actionLine, status, planning, owners, footnotes, explanation', 'Velden die volgens diff veranderden: title, actionLine, status, planning, owners, footnotes, explanation')), (t) => t.changedFields, { list: true }),
    ],
  };
}

/** The `activities` table: one row per activity of any edition, with its first and last edition. */
function activitiesTable(): StackTable<StackActivity> {
  return {
    name: 'activities',
    sheet: 'Activiteiten',
    description: d('One row per activity of any edition (by stack key): where it first and last appears', 'Eén rij per activiteit uit enige editie (per stapelsleutel): waar die het eerst en het laatst voorkomt'),
    primaryKey: ['key'],
    foreignKeys: [
      { fields: ['first_edition'], reference: { resource: 'editions', fields: ['edition'] } },
      { fields: ['last_edition'], reference: { resource: 'editions', fields: ['edition'] } },
    ],
    rows: (s) => s.activities,
    columns: [
      col('key', 'string', d('Stack key', 'Stapelsleutel'), (a) => a.key, { required: true }),
      col('action_line', 'integer', d('Action line in its last edition', 'Actielijn in de laatste editie'), (a) => a.actionLine, { required: true }),
      col('title', 'string', d('Title in its last edition', 'Titel in de laatste editie'), (a) => a.title, { required: true, long: true }),
      col('first_edition', 'integer', d('First edition it appears in', 'Eerste editie waarin die voorkomt'), (a) => a.firstEdition, { required: true }),
      col('last_edition', 'integer', d('Last edition it appears in', 'Laatste editie waarin die voorkomt'), (a) => a.lastEdition, { required: true }),
      col('editions', 'integer', d('Number of editions it appears in', 'Aantal edities waarin die voorkomt'), (a) => a.editions, { required: true }),
    ],
  };
}
