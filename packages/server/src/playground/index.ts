/**
 * The server as a playground: the real router on an embedded database in this very process — in a browser too.
 * Storybook and the element tests call it through tRPC's local link, so every story and test meets the real rules.
 */
export { type Context, createContext, type Identity } from '../context.js';
export type { Database } from '../db/database-types.js';
export { type OpenPgliteOptions, openPgliteDatabase } from '../db/open-pglite.js';
export { type AppRouter, appRouter } from '../routers/index.js';
// The file use cases the HTTP file routes serve, for a playground without HTTP.
export {
  downloadMessageFile,
  type FileOutcome,
  uploadMessageFile,
} from '../workflow/dialogue/files.js';
export {
  PLAYGROUND_ISSUER,
  SAMPLE_LATEST_WEEK,
  SAMPLE_PEOPLE,
  type SampleCompany,
  type SamplePerson,
  seedSampleCompany,
} from './sample-company.js';
