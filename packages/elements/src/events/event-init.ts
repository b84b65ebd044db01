/** Every Berichtsheft event leaves the element's shadow root and bubbles up to the host page. */
export const eventInit = { bubbles: true, composed: true } as const;
