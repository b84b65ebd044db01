import { describe, expect, it } from 'vitest';
import { createConnectionGate, DatabaseBusyError } from './gate.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createConnectionGate', () => {
  it('runs at most as many pieces of work as it has slots, the rest in arrival order', async () => {
    const gate = createConnectionGate(2, 5000);
    const release = deferred();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const work = (name: string) =>
      gate.run(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(name);
        await release.promise;
        running -= 1;
        return name;
      });
    const all = Promise.all(['a', 'b', 'c', 'd', 'e'].map(work));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['a', 'b']);
    release.resolve();
    expect(await all).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(most).toBe(2);
  });

  it('refuses with DatabaseBusyError when no slot frees up in time, and serves again once one does', async () => {
    const gate = createConnectionGate(1, 50);
    const release = deferred();
    const holder = gate.run(() => release.promise);
    await expect(gate.run(async () => 'late')).rejects.toBeInstanceOf(DatabaseBusyError);
    release.resolve();
    await holder;
    expect(await gate.run(async () => 'free again')).toBe('free again');
  });

  it('gives the slot back when the work fails', async () => {
    const gate = createConnectionGate(1, 50);
    await expect(gate.run(() => Promise.reject(new Error('query failed')))).rejects.toThrow(
      'query failed',
    );
    expect(await gate.run(async () => 'next')).toBe('next');
  });

  it('hands a freed slot to a waiter that is still within its timeout', async () => {
    const gate = createConnectionGate(1, 2000);
    const release = deferred();
    const holder = gate.run(() => release.promise);
    const waiter = gate.run(async () => 'waited');
    setTimeout(() => release.resolve(), 30);
    expect(await waiter).toBe('waited');
    await holder;
  });

  it('holds an acquired slot until it is given back, and gives it back only once', async () => {
    const gate = createConnectionGate(1, 50);
    const giveBack = await gate.acquire();
    await expect(gate.run(async () => 'late')).rejects.toBeInstanceOf(DatabaseBusyError);
    giveBack();
    giveBack();
    const again = await gate.acquire();
    await expect(gate.acquire()).rejects.toBeInstanceOf(DatabaseBusyError);
    again();
    expect(await gate.run(async () => 'free again')).toBe('free again');
  });
});
