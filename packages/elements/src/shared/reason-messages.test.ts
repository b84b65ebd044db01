import { ApiError, CLIENT_REASON_CODES } from '@berichtsheft/client';
import { REASON_CODES } from '@berichtsheft/core';
import { expect } from '@open-wc/testing';
import { applyLocale } from '../localization.js';
import { errorMessage } from './api-errors.js';
import { REASON_MESSAGES, reasonMessage } from './reason-messages.js';

const EVERY_REASON = [...REASON_CODES, ...CLIENT_REASON_CODES];

// The list of codes is the contract; a message map that misses one does not compile.
const { stale_version: _dropped, ...withoutOne } = REASON_MESSAGES;
// @ts-expect-error: stale_version has no message here
const incomplete: typeof REASON_MESSAGES = withoutOne;
void incomplete;

function messagesIn(lang: string): Promise<Map<string, string>> {
  return applyLocale(lang).then(
    () => new Map(EVERY_REASON.map((code) => [code, errorMessage(new ApiError('CONFLICT', code))])),
  );
}

describe('reason messages', () => {
  afterEach(() => applyLocale('de'));

  it('has a message for exactly the codes server and client send', () => {
    expect(Object.keys(REASON_MESSAGES).sort()).to.deep.equal([...EVERY_REASON].sort());
  });

  it('says something for every code in German, never the code itself', async () => {
    for (const [code, text] of await messagesIn('de')) {
      expect(text, code).to.match(/\w{3,}.*\.$/);
      expect(text, code).not.to.include(code);
    }
  });

  it('has an English translation of every message', async () => {
    const german = await messagesIn('de');
    const english = await messagesIn('en');
    for (const [code, text] of english) {
      expect(text, code).not.to.equal(german.get(code));
      expect(text, code).not.to.include(code);
    }
  });

  it('turns a string that is no code into null, so the error kind decides', () => {
    expect(reasonMessage('no_such_reason')).to.equal(null);
    expect(reasonMessage('constructor')).to.equal(null);
    expect(errorMessage(new ApiError('NOT_FOUND', 'no_such_reason'))).to.include('nicht gefunden');
  });
});
