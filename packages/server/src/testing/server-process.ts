import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ServerProcess {
  child: ChildProcess;
  output: () => Finished;
  exited: Promise<Finished>;
}

/** Runs the CLI from source (through tsx) in a process of its own, with exactly the given environment. */
export function runCli(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', cli], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const output = () => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr });
  const exited = new Promise<Finished>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, output, exited };
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The JSON lines a server process wrote to standard output so far. */
export function logLinesOf(server: ServerProcess): Record<string, unknown>[] {
  return server
    .output()
    .stdout.split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Waits until the server says it listens. */
export async function listening(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  await waitFor(() => {
    if (server.child.exitCode !== null) {
      throw new Error(`the server exited before listening: ${server.output().stderr}`);
    }
    return server.output().stdout.includes('"msg":"listening"');
  }, timeoutMs);
}
