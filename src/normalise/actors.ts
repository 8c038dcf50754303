/**
 * The actor table behind `parseOwners`: ministries (code + full name), agencies, the
 * Regeringscommissaris and a few other owners the annex names. Sources: the 2024 annex's Wie
 * column; ministry names and abbreviations as used on rijksoverheid.nl.
 */
import type { Actor } from '../schema/annex.js';

/** One known actor and the spellings (aliases) that name it. Matching is case-insensitive. */
export interface ActorEntry {
  canonical: string;
  kind: Actor['kind'];
  code: string | null;
  fullName: string | null;
  members: readonly string[];
  aliases: readonly string[];
}

/** The four ministries that run the NAP; what `Allen` stands for. */
export const NAP_MINISTRIES: readonly string[] = ['OCW', 'SZW', 'JenV', 'VWS'];

function ministry(code: string, name: string, extra: readonly string[] = []): ActorEntry {
  const fullName = `Ministerie van ${name}`;
  return {
    canonical: code,
    kind: 'ministry',
    code,
    fullName,
    members: [],
    aliases: [code, fullName, name, `ministerie van ${code}`, `min. ${code}`, `min ${code}`, ...extra],
  };
}

function other(canonical: string, kind: Actor['kind'], aliases: readonly string[], fullName: string | null = null, code: string | null = null): ActorEntry {
  return { canonical, kind, code, fullName, members: [], aliases: [canonical, ...aliases] };
}

/** Every known actor. Add a row here when a new annex names a new owner (NAP402 says so). */
export const ACTORS: readonly ActorEntry[] = [
  ministry('OCW', 'Onderwijs, Cultuur en Wetenschap'),
  ministry('SZW', 'Sociale Zaken en Werkgelegenheid'),
  ministry('JenV', 'Justitie en Veiligheid', ['J&V', 'JV', 'ministerie van J&V']),
  ministry('VWS', 'Volksgezondheid, Welzijn en Sport'),
  ministry('BZK', 'Binnenlandse Zaken en Koninkrijksrelaties'),
  ministry('EZK', 'Economische Zaken en Klimaat'),
  ministry('EZ', 'Economische Zaken'),
  ministry('Fin', 'Financiën', ['Financien', 'ministerie van Financien']),
  ministry('IenW', 'Infrastructuur en Waterstaat', ['I&W', 'ministerie van I&W']),
  ministry('LNV', 'Landbouw, Natuur en Voedselkwaliteit'),
  ministry('LVVN', 'Landbouw, Visserij, Voedselzekerheid en Natuur'),
  ministry('BZ', 'Buitenlandse Zaken', ['BuZa']),
  ministry('Def', 'Defensie'),
  ministry('AZ', 'Algemene Zaken'),
  ministry('KGG', 'Klimaat en Groene Groei'),
  ministry('VRO', 'Volkshuisvesting en Ruimtelijke Ordening'),
  other(
    'Regeringscommissaris',
    'government_commissioner',
    ['Regeringscommissaris seksueel grensoverschrijdend gedrag en seksueel geweld', 'RCGOG'],
    'Regeringscommissaris seksueel grensoverschrijdend gedrag en seksueel geweld',
  ),
  other('NLA', 'agency', ['Nederlandse Arbeidsinspectie', 'Arbeidsinspectie', 'Inspectie SZW'], 'Nederlandse Arbeidsinspectie', 'NLA'),
  other('OM', 'agency', ['Openbaar Ministerie'], 'Openbaar Ministerie', 'OM'),
  other('Politie', 'agency', ['Nationale Politie'], 'Nationale Politie'),
  other('WODC', 'agency', ['Wetenschappelijk Onderzoek- en Datacentrum'], 'Wetenschappelijk Onderzoek- en Datacentrum', 'WODC'),
  other('RIVM', 'agency', ['Rijksinstituut voor Volksgezondheid en Milieu'], 'Rijksinstituut voor Volksgezondheid en Milieu', 'RIVM'),
  other('IGJ', 'agency', ['Inspectie Gezondheidszorg en Jeugd'], 'Inspectie Gezondheidszorg en Jeugd', 'IGJ'),
  other('Justis', 'agency', [], 'Justis', 'Justis'),
  other('Rijksoverheid', 'other', ['het Rijk', 'Rijk']),
  other('Kabinet', 'other', ['het kabinet']),
  other('Sociale partners', 'other', []),
  other('VNG', 'other', ['Vereniging van Nederlandse Gemeenten'], 'Vereniging van Nederlandse Gemeenten'),
  other('Gemeenten', 'other', []),
  other('Initiatiefnemer', 'other', ['Initiatiefnemers']),
  { canonical: 'Allen', kind: 'all', code: null, fullName: null, members: NAP_MINISTRIES, aliases: ['Allen', 'Alle ministeries', 'Alle betrokken ministeries'] },
];
