#!/usr/bin/env node
/**
 * Writes docs/elements.md, the API reference of the Berichtsheft elements, from the custom-elements manifest
 * (packages/elements/custom-elements.json, made by `npm run build:manifest`). The reference therefore says what the
 * element sources' JSDoc says. With `--check` nothing is written: the script fails when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifestPath = `${root}packages/elements/custom-elements.json`;
const docPath = `${root}docs/elements.md`;
const PACKAGE_NAME = '@berichtsheft/elements';

/** A table cell: one line, pipes escaped. */
function cell(text) {
  if (text === undefined || text === null || text === '') return '';
  return String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

function code(text) {
  if (text === undefined || text === null || text === '') return '';
  const value = cell(text);
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
}

/** A Markdown table with padded columns, the layout the repository's formatter gives tables. */
function tableOf(header, rows, empty) {
  if (rows.length === 0) return `${empty}\n`;
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) =>
    `| ${cells.map((text, column) => text.padEnd(widths[column])).join(' | ')} |`;
  return `${[line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')}\n`;
}

const isPublic = (member) =>
  (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');

function definitionsOf(manifest) {
  const byClass = new Map();
  for (const module of manifest.modules) {
    for (const entry of module.exports ?? []) {
      if (entry.kind === 'custom-element-definition') {
        byClass.set(`${entry.declaration.module}#${entry.declaration.name}`, module.path);
      }
    }
  }
  return byClass;
}

/** `dist/define/bh-provider.js` → `@berichtsheft/elements/define/bh-provider.js`, per the package's exports. */
function importPath(modulePath) {
  return modulePath.startsWith('dist/')
    ? `${PACKAGE_NAME}/${modulePath.slice('dist/'.length)}`
    : modulePath;
}

function renderElement(declaration, definedIn) {
  const tag = declaration.tagName;
  const out = [`## \`<${tag}>\``, ''];
  if (declaration.summary) out.push(`**${declaration.summary.trim()}**`, '');
  if (declaration.description) out.push(declaration.description.trim(), '');
  const usage = [`Class \`${declaration.name}\`, exported by \`${PACKAGE_NAME}\`.`];
  if (definedIn) {
    usage.push(`Importing \`${importPath(definedIn)}\` defines \`<${tag}>\`.`);
  }
  out.push(usage.join(' '), '');

  const attributes = declaration.attributes ?? [];
  out.push(
    '### Attributes',
    '',
    tableOf(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      attributes.map((attribute) => [
        code(attribute.name),
        code(attribute.fieldName),
        code(attribute.type?.text),
        code(attribute.default),
        cell(attribute.description),
      ]),
      'None.',
    ),
  );

  const attributeOf = new Map(attributes.map((attribute) => [attribute.fieldName, attribute.name]));
  const members = (declaration.members ?? []).filter(isPublic).filter((member) => !member.static);
  const fields = members.filter((member) => member.kind === 'field');
  out.push(
    '### Properties',
    '',
    tableOf(
      ['Property', 'Attribute', 'Type', 'Default', 'Description'],
      fields.map((field) => [
        code(field.name),
        attributeOf.has(field.name) ? code(attributeOf.get(field.name)) : '—',
        code(field.type?.text),
        code(field.default),
        cell(field.description),
      ]),
      'None.',
    ),
  );

  const methods = members.filter((member) => member.kind === 'method');
  if (methods.length > 0) {
    out.push(
      '### Methods',
      '',
      tableOf(
        ['Method', 'Parameters', 'Returns', 'Description'],
        methods.map((method) => [
          code(method.name),
          cell(
            (method.parameters ?? [])
              .map((parameter) => `\`${parameter.name}: ${parameter.type?.text ?? 'unknown'}\``)
              .join(', '),
          ),
          code(method.return?.type?.text),
          cell(method.description),
        ]),
        'None.',
      ),
    );
  }

  out.push(
    '### Events',
    '',
    tableOf(
      ['Event', 'Type', 'Description'],
      (declaration.events ?? []).map((event) => [
        code(event.name),
        code(event.type?.text),
        cell(event.description),
      ]),
      'None.',
    ),
    '### Slots',
    '',
    tableOf(
      ['Slot', 'Description'],
      (declaration.slots ?? []).map((slot) => [
        slot.name ? code(slot.name) : '(default)',
        cell(slot.description),
      ]),
      'None.',
    ),
    '### CSS parts',
    '',
    tableOf(
      ['Part', 'Description'],
      (declaration.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]),
      'None.',
    ),
    '### CSS custom properties',
    '',
    tableOf(
      ['Property', 'Default', 'Description'],
      (declaration.cssProperties ?? []).map((property) => [
        code(property.name),
        code(property.default),
        cell(property.description),
      ]),
      'None.',
    ),
  );
  return out.join('\n');
}

export function renderReference(manifest) {
  const definitions = definitionsOf(manifest);
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) {
        elements.push({
          declaration,
          definedIn: definitions.get(`${module.path}#${declaration.name}`),
        });
      }
    }
  }
  elements.sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
  const header = [
    '# Elements API reference',
    '',
    '<!-- Generated by scripts/elements-doc.mjs from packages/elements/custom-elements.json; do not edit. -->',
    '<!-- Change the JSDoc in packages/elements/src and run `npm run build:manifest`. -->',
    '',
    `The public surface of the ${elements.length} elements of \`${PACKAGE_NAME}\`. Properties without an attribute`,
    'can be set from script only (objects and callbacks never go in markup). Every event bubbles and is composed, so a',
    'host can listen on `<bh-provider>` or any ancestor. How to put the elements into a page is in',
    '[embedding.md](embedding.md).',
    '',
    tableOf(
      ['Element', 'Summary'],
      elements.map(({ declaration }) => [
        `[\`<${declaration.tagName}>\`](#${declaration.tagName})`,
        cell(declaration.summary),
      ]),
      'None.',
    ),
  ];
  return `${[...header, ...elements.map(({ declaration, definedIn }) => renderElement(declaration, definedIn))].join('\n').trimEnd()}\n`;
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const reference = renderReference(manifest);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(docPath, 'utf8');
  } catch {
    // A missing file is as stale as an outdated one.
  }
  if (current !== reference) {
    console.error(
      'docs/elements.md is out of date: run `npm run build:manifest` and commit the result.',
    );
    process.exitCode = 1;
  }
} else {
  writeFileSync(docPath, reference);
}
