import { type BerichtsheftApi, createBerichtsheftApi, type GetToken } from '@berichtsheft/client';
import { provide } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type BerichtsheftContext, berichtsheftContext } from '../context.js';
import { BhAuthRequiredEvent } from '../events/auth-required.js';
import { applyLocale } from '../localization.js';
import { BhElement } from '../shared/bh-element.js';
import { PageLanguageController } from './page-language.js';

/**
 * Connects the Berichtsheft elements inside it to the API, with the host's login and the active company.
 *
 * @summary Root of every Berichtsheft element: API, active company and language.
 * @slot - The Berichtsheft elements of the page.
 * @fires bh-auth-required - The host's login could not provide a token the API accepts; sign the user in again.
 */
export class BhProvider extends BhElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Async callback of the host's login that returns an access token. A property only: tokens never go in markup. */
  @property({ attribute: false }) getToken: GetToken | null = null;

  /** A ready API, instead of `api-url` and `getToken` (tests, stories, hosts with their own transport). */
  @property({ attribute: false }) api: BerichtsheftApi | null = null;

  /** URL of the Berichtsheft tRPC endpoint. */
  @property({ attribute: 'api-url' }) apiUrl: string | null = null;

  /** The company the user works in now; every request names it. */
  @property({ attribute: 'company-id' }) companyId: string | null = null;

  /**
   * `de` or `en`; when not set, the page's `<html lang>` (German if that is neither). Reflected when set, so
   * assistive technology reads the content in the right language.
   */
  @property({ reflect: true, converter: { toAttribute: (value: string) => value || null } })
  override lang = '';

  @provide({ context: berichtsheftContext })
  @state()
  protected context: BerichtsheftContext = { api: null, companyId: null };

  readonly #pageLanguage = new PageLanguageController(this, () => this.#applyLanguage());

  override connectedCallback(): void {
    super.connectedCallback();
    // Locale first: elements inside render their first frame in the host's language.
    this.#applyLanguage();
  }

  #applyLanguage(): void {
    void applyLocale(this.lang || this.#pageLanguage.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) this.#applyLanguage();
    if (changed.has('api') || changed.has('apiUrl') || changed.has('getToken')) {
      // A new token source (e.g. another user) gets a new client, so nothing cached for the old one survives.
      this.context = { api: this.#buildApi(), companyId: this.companyId };
    } else if (changed.has('companyId')) {
      this.context = { ...this.context, companyId: this.companyId };
    }
  }

  #buildApi(): BerichtsheftApi | null {
    if (this.api) return this.api;
    const getToken = this.getToken;
    if (!this.apiUrl || !getToken) return null;
    return createBerichtsheftApi({
      url: this.apiUrl,
      getToken,
      onAuthRequired: () => this.dispatchEvent(new BhAuthRequiredEvent()),
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
