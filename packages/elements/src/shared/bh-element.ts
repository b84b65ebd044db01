import { localized } from '@lit/localize';
import { LitElement } from 'lit';
import { ELEMENTS_VERSION } from '../generated/version.js';

/** What `define()` reads from a constructor already registered under a tag: possibly a Berichtsheft element. */
type Registered = CustomElementConstructor & { version?: unknown };

/**
 * The base of every Berichtsheft element: registration that tolerates a second copy of the package on one page,
 * and the package version on every element class (`customElements.get('bh-provider').version`) to tell copies apart.
 * Elements extend this, never `LitElement` directly.
 *
 * `@localized()` sits here, once, so that every element re-renders when the language changes: an element that
 * forgot it would keep the old language, and Lit passes the decorator's initializer on to every subclass.
 */
@localized()
export class BhElement extends LitElement {
  /** The version of @berichtsheft/elements this class belongs to; generated from its package.json. */
  static readonly version: string = ELEMENTS_VERSION;

  /**
   * Registers this class under `tag`, once per page. A tag can be defined only once, so:
   * - the same class, or a class of the same version (a second bundle of one release), is left as it is, silently;
   * - a class of another version keeps its registration, and a warning names both versions, since throwing would
   *   break the host page for what is a packaging mistake.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag) as Registered | undefined;
    if (existing === undefined) {
      try {
        customElements.define(tag, this);
      } catch {
        // The registry refuses one constructor under two tags; an empty subclass lets a host register an alias.
        // Any other refusal (an invalid tag) is thrown again by this second call.
        customElements.define(tag, class extends this {});
      }
      return;
    }
    if (existing === this || existing.version === this.version) return;
    const version = typeof existing.version === 'string' ? existing.version : 'unknown';
    console.warn(
      `<${tag}> is already defined by version ${version} of @berichtsheft/elements; version ${this.version} was not registered.`,
    );
  }
}
