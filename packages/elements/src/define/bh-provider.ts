// The events it fires: listeners on the element are typed wherever it is defined.
import '../events/auth-required.js';
import { BhProvider } from '../provider/provider.js';

BhProvider.define('bh-provider');

declare global {
  interface HTMLElementTagNameMap {
    'bh-provider': BhProvider;
  }
}
