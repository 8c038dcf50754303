/** The part of frictionlessdata's datapackage-js (no types of its own) that the tests use. */
declare module 'datapackage' {
  /** A resource of a loaded package. */
  interface Resource {
    name: string;
    tabular: boolean;
    /** Reads the rows, cast by the Table Schema; with `relations`, foreign keys resolved (throws on any error). */
    read(options?: { keyed?: boolean; relations?: boolean; cast?: boolean }): Promise<unknown[]>;
  }
  /** A loaded Data Package. */
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}
