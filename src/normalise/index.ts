/**
 * The pure normalisers: cell and footnote text → schema values plus problems.
 * Rules and the approximate-date table: docs/normalisation.md.
 */
export type { Normalised, NormaliseProblem, NormaliseProblemCode } from './problems.js';
export { normaliseStatusLabel } from '../status/status-label.js';
export { STATUS_LABELS, STATUS_LEGEND, statusCodeOf, statusLabelKey } from '../model/vocabulary.js';
export { APPROXIMATE_TERMS, SEASONS, parsePlanning } from './planning.js';
export { ACTORS, NAP_MINISTRIES, type ActorEntry } from './actors.js';
export { parseOwners, type OwnersContext } from './owners.js';
export { joinLineBreakHyphens } from './hyphenation.js';
export { extractLinks, isSafeUrl, plainLinkText, screenLinks } from './links.js';
export { parseCitations } from './citations.js';
export { ACTION_LINE_TITLES, compareActionLineTitle, type ActionLineTitleComparison } from './action-lines.js';
