/** What bench:dialogue sends its subscribers' process: where to connect, and as whom to follow which thread. */
export interface SubscribeJob {
  url: string;
  subscriptions: {
    token: string;
    input: { companyId: string; apprenticeshipId: string; lastEventId: string };
  }[];
}

/** What the subscribers' process reports back. */
export type SubscriberReport =
  | { kind: 'open'; count: number }
  /** Every subscription has received a message: all are live on the server, not just opened by the client. */
  | { kind: 'live' }
  | { kind: 'arrivals'; arrivals: { body: string; at: number }[] }
  | { kind: 'failure'; message: string };

/** Milliseconds since the epoch with sub-millisecond precision, comparable between processes. */
export const wallClock = () => performance.timeOrigin + performance.now();
