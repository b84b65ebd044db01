import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'drizzle-kit';

// drizzle-kit resolves paths against the working directory and cannot take absolute ones, so they are made relative
// to wherever it runs; `npm run db:generate` from the repository root and a run inside the package both work.
const packageDir = relative(process.cwd(), fileURLToPath(new URL('.', import.meta.url))) || '.';

export default defineConfig({
  dialect: 'postgresql',
  schema: `${packageDir}/src/db/schema/index.ts`,
  out: `${packageDir}/migrations`,
  strict: true,
  verbose: true,
});
