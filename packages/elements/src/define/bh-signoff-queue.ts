// The provider is defined first, so markup already in the page gets its context when the queue upgrades.
import './bh-provider.js';
// A week links to its conversation, shown in place.
import './bh-dialogue-thread.js';
// The events it fires: listeners on the element are typed wherever it is defined.
import '../events/report-approved.js';
import '../events/report-returned.js';
import '../events/reports-approved.js';
import { BhSignoffQueue } from '../signoff-queue/signoff-queue.js';

BhSignoffQueue.define('bh-signoff-queue');

declare global {
  interface HTMLElementTagNameMap {
    'bh-signoff-queue': BhSignoffQueue;
  }
}
