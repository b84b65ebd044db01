import { performance } from 'node:perf_hooks';
import { createTokenVerifier } from '@berichtsheft/server';
import { jwtVerify } from 'jose';
import { startIssuer } from './lib/issuer.js';
import { ratio, table } from './lib/stats.js';

/**
 * Verifications per second of the server's token verifier (discovery, cached JWKS, claim and type checks) against
 * jose's bare `jwtVerify` with the public key at hand, for the same token, as a ratio. The two are measured in
 * alternating rounds so that a busy neighbour on the machine affects both alike.
 */

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1500);
const ROUNDS = 3;
/** Verifications in flight at once: WebCrypto works off the main thread, as under concurrent requests. */
const IN_FLIGHT = 8;

async function rate(verify: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const start = performance.now();
  const end = start + ROUND_MS;
  const worker = async () => {
    while (performance.now() < end) {
      await verify();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return (done * 1000) / (performance.now() - start);
}

async function compare(alg: string): Promise<string[]> {
  const issuer = await startIssuer(alg);
  try {
    const token = await issuer.sign({ sub: 'bench.apprentice', name: 'Azubi' });
    const verifier = createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      algorithms: [alg],
    });
    const options = { issuer: issuer.issuer, audience: issuer.audience, algorithms: [alg] };
    const server = async () => {
      const result = await verifier.verify(token);
      if (!result.ok) throw new Error(`the server's verifier refused the token: ${result.reason}`);
    };
    const bare = () => jwtVerify(token, issuer.publicKey, options);
    // First calls fetch discovery and keys and warm both paths up.
    for (let i = 0; i < 200; i += 1) {
      await server();
      await bare();
    }
    const serverRates: number[] = [];
    const bareRates: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareRates.push(await rate(bare));
      serverRates.push(await rate(server));
    }
    const best = (rates: number[]) => Math.max(...rates);
    return [
      alg,
      Math.round(best(bareRates)).toString(),
      Math.round(best(serverRates)).toString(),
      ratio(best(serverRates), best(bareRates)),
    ];
  } finally {
    await issuer.close();
  }
}

async function main(): Promise<void> {
  console.log(
    `token-verify: best of ${ROUNDS} rounds of ${ROUND_MS / 1000} s each, ${IN_FLIGHT} verifications in flight; ` +
      `Node ${process.version}`,
  );
  const rows: string[][] = [];
  for (const alg of ['RS256', 'ES256']) rows.push(await compare(alg));
  console.log(
    table(['alg', 'jose jwtVerify /s (baseline)', 'server verifier /s', 'x baseline'], rows),
  );
}

await main();
