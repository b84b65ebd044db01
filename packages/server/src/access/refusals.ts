import type { ReasonCode, Refusal } from '@berichtsheft/core';
import { TRPCError } from '@trpc/server';

const CODES = {
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
} as const satisfies Record<Refusal['code'], TRPCError['code']>;

/** Turns a refusal of core's rules into the API error with the rule's reason as its stable message. */
export function refuse(refusal: Refusal): never {
  throw new TRPCError({ code: CODES[refusal.code], message: refusal.reason });
}

export function notFound(reason: ReasonCode): never {
  throw new TRPCError({ code: 'NOT_FOUND', message: reason });
}

export function conflict(reason: ReasonCode): never {
  throw new TRPCError({ code: 'CONFLICT', message: reason });
}

export function badRequest(reason: ReasonCode): never {
  throw new TRPCError({ code: 'BAD_REQUEST', message: reason });
}
