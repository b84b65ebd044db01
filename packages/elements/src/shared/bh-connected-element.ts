import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { type BerichtsheftContext, berichtsheftContext } from '../context.js';
import { BhElement } from './bh-element.js';

/**
 * The base of the elements that work with the API: each takes the API and the active company from the nearest
 * `<bh-provider>`, and updates when the provider hands out new ones (another user, another company).
 */
export class BhConnectedElement extends BhElement {
  @consume({ context: berichtsheftContext, subscribe: true })
  @state()
  protected context: BerichtsheftContext | undefined;
}
