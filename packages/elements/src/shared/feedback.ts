import { msg } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorMessage } from './api-errors.js';

/** Where every element starts: without a provider, waiting for its first answer, or failed to get it. */
export type LoadPhase = 'unconfigured' | 'loading' | 'error';

/**
 * What an element tells the user besides its content: why the last step failed (an alert), what the last step
 * achieved (a live region that screen readers announce), and the phases before there is any content.
 */
export class FeedbackController {
  #problem = '';
  #announcement = '';
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get problem(): string {
    return this.#problem;
  }

  set problem(text: string) {
    this.#problem = text;
    this.#host.requestUpdate();
  }

  get announcement(): string {
    return this.#announcement;
  }

  set announcement(text: string) {
    this.#announcement = text;
    this.#host.requestUpdate();
  }

  /** Shows the user why `error` stopped the last step, from its reason code. */
  fail(error: unknown): void {
    this.problem = errorMessage(error);
  }

  renderAnnouncement(): TemplateResult {
    return html`<div class="live" role="status">${this.#announcement}</div>`;
  }

  renderProblem(): TemplateResult | typeof nothing {
    return this.#problem
      ? html`<div class="notice error" role="alert">${this.#problem}</div>`
      : nothing;
  }

  renderLoadPhase(phase: LoadPhase, onRetry: () => void): TemplateResult {
    switch (phase) {
      case 'unconfigured':
        return html`<p>${msg('Nicht verbunden: Dieses Element muss innerhalb von bh-provider stehen.')}</p>`;
      case 'loading':
        return html`<p aria-busy="true">${msg('Wird geladen …')}</p>`;
      case 'error':
        return html`${this.renderProblem()}
          <button type="button" @click=${onRetry}>${msg('Erneut versuchen')}</button>`;
    }
  }
}
