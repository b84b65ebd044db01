import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** `trace` … `fatal`, or `silent`; default `info`. */
  level?: LevelWithSilent;
  /** Where the JSON lines go; standard output by default. */
  destination?: DestinationStream;
}

/**
 * The server's structured log: one JSON object per line, as log shippers read them, with an ISO time and the
 * service's name. What may go into it is decided where each line is written (see docs/logging.md): request ids,
 * procedure names, statuses, durations, internal person ids and reason codes; never input, text, names, e-mail
 * addresses, tokens or query parameters.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'berichtsheft-server' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
