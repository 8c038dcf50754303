/** See bundle-externals.mjs. */
export declare const BUNDLE_EXTERNALS: string[];
