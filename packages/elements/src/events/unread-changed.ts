import { eventInit } from './event-init.js';

/** How many messages the viewer has not read: in the thread shown, and in the whole company as far as known. */
export interface UnreadChangedDetail {
  unread: number;
  total: number;
}

/** The number of unread messages changed, for a badge in the host's own navigation. */
export class BhUnreadChangedEvent extends Event {
  static readonly eventName = 'bh-unread-changed';
  readonly detail: UnreadChangedDetail;
  constructor(detail: UnreadChangedDetail) {
    super(BhUnreadChangedEvent.eventName, eventInit);
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bh-unread-changed': BhUnreadChangedEvent;
  }
}
