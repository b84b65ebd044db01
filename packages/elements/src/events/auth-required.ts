import { eventInit } from './event-init.js';

/** The host's login could not provide a token the API accepts; the host should sign the user in again. */
export class BhAuthRequiredEvent extends Event {
  static readonly eventName = 'bh-auth-required';
  constructor() {
    super(BhAuthRequiredEvent.eventName, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bh-auth-required': BhAuthRequiredEvent;
  }
}
