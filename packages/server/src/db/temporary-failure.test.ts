import { describe, expect, it } from 'vitest';
import { DatabaseBusyError } from './gate.js';
import { DatabaseConnectionLostError, temporaryDatabaseReason } from './temporary-failure.js';

/** An error as the driver raises it: a message and a `code`, the operating system's or the server's SQLSTATE. */
function driverError(code: string): Error {
  return Object.assign(new Error(`driver says ${code}`), { code });
}

const wrapped = (cause: unknown) =>
  new Error('Failed query', { cause: new Error('procedure failed', { cause }) });

describe('temporaryDatabaseReason', () => {
  it('finds the busy gate anywhere in the cause chain', () => {
    expect(temporaryDatabaseReason(new DatabaseBusyError(10))).toBe('database_busy');
    expect(temporaryDatabaseReason(wrapped(new DatabaseBusyError(10)))).toBe('database_busy');
  });

  it('reads a lost connection as a database out of reach, whatever the driver said', () => {
    const lost = new DatabaseConnectionLostError(new Error('Connection terminated unexpectedly'));
    expect(temporaryDatabaseReason(wrapped(lost))).toBe('database_unavailable');
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', '08006', '08001', '57P01', '57P02', '57P03', '53300'])(
    'reads %s as a database out of reach',
    (code) => {
      expect(temporaryDatabaseReason(driverError(code))).toBe('database_unavailable');
      expect(temporaryDatabaseReason(wrapped(driverError(code)))).toBe('database_unavailable');
    },
  );

  it.each([
    '23505', // unique_violation: a fault or a refusal of this statement, not of the session
    '42501', // insufficient_privilege
    '57014', // query_canceled (statement_timeout): this statement, the session lives on
    '22003', // numeric_value_out_of_range
  ])('leaves %s to be handled as what it is', (code) => {
    expect(temporaryDatabaseReason(wrapped(driverError(code)))).toBeNull();
  });

  it('is null for anything that is no error, and ends on a cause loop', () => {
    expect(temporaryDatabaseReason('database_busy')).toBeNull();
    expect(temporaryDatabaseReason({ code: 'ECONNREFUSED' })).toBeNull();
    const loop = new Error('loop');
    loop.cause = loop;
    expect(temporaryDatabaseReason(loop)).toBeNull();
  });
});
