// The provider is defined first, so markup already in the page gets its context when the thread upgrades.
import './bh-provider.js';
// The events it fires: listeners on the element are typed wherever it is defined.
import '../events/unread-changed.js';
import { BhDialogueThread } from '../dialogue-thread/dialogue-thread.js';

BhDialogueThread.define('bh-dialogue-thread');

declare global {
  interface HTMLElementTagNameMap {
    'bh-dialogue-thread': BhDialogueThread;
  }
}
