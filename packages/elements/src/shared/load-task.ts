import { isAborted } from '@berichtsheft/client';
import { Task, type TaskConfig, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { LoadPhase } from './feedback.js';

export { initialState, TaskStatus } from '@lit/task';

/** Where a load stands, in the words the elements render. */
export type LoadState = 'idle' | 'loading' | 'done' | 'failed';

/**
 * The one way an element loads data. A run that a newer one replaces is cancelled through the `signal` its task
 * hands to the API, and its answer is dropped; an element taken out of the page cancels its run and loads again when
 * it is put back. A cancelled run never counts as failed, so no error is shown for what nobody waits for any more.
 */
export class LoadTask<Args extends readonly unknown[], Value> extends Task<Args, Value> {
  #cancelledByDisconnect = false;

  constructor(host: ReactiveControllerHost, config: TaskConfig<Args, Value>) {
    const onError = config.onError;
    super(host, {
      ...config,
      onError: (error) => {
        if (!isAborted(error)) onError?.(error);
      },
    });
  }

  hostConnected(): void {
    if (this.#cancelledByDisconnect) {
      this.#cancelledByDisconnect = false;
      void this.run();
    }
  }

  hostDisconnected(): void {
    if (this.status === TaskStatus.PENDING) {
      this.#cancelledByDisconnect = true;
      this.abort();
    }
  }

  /** A cancelled run stays `loading`: another run is on its way, or comes when the element is back in the page. */
  get state(): LoadState {
    switch (this.status) {
      case TaskStatus.INITIAL:
        return 'idle';
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.COMPLETE:
        return 'done';
      default:
        return isAborted(this.error) ? 'loading' : 'failed';
    }
  }

  /** The load's phase as an element renders it; `whenDone` says what a finished load shows. */
  phase<Done>(whenDone: () => Done): LoadPhase | Done {
    switch (this.state) {
      case 'idle':
        return 'unconfigured';
      case 'loading':
        return 'loading';
      case 'failed':
        return 'error';
      case 'done':
        return whenDone();
    }
  }
}
