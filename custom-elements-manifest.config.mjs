/**
 * Custom-elements manifest of @berichtsheft/elements, written to packages/elements/custom-elements.json by
 * `npm run build:manifest`. The analyzer reads the TypeScript sources; the plugin below teaches it the package's
 * own conventions, which it cannot see by itself.
 */

const PACKAGE = 'packages/elements/';

/** `src/provider/provider.ts` → `dist/provider/provider.js`: the manifest names the files the package publishes. */
function publishedPath(path) {
  const inPackage = path.startsWith(PACKAGE) ? path.slice(PACKAGE.length) : path;
  return inPackage.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

const isTagName = (name) => /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(name);

function* declarations(manifest) {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) yield { module, declaration };
  }
}

function findClass(manifest, name) {
  for (const found of declarations(manifest)) {
    if (found.declaration.kind === 'class' && found.declaration.name === name) return found;
  }
  return undefined;
}

const unquote = (text) => text?.replace(/^['"`]|['"`]$/g, '');

/** The name an event class dispatches under: its static `eventName`. */
function eventNameOf(declaration) {
  return unquote(
    declaration.members?.find((member) => member.static && member.name === 'eventName')?.default,
  );
}

/** The type of an event by its name, from the event class that declares that name. */
function eventClassType(manifest, eventName) {
  for (const { declaration } of declarations(manifest)) {
    if (declaration.kind === 'class' && eventNameOf(declaration) === eventName) {
      return { text: declaration.name };
    }
  }
  return undefined;
}

/**
 * - Tags are registered through `defineElement('bh-x', Class)` (src/define/define.ts), not `customElements.define`
 *   with literals: the calls give each element its `tagName` and each define module its definition export.
 * - `dispatchEvent(new BhSomethingEvent())` yields an event known only by its class; the class's static `eventName`
 *   says which documented event it is.
 */
function berichtsheftConventions() {
  const definitions = [];
  return {
    name: 'berichtsheft-conventions',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      if (!ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      definitions.push({ tagName: tag.text, className: element.text, module: moduleDoc });
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      for (const { tagName, className, module } of definitions) {
        const found = findClass(manifest, className);
        if (!found) throw new Error(`defineElement('${tagName}', ${className}): class not found`);
        found.declaration.tagName = tagName;
        module.exports = [
          ...(module.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tagName,
            declaration: { name: className, module: found.module.path },
          },
        ];
      }

      for (const module of manifest.modules) {
        // `customElements.define(tag, element)` inside defineElement itself is no definition of a real tag.
        module.exports = module.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || isTagName(entry.name),
        );
      }

      for (const { declaration } of declarations(manifest)) {
        if (!declaration.customElement || !declaration.events) continue;
        const events = [];
        for (const event of declaration.events) {
          const className = event.name === undefined ? event.type?.text : undefined;
          const eventClass = className ? findClass(manifest, className) : undefined;
          const eventName = className
            ? eventClass && eventNameOf(eventClass.declaration)
            : event.name;
          if (!eventName) continue;
          const known = events.find((existing) => existing.name === eventName);
          if (known) Object.assign(known, { ...event, ...known, type: known.type ?? event.type });
          else events.push({ ...event, name: eventName });
        }
        for (const event of events) event.type ??= eventClassType(manifest, event.name);
        declaration.events = events;
      }

      for (const module of manifest.modules) {
        module.path = publishedPath(module.path);
        for (const entry of module.exports ?? []) {
          if (entry.declaration?.module?.startsWith(PACKAGE)) {
            entry.declaration.module = publishedPath(entry.declaration.module);
          }
        }
        for (const { declaration } of declarations({ modules: [module] })) {
          for (const reference of [
            declaration.superclass,
            ...(declaration.members ?? []).map((member) => member.inheritedFrom),
          ]) {
            if (reference?.module?.startsWith(PACKAGE) || reference?.module?.startsWith('src/')) {
              reference.module = publishedPath(reference.module);
            }
          }
        }
      }
      // The analyzer lists modules in the order the file system yields them; sorted, the committed file is reproducible.
      manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  globs: [`${PACKAGE}src/**/*.ts`],
  exclude: [
    `${PACKAGE}src/**/*.test.ts`,
    `${PACKAGE}src/**/*.stories.ts`,
    `${PACKAGE}src/testing/**`,
    `${PACKAGE}src/generated/**`,
  ],
  outdir: 'packages/elements',
  litelement: true,
  // The package's own package.json names the manifest; the analyzer would write the root one.
  packagejson: false,
  plugins: [berichtsheftConventions()],
};
