// Written by scripts/elements-version.mjs from packages/elements/package.json: run `npm run elements:version`.

/** The version of @berichtsheft/elements; tells two copies of the elements on one page apart. */
export const ELEMENTS_VERSION = '0.1.0';
