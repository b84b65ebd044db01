/**
 * Custom-elements manifest of @berichtsheft/elements, written to packages/elements/custom-elements.json by
 * `npm run build:manifest`. The analyzer reads the TypeScript sources; the plugin below teaches it the package's
 * own conventions, which it cannot see by itself.
 */

const PACKAGE = 'packages/elements/';

/** `src/provider/provider.ts` → `dist/provider/provider.js`: the manifest names the files the package publishes. */
function publishedPath(path) {
  // Superclasses from other modules come as resolved import paths, `/packages/elements/src/…`.
  const relative = path.replace(/^\//, '');
  const inPackage = relative.startsWith(PACKAGE) ? relative.slice(PACKAGE.length) : relative;
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

/** `BhFoo.define('bh-foo')` or `defineElement('bh-foo', BhFoo)` → `{ tagName, className }`; anything else → undefined. */
function definitionCall(ts, node) {
  if (!ts.isCallExpression(node)) return undefined;
  const [first, second] = node.arguments;
  const callee = node.expression;
  if (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'define' &&
    ts.isIdentifier(callee.expression) &&
    node.arguments.length === 1 &&
    first &&
    ts.isStringLiteral(first)
  ) {
    return { tagName: first.text, className: callee.expression.text };
  }
  if (
    ts.isIdentifier(callee) &&
    callee.text === 'defineElement' &&
    first &&
    second &&
    ts.isStringLiteral(first) &&
    ts.isIdentifier(second)
  ) {
    return { tagName: first.text, className: second.text };
  }
  return undefined;
}

/**
 * - Tags are registered through `Class.define('bh-x')` (the guarded registration of src/shared/bh-element.ts) or
 *   `defineElement('bh-x', Class)`, not `customElements.define` with literals: the calls give each element its
 *   `tagName` and each define module its definition export.
 * - `dispatchEvent(new BhSomethingEvent())` yields an event known only by its class; the class's static `eventName`
 *   says which documented event it is.
 */
function berichtsheftConventions() {
  const definitions = [];
  return {
    name: 'berichtsheft-conventions',
    analyzePhase({ ts, node, moduleDoc }) {
      const definition = definitionCall(ts, node);
      if (definition) definitions.push({ ...definition, module: moduleDoc });
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      for (const { tagName, className, module } of definitions) {
        const found = findClass(manifest, className);
        if (!found) throw new Error(`${className}.define('${tagName}'): class not found`);
        found.declaration.tagName = tagName;
        // The analyzer sees only classes that extend LitElement directly, not those that extend BhElement.
        found.declaration.customElement = true;
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
        // `customElements.define(tag, …)` inside BhElement.define itself is no definition of a real tag, and the
        // alias subclass it registers there is no element of its own.
        module.exports = module.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || isTagName(entry.name),
        );
        module.declarations = module.declarations?.filter(
          (declaration) => declaration.tagName === undefined || isTagName(declaration.tagName),
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
            const module = reference?.module?.replace(/^\//, '');
            if (module?.startsWith(PACKAGE) || module?.startsWith('src/')) {
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
