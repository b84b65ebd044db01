import type { ReasonCode } from '@berichtsheft/core';
import type { CallerNote } from '../context.js';
import { describeError } from './describe-error.js';
import type { Logger } from './logger.js';

/**
 * What one request contributes to its line in the access log while it is served: the internal id of the person once
 * known, the reason code it was refused with, and its faults, each logged at once with the request's id.
 */
export interface RequestLog extends CallerNote {
  readonly requestId: string;
  reason: ReasonCode | null;
  fault(error: unknown, message: string): void;
}

/** A request id the caller (a proxy, the portal) sent and that is safe to repeat, or a new one. */
const FORWARDABLE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdFrom(header: string | null): string {
  return header !== null && FORWARDABLE_ID.test(header) ? header : crypto.randomUUID();
}

export function createRequestLog(logger: Logger, requestId: string): RequestLog {
  return {
    requestId,
    personId: null,
    reason: null,
    fault(error, message) {
      logger.error({ requestId, err: describeError(error) }, message);
    },
  };
}
