/**
 * The `aria-level` of an element's heading from its `heading-level` attribute (2 unless set), `deeper` levels below
 * it for its own sections: always a level from 1 to 6, whatever a host wrote.
 */
export function outlineLevel(headingLevel: number, deeper = 0): number {
  return Math.min(6, Math.max(1, Math.round(headingLevel) || 2) + deeper);
}
