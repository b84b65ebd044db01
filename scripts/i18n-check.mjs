#!/usr/bin/env node
/**
 * The translations of @berichtsheft/elements as a checked contract, run by `npm test`. Fails when
 * - a string in the sources has no English translation in the XLIFF,
 * - a translation's placeholders do not match its source string,
 * - `lit-localize extract` would change the committed XLIFF (a string added, changed or removed without extracting),
 * - `lit-localize build` would change the committed locale modules under src/generated,
 * - a supported language needs a plural category that `PluralForms` (src/shared/plural.ts) does not offer,
 * - a count picks its words with `n === 1 ? msg(…) : msg(…)`, which is right in German and English only.
 * Nothing in the package is written: extraction and build go to a temporary directory and are compared there.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { printDiagnostics } from '@lit/localize-tools/lib/typescript.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const elements = join(root, 'packages/elements');
const committed = readConfigFileAndWriteSchema(join(elements, 'lit-localize.json'));
const fix =
  'Run `npm run localize:extract -w @berichtsheft/elements`, translate, then `npm run localize:build -w @berichtsheft/elements`.';

/** The categories `PluralForms` offers, read from its declaration so that there is one list. */
function pluralCategories() {
  const source = readFileSync(join(elements, 'src/shared/plural.ts'), 'utf8');
  const list = /export const PLURAL_CATEGORIES = \[([^\]]*)\] as const/.exec(source)?.[1];
  if (list === undefined) throw new Error('src/shared/plural.ts declares no PLURAL_CATEGORIES.');
  return [...list.matchAll(/'([a-z]+)'/g)].map((match) => match[1]);
}

const problems = [];
const textOf = (message) =>
  message.contents.map((part) => (typeof part === 'string' ? part : '{…}')).join('');

const scratch = mkdtempSync(join(tmpdir(), 'bh-i18n-'));
try {
  const xliffDir = join(scratch, 'xliff');
  cpSync(committed.resolve(committed.interchange.xliffDir), xliffDir, { recursive: true });
  const config = {
    ...committed,
    interchange: { ...committed.interchange, xliffDir },
    output: {
      ...committed.output,
      outputDir: join(scratch, 'locales'),
      localeCodesModule: join(scratch, 'locale-codes.ts'),
    },
  };
  const localizer = new RuntimeLitLocalizer(config);

  const { messages, errors } = localizer.extractSourceMessages();
  if (errors.length > 0) {
    printDiagnostics(errors);
    throw new Error('lit-localize could not analyse the element sources.');
  }

  // Read before anything is written to the scratch copy: these are the committed translations.
  const { translations } = localizer.readTranslationsSync();
  for (const locale of config.targetLocales) {
    const written = (translations.get(locale) ?? []).filter((message) => textOf(message).trim());
    const translated = new Set(written.map((message) => message.name));
    for (const message of messages) {
      if (!translated.has(message.name)) {
        problems.push(`No ${locale} translation for "${textOf(message)}" (${message.name}).`);
      }
    }
  }
  problems.push(...localizer.validateTranslations().errors);

  await localizer.writeInterchangeFiles();
  for (const locale of config.targetLocales) {
    const file = `${locale}.xlf`;
    const before = readFileSync(
      join(committed.resolve(committed.interchange.xliffDir), file),
      'utf8',
    );
    if (readFileSync(join(xliffDir, file), 'utf8') !== before) {
      problems.push(
        `xliff/${file} is not what \`lit-localize extract\` writes for the current sources.`,
      );
    }
  }

  // The build reports strings it falls back on; those are already listed above.
  const warn = console.warn;
  console.warn = () => {};
  try {
    await localizer.build();
  } finally {
    console.warn = warn;
  }
  const generated = [
    [config.output.localeCodesModule, committed.resolve(committed.output.localeCodesModule)],
    ...config.targetLocales.map((locale) => [
      join(config.output.outputDir, `${locale}.ts`),
      join(committed.resolve(committed.output.outputDir), `${locale}.ts`),
    ]),
  ];
  for (const [built, inPackage] of generated) {
    let current = null;
    try {
      current = readFileSync(inPackage, 'utf8');
    } catch {
      // Missing counts as stale.
    }
    if (readFileSync(built, 'utf8') !== current) {
      problems.push(`${relative(elements, inPackage)} is not what \`lit-localize build\` writes.`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const offered = pluralCategories();
for (const locale of [committed.sourceLocale, ...committed.targetLocales]) {
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const missing = needed.filter((category) => !offered.includes(category));
  if (missing.length > 0) {
    problems.push(
      `Counts in ${locale} need the plural categories ${missing.join(', ')}, which PluralForms does not offer.`,
    );
  }
}

/** Sources that are shipped, i.e. neither tests, stories nor test helpers. */
function* shippedSources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['generated', 'testing'].includes(entry.name)) yield* shippedSources(path);
    } else if (/\.ts$/.test(entry.name) && !/\.(test|stories)\.ts$/.test(entry.name)) {
      yield path;
    }
  }
}
// A statement that compares with 1 and then chooses between messages.
const singularSwitch = /[!=]==\s*1\s*\?[^;]*\bmsg\(/;
for (const path of shippedSources(join(elements, 'src'))) {
  if (singularSwitch.test(readFileSync(path, 'utf8'))) {
    problems.push(
      `${relative(elements, path)} chooses a count's words with \`=== 1 ?\`; use plural() from shared/plural.ts.`,
    );
  }
}

if (problems.length > 0) {
  console.error(
    `The translations of the elements are not in order:\n- ${problems.join('\n- ')}\n${fix}`,
  );
  process.exit(1);
}
console.log('Translations of the elements: complete, extracted and built.');
