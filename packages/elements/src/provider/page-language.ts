import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Follows the page's `<html lang>` while its host is connected, so that a host page which switches its language
 * at runtime (as single-page apps do) takes the elements along without setting `lang` on the provider.
 */
export class PageLanguageController implements ReactiveController {
  readonly #onChange: () => void;
  #observer: MutationObserver | null = null;

  constructor(host: ReactiveControllerHost, onChange: () => void) {
    this.#onChange = onChange;
    host.addController(this);
  }

  /** The language the page declares; empty when it declares none. */
  get lang(): string {
    return document.documentElement.lang;
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#onChange());
    this.#observer.observe(document.documentElement, { attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }
}
