import { BhProvider } from '../provider/provider.js';
import { defineElement } from './define.js';

defineElement('bh-provider', BhProvider);

declare global {
  interface HTMLElementTagNameMap {
    'bh-provider': BhProvider;
  }
}
