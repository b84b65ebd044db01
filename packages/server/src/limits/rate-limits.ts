/**
 * Rate limits per person (S30): every call counts against `call`, and the calls that sign or that an outsider could
 * use to probe count against a stricter limit of their own as well. Per person, not per address: behind a portal's
 * proxy every user shares one address, and one person's flood must not lock out the rest.
 */
export const LIMIT_CLASSES = ['call', 'approval', 'verification', 'export'] as const;
export type LimitClass = (typeof LIMIT_CLASSES)[number];

/** Calls per minute and person in each class; 0 switches a class's limit off. */
export type RateLimits = Readonly<Record<LimitClass, number>>;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  call: 600,
  approval: 60,
  verification: 30,
  export: 10,
};

/** The stricter class of a procedure, besides `call`. */
const PROCEDURE_CLASSES: Readonly<Record<string, Exclude<LimitClass, 'call'>>> = {
  'review.approve': 'approval',
  'review.approveMany': 'approval',
  'review.return': 'approval',
  'weeks.verify': 'verification',
  // A Prüfcode checked on the public page, counted per client address.
  'records.verify': 'verification',
  // A whole record read or written at once: costly, and what someone who stole a login would want.
  'records.pdf': 'export',
  'records.export': 'export',
  'records.import': 'export',
  'records.delete': 'export',
};

/** How many calls of each class a request makes: one per procedure, in `call` and in its own class. */
export function costsOf(procedures: readonly string[]): Map<LimitClass, number> {
  const costs = new Map<LimitClass, number>();
  for (const procedure of procedures) {
    costs.set('call', (costs.get('call') ?? 0) + 1);
    const own = PROCEDURE_CLASSES[procedure];
    if (own !== undefined) costs.set(own, (costs.get(own) ?? 0) + 1);
  }
  return costs;
}
