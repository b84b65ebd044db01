import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIssuer, reservePort, startLocalIssuer } from '../auth/testing/local-issuer.js';
import { type Database, openDatabase } from '../db/database.js';
import { rowsOf } from '../db/raw-rows.js';
import { LISTENER_APPLICATION_NAME } from '../realtime/postgres-notifications.js';
import { testDatabases } from '../testing/databases.js';
import { type ServedApp, serveApp } from '../testing/http-app.js';
import { liveClient, subscribeThread } from '../testing/live-client.js';
import { createScratchDatabase, type ScratchDatabase } from '../testing/scratch-database.js';
import { listening, runCli, type ServerProcess, waitFor } from '../testing/server-process.js';
import { createWorld, type World, type WorldPerson } from '../testing/world.js';

const bodiesOf = (received: ReturnType<typeof subscribeThread>) =>
  received.events.flatMap(({ event }) => (event.kind === 'message' ? [event.message.body] : []));

describe.each(testDatabases())('the dialogue live over HTTP on $name', (target) => {
  let database: Database;
  let app: ServedApp;
  let world: World;

  beforeAll(async () => {
    database = await target.open();
    app = await serveApp(database, { rateLimits: null });
    world = await createWorld(database, { issuer: app.issuer.issuer });
  });
  afterAll(async () => {
    await app?.close();
    await target.close();
  });

  const clientOf = async (person: WorldPerson) =>
    liveClient(app.url, await app.tokenFor(person.identity.subject));
  const thread = () => ({ companyId: world.companyId, apprenticeshipId: world.apprenticeshipId });

  it('streams messages to a subscriber as they are sent, with the token in a header', async () => {
    const trainer = await clientOf(world.trainer);
    const apprentice = await clientOf(world.apprentice);
    const page = await trainer.dialogue.messages.query(thread());
    const received = subscribeThread(trainer, { ...thread(), lastEventId: String(page.lastSeq) });
    try {
      // Sent once the stream is open, so they arrive live, not as back-fill.
      await received.started();
      for (const body of ['Guten Morgen', 'Woche 41 ist fertig']) {
        await apprentice.dialogue.post.mutate({ ...thread(), body, clientKey: randomUUID() });
      }
      await received.waitFor(2);
      expect(bodiesOf(received)).toEqual(['Guten Morgen', 'Woche 41 ist fertig']);
      expect(received.events.map(({ id }) => Number(id))).toEqual([
        page.lastSeq + 1,
        page.lastSeq + 2,
      ]);
    } finally {
      received.stop();
    }
  });

  it('refuses a subscription to someone who does not take part', async () => {
    const outsider = await clientOf(world.unassignedTrainer);
    const received = subscribeThread(outsider, thread());
    await waitFor(() => received.errors.length > 0, 10_000);
    received.stop();
    expect(received.events).toEqual([]);
    expect(String(received.errors[0])).toContain('apprenticeship_not_found');
  });

  it('resumes after the last event id and sends nothing twice', async () => {
    const apprentice = await clientOf(world.apprentice);
    const sent = [];
    for (const body of ['eins', 'zwei', 'drei']) {
      sent.push(
        await apprentice.dialogue.post.mutate({ ...thread(), body, clientKey: randomUUID() }),
      );
    }
    const delegate = await clientOf(world.delegate);
    const received = subscribeThread(delegate, {
      ...thread(),
      lastEventId: String(sent[0]?.changeSeq),
    });
    try {
      await received.waitFor(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(bodiesOf(received)).toEqual(['zwei', 'drei']);
    } finally {
      received.stop();
    }
  });
});

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: a message sent through one reaches a
 * subscriber of the other by LISTEN/NOTIFY, also after that instance's listening connection was killed, and after the
 * subscriber's instance was restarted, without a message lost or doubled.
 */
describe.each(testDatabases().filter((target) => target.name === 'postgres'))(
  'the dialogue across two instances on $name',
  () => {
    let scratch: ScratchDatabase;
    let database: Database;
    let issuer: LocalIssuer;
    let world: World;
    const processes: ServerProcess[] = [];

    async function startInstance(port: number): Promise<string> {
      const child = runCli({
        DATABASE_URL: scratch.url,
        PORT: String(port),
        BH_OIDC_ISSUER: issuer.issuer,
        BH_OIDC_AUDIENCE: issuer.audience,
      });
      processes.push(child);
      await listening(child);
      return `http://127.0.0.1:${port}`;
    }

    beforeAll(async () => {
      scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? '', 'bh_live');
      database = await openDatabase({ url: scratch.url });
      issuer = await startLocalIssuer();
      world = await createWorld(database, { issuer: issuer.issuer });
    });

    afterAll(async () => {
      for (const child of processes) {
        if (child.child.exitCode === null && child.child.signalCode === null) {
          child.child.kill('SIGKILL');
          await child.exited;
        }
      }
      await database?.close();
      await issuer?.close();
      await scratch?.drop();
    });

    it('delivers across instances, through a killed listener and a restart', async () => {
      const writerUrl = await startInstance(await reservePort());
      const readerPort = await reservePort();
      const readerUrl = await startInstance(readerPort);
      const token = (person: WorldPerson) =>
        issuer.sign({ claims: { sub: person.identity.subject } });
      const writer = liveClient(writerUrl, await token(world.apprentice));
      const reader = liveClient(readerUrl, await token(world.trainer));
      const thread = { companyId: world.companyId, apprenticeshipId: world.apprenticeshipId };
      const post = (body: string) =>
        writer.dialogue.post.mutate({ ...thread, body, clientKey: randomUUID() });

      const received = subscribeThread(reader, { ...thread, lastEventId: '0' });
      try {
        await post('über Instanz A');
        await received.waitFor(1);

        // Only the reader's instance listens: the writer has no subscriber, so it holds no listening connection.
        const killed = await rowsOf<{ pid: number }>(
          database.db,
          sql`select pg_terminate_backend(pid) as killed, pid from pg_stat_activity
              where application_name = ${LISTENER_APPLICATION_NAME} and datname = current_database()`,
        );
        expect(killed).toHaveLength(1);
        await post('nach dem Abbruch');
        await received.waitFor(2);

        const readerProcess = processes[1];
        readerProcess?.child.kill('SIGTERM');
        await readerProcess?.exited;
        // The open stream was ended by the shutdown, telling the client to come back, not cut by its grace period.
        expect(received.interruptions).toContain('server_stopping');
        await post('während des Neustarts');
        await startInstance(readerPort);
        await post('nach dem Neustart');
        await received.waitFor(4, 30_000);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(bodiesOf(received)).toEqual([
          'über Instanz A',
          'nach dem Abbruch',
          'während des Neustarts',
          'nach dem Neustart',
        ]);
      } finally {
        received.stop();
      }
    }, 90_000);
  },
);
