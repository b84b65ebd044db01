#!/usr/bin/env node
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';

/** `berichtsheft-server`: configuration from the environment, then serve until SIGTERM/SIGINT. */
async function main(): Promise<number | null> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  try {
    await startServer(config);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`berichtsheft-server could not start: ${reason}`);
    return 1;
  }
  return null;
}

main().then(
  (exitCode) => {
    if (exitCode !== null) process.exit(exitCode);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
