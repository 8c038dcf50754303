/**
 * The licences a Data Package written by nap-annex can name (`--license`), as the Frictionless
 * `licenses` property takes them (name = SPDX id, title, path = URL). No imports: the command
 * line reads this table when it starts.
 */

/** A licence a package can carry: its Open Definition / SPDX id, title and URL. */
export interface PackageLicense {
  name: string;
  title: string;
  path: string;
}

/**
 * The licences `--license` accepts (SPDX ids). CC0-1.0 is the default: the Dutch government
 * publishes its open data under CC0 (docs/open-data.md).
 */
export const LICENSES: Record<string, PackageLicense> = {
  'CC0-1.0': { name: 'CC0-1.0', title: 'Creative Commons Zero v1.0 Universal', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'CC-BY-4.0': { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC-BY-SA-4.0': { name: 'CC-BY-SA-4.0', title: 'Creative Commons Attribution Share Alike 4.0 International', path: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  'PDDL-1.0': { name: 'PDDL-1.0', title: 'Open Data Commons Public Domain Dedication & License 1.0', path: 'https://opendatacommons.org/licenses/pddl/1-0/' },
  'ODC-By-1.0': { name: 'ODC-By-1.0', title: 'Open Data Commons Attribution License v1.0', path: 'https://opendatacommons.org/licenses/by/1-0/' },
  'ODbL-1.0': { name: 'ODbL-1.0', title: 'Open Data Commons Open Database License v1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/' },
};

/** The licence when none is chosen. */
export const DEFAULT_LICENSE = 'CC0-1.0';
