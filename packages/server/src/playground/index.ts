/**
 * The server as a playground: the real router on an embedded database in this very process — in a browser too.
 * Storybook and the element tests call it through tRPC's local link, so every story and test meets the real rules.
 */

// The file use cases the HTTP file routes serve, for a playground without HTTP.
export type { RouteOutcome } from '../access/as-member.js';
export { type Context, createContext, type Identity } from '../context.js';
export type { Database } from '../db/database-types.js';
export { type OpenPgliteOptions, openPgliteDatabase } from '../db/open-pglite.js';
export type { PdfFonts } from '../export/pdf/render-record-pdf.js';
export { type AppRouter, appRouter } from '../routers/index.js';
export { downloadMessageFile, uploadMessageFile } from '../workflow/dialogue/files.js';
// The record use cases the HTTP record routes serve.
export { importRecord } from '../workflow/export/import-record.js';
export { exportRecord } from '../workflow/export/portable-record.js';
export { printRecord } from '../workflow/export/printed-record.js';
export {
  PLAYGROUND_ISSUER,
  SAMPLE_LATEST_WEEK,
  SAMPLE_PEOPLE,
  type SampleCompany,
  type SamplePerson,
  seedSampleCompany,
} from './sample-company.js';
