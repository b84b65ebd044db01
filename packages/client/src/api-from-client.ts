import type { BerichtsheftApi, CallOptions } from './api.js';
import { toApiError } from './error-mapping.js';
import { ApiError } from './errors.js';
import type { FileTransport } from './file-transport.js';
import { followThread } from './follow-thread.js';
import type { BerichtsheftClient } from './trpc-client.js';

const aborted = (cause: unknown) => new ApiError('ABORTED', 'aborted', { cause });

/**
 * Runs one call with the caller's signal. A cancelled call rejects at once as `ABORTED`, whatever the link makes of
 * the cancellation: a batch goes on while other calls still want its answer, and the cancelled call must not wait for it.
 */
async function call<T>(
  options: CallOptions | undefined,
  request: (opts: { signal?: AbortSignal }) => Promise<T>,
): Promise<T> {
  const signal = options?.signal;
  if (!signal) {
    try {
      return await request({});
    } catch (error) {
      throw toApiError(error);
    }
  }
  if (signal.aborted) throw aborted(signal.reason);
  let onAbort: () => void = () => {};
  const cancellation = new Promise<never>((_, reject) => {
    onAbort = () => reject(aborted(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([request({ signal }), cancellation]);
  } catch (error) {
    throw signal.aborted ? aborted(error) : toApiError(error);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Implements the elements' `BerichtsheftApi` with a tRPC client and a way for files; every failure becomes an
 * `ApiError`.
 */
export function apiFromClient(client: BerichtsheftClient, files: FileTransport): BerichtsheftApi {
  return {
    me: (options) => call(options, (opts) => client.me.query(undefined, opts)),
    listMyApprenticeships: (companyId, options) =>
      call(options, (opts) => client.apprenticeships.listMine.query({ companyId }, opts)),
    listWeeks: (input, options) => call(options, (opts) => client.weeks.list.query(input, opts)),
    findWeek: (input, options) => call(options, (opts) => client.weeks.find.query(input, opts)),
    openWeek: (input, options) => call(options, (opts) => client.weeks.open.mutate(input, opts)),
    getWeek: (input, options) => call(options, (opts) => client.weeks.get.query(input, opts)),
    saveWeek: (input, options) => call(options, (opts) => client.weeks.save.mutate(input, opts)),
    submitWeek: (input, options) =>
      call(options, (opts) => client.weeks.submit.mutate(input, opts)),
    withdrawWeek: (input, options) =>
      call(options, (opts) => client.weeks.withdraw.mutate(input, opts)),
    reviewQueue: (companyId, options) =>
      call(options, (opts) => client.review.queue.query({ companyId }, opts)),
    approveWeek: (input, options) =>
      call(options, (opts) => client.review.approve.mutate(input, opts)),
    approveWeeks: (input, options) =>
      call(options, (opts) => client.review.approveMany.mutate(input, opts)),
    returnWeek: (input, options) =>
      call(options, (opts) => client.review.return.mutate(input, opts)),
    threadPage: (input, options) =>
      call(options, (opts) => client.dialogue.messages.query(input, opts)),
    unreadMessages: (companyId, options) =>
      call(options, (opts) => client.dialogue.unread.query({ companyId }, opts)),
    postMessage: (input, options) =>
      call(options, (opts) => client.dialogue.post.mutate(input, opts)),
    editMessage: (input, options) =>
      call(options, (opts) => client.dialogue.edit.mutate(input, opts)),
    deleteMessage: (input, options) =>
      call(options, (opts) => client.dialogue.delete.mutate(input, opts)),
    markThreadRead: (input, options) =>
      call(options, (opts) => client.dialogue.markRead.mutate(input, opts)),
    followThread: (input, listener) => followThread(client, input, listener),
    uploadMessageFile: (companyId, file, fileName, options) =>
      files.upload(companyId, file, fileName, options?.signal),
    downloadMessageFile: (companyId, fileId, options) =>
      files.download(companyId, fileId, options?.signal),
    downloadRecord: (request, options) => files.downloadRecord(request, options?.signal),
    importRecord: (companyId, apprenticeshipId, file, options) =>
      files.importRecord(companyId, apprenticeshipId, file, options?.signal),
    deleteRecord: (input, options) =>
      call(options, (opts) => client.records.delete.mutate(input, opts)),
  };
}
