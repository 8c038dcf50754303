/**
 * The stacked dataset (src/stack/stack-editions.ts) as tables for CSV and XLSX: `editions`,
 * `edition_activities` (long: one row per activity per edition), `transitions` and `activities`
 * (first and last edition per key). Cell types as in the annex tables: integers, ISO dates,
 * lists joined with `|`.
 */
import type { SheetData } from '../emit/xlsx.js';
import type { Stack } from './stack-editions.js';

/** One stack table: CSV file name (without .csv), sheet name, columns and rows. */
export interface StackTable extends SheetData {
  file: string;
}

/** The four tables of `stack`, in file and sheet order. */
export function stackTables(stack: Stack): StackTable[] {
  return [
    {
      file: 'editions',
      name: 'Edities',
      columns: [
        { name: 'edition', type: 'integer' },
        { name: 'label', type: 'string' },
        { name: 'edition_date', type: 'date' },
        { name: 'kamerstuk', type: 'string' },
        { name: 'source_file', type: 'string' },
        { name: 'format', type: 'string' },
        { name: 'activities', type: 'integer' },
      ],
      records: stack.editions.map((e) => [e.edition, e.label, e.date, e.kamerstuk, e.fileName, e.format, e.activities]),
    },
    {
      file: 'edition_activities',
      name: 'Activiteiten per editie',
      columns: [
        { name: 'edition', type: 'integer' },
        { name: 'edition_date', type: 'date' },
        { name: 'key', type: 'string' },
        { name: 'id', type: 'string' },
        { name: 'activity_key', type: 'string' },
        { name: 'action_line', type: 'integer' },
        { name: 'title', type: 'string', long: true },
        { name: 'status_code', type: 'string' },
        { name: 'planning_text', type: 'string' },
        { name: 'planning_start', type: 'date' },
        { name: 'planning_end', type: 'date' },
        { name: 'owner_codes', type: 'string', list: true },
      ],
      records: stack.rows.map((r) => [r.edition, r.editionDate, r.key, r.id, r.activityKey, r.actionLine, r.title, r.statusCode, r.planningText, r.planningStart, r.planningEnd, r.ownerCodes]),
    },
    {
      file: 'transitions',
      name: 'Overgangen',
      columns: [
        { name: 'key', type: 'string' },
        { name: 'from_edition', type: 'integer' },
        { name: 'to_edition', type: 'integer' },
        { name: 'kind', type: 'string' },
        { name: 'from_id', type: 'string' },
        { name: 'to_id', type: 'string' },
        { name: 'from_status', type: 'string' },
        { name: 'to_status', type: 'string' },
        { name: 'from_planning', type: 'string' },
        { name: 'to_planning', type: 'string' },
        { name: 'planning_shift_quarters', type: 'integer' },
        { name: 'title_changed', type: 'boolean' },
      ],
      records: stack.transitions.map((t) => [t.key, t.fromEdition, t.toEdition, t.kind, t.fromId, t.toId, t.fromStatus, t.toStatus, t.fromPlanning, t.toPlanning, t.planningShiftQuarters, t.titleChanged]),
    },
    {
      file: 'activities',
      name: 'Activiteiten',
      columns: [
        { name: 'key', type: 'string' },
        { name: 'action_line', type: 'integer' },
        { name: 'title', type: 'string', long: true },
        { name: 'first_edition', type: 'integer' },
        { name: 'last_edition', type: 'integer' },
        { name: 'editions', type: 'integer' },
      ],
      records: stack.activities.map((a) => [a.key, a.actionLine, a.title, a.firstEdition, a.lastEdition, a.editions]),
    },
  ];
}
