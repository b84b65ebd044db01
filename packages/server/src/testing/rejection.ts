import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';

/** The error a call was refused with; fails the test when the call succeeded or failed with anything but a TRPCError. */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
