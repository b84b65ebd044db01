/** Bumped with the package version; tells two copies of the elements on one page apart. */
export const ELEMENTS_VERSION = '0.1.0';

type VersionedElement = CustomElementConstructor & { bhVersion?: string };

/**
 * Registers an element once. The same version registered again (two bundles of one release) is a no-op; another
 * version keeps the first registration and warns, because a tag can be defined only once per page.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (existing === undefined) {
    (element as VersionedElement).bhVersion = ELEMENTS_VERSION;
    customElements.define(tag, element);
    return;
  }
  if (existing === element || existing.bhVersion === ELEMENTS_VERSION) return;
  console.warn(
    `<${tag}> is already defined by version ${existing.bhVersion ?? 'unknown'}; version ${ELEMENTS_VERSION} was not registered.`,
  );
}
