import { describe, expect, it } from 'vitest';
import {
  DIALOGUE_LIMITS,
  decideMessageChange,
  messageChangeableUntil,
  takesPartInDialogue,
} from './dialogue.js';
import { APPRENTICESHIP_RELATIONS } from './roles.js';

const author = 'a0000000-0000-4000-8000-000000000001';
const other = 'a0000000-0000-4000-8000-000000000002';
const sentAt = new Date('2026-11-23T09:00:00Z');
const message = { authorId: author, createdAt: sentAt, deleted: false };
const minutesAfter = (minutes: number) => new Date(sentAt.getTime() + minutes * 60_000);

describe('takesPartInDialogue', () => {
  it('lets the apprentice and assigned reviewers take part, nobody else', () => {
    const taking = APPRENTICESHIP_RELATIONS.filter(takesPartInDialogue);
    expect(taking).toEqual(['owner', 'trainer', 'delegate']);
  });
});

describe('decideMessageChange', () => {
  it('lets the author change a message within the window', () => {
    expect(decideMessageChange('owner', message, author, minutesAfter(1))).toEqual({ ok: true });
    const last = minutesAfter(DIALOGUE_LIMITS.changeWindowMinutes);
    expect(decideMessageChange('trainer', message, author, last)).toEqual({ ok: true });
  });

  it('closes the window after it has passed', () => {
    const late = minutesAfter(DIALOGUE_LIMITS.changeWindowMinutes + 0.01);
    expect(decideMessageChange('owner', message, author, late)).toEqual({
      ok: false,
      code: 'conflict',
      reason: 'change_window_closed',
    });
  });

  it('refuses another participant as forbidden, an outsider as not found', () => {
    expect(decideMessageChange('trainer', message, other, minutesAfter(1))).toMatchObject({
      code: 'forbidden',
      reason: 'only_author_changes_message',
    });
    expect(decideMessageChange('none', message, author, minutesAfter(1))).toMatchObject({
      code: 'not_found',
      reason: 'message_not_found',
    });
  });

  it('refuses to change a deleted message', () => {
    const deleted = { ...message, deleted: true };
    expect(decideMessageChange('owner', deleted, author, minutesAfter(1))).toMatchObject({
      code: 'conflict',
      reason: 'message_deleted',
    });
  });
});

describe('messageChangeableUntil', () => {
  it('is the end of the window for the author and null for everyone else', () => {
    expect(messageChangeableUntil(message, author)).toEqual(
      minutesAfter(DIALOGUE_LIMITS.changeWindowMinutes),
    );
    expect(messageChangeableUntil(message, other)).toBeNull();
    expect(messageChangeableUntil({ ...message, deleted: true }, author)).toBeNull();
  });
});
