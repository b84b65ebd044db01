// The provider is defined first, so markup already in the page gets its context when the queue upgrades.
import './bh-provider.js';
import { BhSignoffQueue } from '../signoff-queue/signoff-queue.js';
import { defineElement } from './define.js';

defineElement('bh-signoff-queue', BhSignoffQueue);

declare global {
  interface HTMLElementTagNameMap {
    'bh-signoff-queue': BhSignoffQueue;
  }
}
