import { ApiError } from '@berichtsheft/client';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LoadTask } from './load-task.js';

/** One run of the task: its signal, and how to end it the way an API call ends. */
interface Run {
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

class LoadTaskHost extends LitElement {
  static override properties = { key: {} };
  key = 'a';
  readonly runs: Run[] = [];
  readonly failures: unknown[] = [];
  readonly task = new LoadTask(this, {
    args: () => [this.key] as const,
    task: (_, { signal }) =>
      new Promise<string>((resolve, reject) => {
        this.runs.push({ signal, resolve, reject });
        // As the client does: a cancelled call rejects as ABORTED.
        signal.addEventListener('abort', () => reject(new ApiError('ABORTED', 'aborted')));
      }),
    onError: (error) => this.failures.push(error),
  });
}
customElements.define('bh-test-load-task-host', LoadTaskHost);

describe('LoadTask', () => {
  it('cancels the run that a new one replaces and keeps only the newer answer', async () => {
    const host = await fixture<LoadTaskHost>(
      html`<bh-test-load-task-host></bh-test-load-task-host>`,
    );
    host.key = 'b';
    await host.updateComplete;
    expect(host.runs).to.have.length(2);
    expect(host.runs[0]?.signal.aborted).to.equal(true);
    expect(host.runs[1]?.signal.aborted).to.equal(false);
    host.runs[1]?.resolve('answer b');
    await waitUntil(() => host.task.state === 'done');
    expect(host.task.value).to.equal('answer b');
    expect(host.failures, 'the cancelled run is no failure').to.deep.equal([]);
  });

  it('cancels when taken out of the page and loads again when put back, without failing', async () => {
    const host = await fixture<LoadTaskHost>(
      html`<bh-test-load-task-host></bh-test-load-task-host>`,
    );
    const parent = host.parentElement as HTMLElement;
    host.remove();
    expect(host.runs[0]?.signal.aborted).to.equal(true);
    await Promise.resolve();
    expect(host.task.state).to.equal('loading');
    parent.append(host);
    await waitUntil(() => host.runs.length === 2, 'no new run after reconnecting');
    host.runs[1]?.resolve('again');
    await waitUntil(() => host.task.state === 'done');
    expect(host.task.value).to.equal('again');
    expect(host.failures).to.deep.equal([]);
  });

  it('reports a real failure', async () => {
    const host = await fixture<LoadTaskHost>(
      html`<bh-test-load-task-host></bh-test-load-task-host>`,
    );
    const failure = new ApiError('SERVICE_UNAVAILABLE', 'unavailable');
    host.runs[0]?.reject(failure);
    await waitUntil(() => host.task.state === 'failed');
    expect(host.failures).to.deep.equal([failure]);
  });
});
