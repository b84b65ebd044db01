import { ELEMENTS_VERSION } from '../generated/version.js';
import { BhElement } from '../shared/bh-element.js';

export { ELEMENTS_VERSION };

/**
 * Registers a Berichtsheft element under `tag` with the guard of `BhElement.define`: a second copy of the same
 * version is left alone, another version warns instead of throwing. For hosts that register a tag of their own.
 */
export function defineElement(tag: string, element: typeof BhElement): void {
  element.define(tag);
}
