import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActorKind,
  nextStatus,
  REVIEW_MODES,
  WEEK_ACTIONS,
  WEEK_STATUSES,
  type WeekStatus,
} from './status.js';

const actors: ActorKind[] = ['apprentice', 'trainer', 'delegate'];

describe('nextStatus', () => {
  it('follows the documented single-stage workflow', () => {
    expect(nextStatus('draft', 'submit', 'apprentice')).toBe('submitted');
    expect(nextStatus('returned', 'submit', 'apprentice')).toBe('submitted');
    expect(nextStatus('submitted', 'withdraw', 'apprentice')).toBe('draft');
    expect(nextStatus('submitted', 'approve', 'trainer')).toBe('approved');
    expect(nextStatus('submitted', 'approve', 'delegate')).toBe('approved');
    expect(nextStatus('submitted', 'return', 'trainer')).toBe('returned');
  });

  it('lets the delegate pre-approve and the trainer approve in two-stage mode', () => {
    expect(nextStatus('submitted', 'approve', 'delegate', 'two_stage')).toBe('reviewed');
    expect(nextStatus('reviewed', 'approve', 'delegate', 'two_stage')).toBeNull();
    expect(nextStatus('reviewed', 'approve', 'trainer', 'two_stage')).toBe('approved');
    expect(nextStatus('reviewed', 'return', 'trainer', 'two_stage')).toBe('returned');
    expect(nextStatus('reviewed', 'return', 'delegate', 'two_stage')).toBeNull();
  });

  it('never lets the apprentice approve or return, nor a reviewer submit', () => {
    for (const from of WEEK_STATUSES) {
      for (const mode of REVIEW_MODES) {
        expect(nextStatus(from, 'approve', 'apprentice', mode)).toBeNull();
        expect(nextStatus(from, 'return', 'apprentice', mode)).toBeNull();
        expect(nextStatus(from, 'submit', 'trainer', mode)).toBeNull();
        expect(nextStatus(from, 'withdraw', 'delegate', mode)).toBeNull();
      }
    }
  });

  it('has no way out of approved: a correction is a new version', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WEEK_ACTIONS),
        fc.constantFrom(...actors),
        fc.constantFrom(...REVIEW_MODES),
        (action, actor, mode) => nextStatus('approved', action, actor, mode) === null,
      ),
    );
  });

  it('reaches approved from a draft only through submission by any path of actions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...WEEK_ACTIONS), fc.constantFrom(...actors)), {
          maxLength: 12,
        }),
        fc.constantFrom(...REVIEW_MODES),
        (steps, mode) => {
          let status: WeekStatus = 'draft';
          let submitted = false;
          for (const [action, actor] of steps) {
            const to = nextStatus(status, action, actor, mode);
            if (to === null) continue;
            if (to === 'submitted') submitted = true;
            if (to === 'draft' || to === 'returned') submitted = false;
            if (to === 'approved' && !submitted) return false;
            status = to;
          }
          return true;
        },
      ),
    );
  });
});
