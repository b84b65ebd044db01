import type { ApiError } from '@berichtsheft/client';
import type { AppRouter } from '@berichtsheft/server/playground';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable, type Unsubscribable } from '@trpc/server/observable';

/**
 * What goes wrong between an element and the server — a lost network, a held answer — placed where it happens: in
 * the transport, in front of the real router. Nothing here decides what a procedure answers.
 */
export class Faults {
  #failures: ApiError[] = [];
  #held: Promise<void> | null = null;

  /** The next call fails with this error (a lost network, a 503 …) without reaching the server. */
  failNext(error: ApiError): void {
    this.#failures.push(error);
  }

  /** Calls wait until the returned function is called: the loading state stays visible. */
  hold(): () => void {
    let release: () => void = () => {};
    this.#held = new Promise<void>((resolve) => {
      release = () => {
        this.#held = null;
        resolve();
      };
    });
    return release;
  }

  /**
   * The faults for a call outside tRPC (a file sent beside it): waits while held, then fails with the next failure
   * or lets the call go ahead.
   */
  async pass(): Promise<void> {
    if (this.#held) await this.#held;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const failure = this.#failures.shift();
    if (failure) throw failure;
  }

  /** The tRPC link that applies the faults to every call passing through it. */
  readonly link: TRPCLink<AppRouter> =
    () =>
    ({ op, next }) =>
      observable((observer) => {
        let inner: Unsubscribable | undefined;
        let cancelled = false;
        const start = async () => {
          if (this.#held) await this.#held;
          // Answer a task later, like a network would, so that elements render their loading state.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (cancelled) return;
          const failure = this.#failures.shift();
          if (failure) {
            observer.error(TRPCClientError.from(failure));
            return;
          }
          inner = next(op).subscribe(observer);
        };
        void start();
        return () => {
          cancelled = true;
          inner?.unsubscribe();
        };
      });
}
