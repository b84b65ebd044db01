import { describe, expect, it } from 'vitest';
import { decideCreate, decideEdit, decideTransition } from './permissions.js';
import { WEEK_ACTIONS, WEEK_STATUSES } from './status.js';

describe('decideTransition', () => {
  it('hides weeks from people without a relation to the apprenticeship', () => {
    for (const status of WEEK_STATUSES) {
      for (const action of WEEK_ACTIONS) {
        expect(decideTransition('none', status, action, 'single')).toMatchObject({
          ok: false,
          code: 'not_found',
        });
      }
    }
  });

  it('never lets the apprentice approve their own week', () => {
    expect(decideTransition('owner', 'submitted', 'approve', 'single')).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'only_assigned_reviewer',
    });
  });

  it('lets only the apprentice submit', () => {
    expect(decideTransition('trainer', 'draft', 'submit', 'single')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(decideTransition('owner', 'draft', 'submit', 'single')).toEqual({
      ok: true,
      to: 'submitted',
    });
  });

  it('answers conflict for a transition the workflow lacks', () => {
    expect(decideTransition('trainer', 'draft', 'approve', 'single')).toEqual({
      ok: false,
      code: 'conflict',
      reason: 'transition_not_allowed',
    });
  });
});

describe('decideEdit and decideCreate', () => {
  it('lets the apprentice edit drafts and returned weeks only', () => {
    expect(decideEdit('owner', 'draft').ok).toBe(true);
    expect(decideEdit('owner', 'returned').ok).toBe(true);
    expect(decideEdit('owner', 'submitted')).toMatchObject({ ok: false, code: 'conflict' });
    expect(decideEdit('owner', 'approved')).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('keeps reviewers from writing the record and strangers from seeing it', () => {
    expect(decideEdit('trainer', 'draft')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideEdit('none', 'draft')).toMatchObject({ ok: false, code: 'not_found' });
    expect(decideCreate('delegate')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideCreate('none')).toMatchObject({ ok: false, code: 'not_found' });
    expect(decideCreate('owner').ok).toBe(true);
  });
});
