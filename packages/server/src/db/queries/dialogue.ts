import type { MessageFileView } from '@berichtsheft/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { rowsOf } from '../raw-rows.js';

/**
 * The dialogue's statements. Each change of a thread takes the thread's next sequence number with
 * `last_seq = last_seq + 1`, which holds the thread's row lock until the transaction ends: numbers are therefore
 * committed in the order they are handed out, and a subscriber that has seen number n has seen every change before it.
 * Each change also sends `pg_notify`, which PostgreSQL delivers only once the transaction commits (and never if it rolls
 * back). Sequence numbers come back as `float8`, which both drivers hand over as a JavaScript number.
 */

/** The channel on which every instance hears that a thread changed; the payload is only the thread's key. */
export const DIALOGUE_CHANNEL = 'bh_dialogue';

/** What a thread is about: an apprenticeship as a whole (no week) or one of its weeks. */
export interface ThreadSubject {
  apprenticeshipId: string;
  weekId: string | null;
}

/** The key a thread is announced under: known before the thread's row exists, so one can follow a thread not yet started. */
export function threadKey(subject: ThreadSubject): string {
  return `${subject.apprenticeshipId}/${subject.weekId ?? '-'}`;
}

export interface ThreadRecord {
  id: string;
  lastSeq: number;
}

export interface MessageRecord {
  id: string;
  threadId: string;
  seq: number;
  changeSeq: number;
  authorId: string;
  authorName: string;
  body: string;
  attachments: MessageFileView[];
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

export interface ReadMarkerRecord {
  personId: string;
  displayName: string;
  readSeq: number;
  changeSeq: number;
}

/** Matches the thread's week in a way the unique index on (apprenticeship, week) can serve. */
function weekMatches(weekId: string | null): SQL {
  return weekId === null ? sql`t.week_id is null` : sql`t.week_id = ${weekId}`;
}

export async function findThread(
  db: Executor,
  subject: ThreadSubject,
): Promise<ThreadRecord | undefined> {
  const [thread] = await rowsOf<ThreadRecord>(
    db,
    sql`select t.id, t.last_seq::float8 as "lastSeq" from threads t
        where t.apprenticeship_id = ${subject.apprenticeshipId} and ${weekMatches(subject.weekId)}`,
  );
  return thread;
}

/** Instants as milliseconds since the epoch: raw statements get timestamps from drizzle's drivers as text. */
const epochMs = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/** A message's files in the order they were uploaded, as JSON both drivers hand over as objects. */
const attachmentsOfMessage = sql`coalesce((
  select json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'mediaType', f.media_type,
    'sizeBytes', f.size_bytes) order by f.created_at, f.id)
  from message_files f where f.message_id = m.id), '[]'::json)`;

const messageColumns = sql`m.id, m.thread_id as "threadId", m.seq::float8 as seq,
  m.change_seq::float8 as "changeSeq", m.author_id as "authorId", p.display_name as "authorName", m.body,
  ${attachmentsOfMessage} as attachments,
  ${epochMs(sql`m.created_at`)} as "createdAt", ${epochMs(sql`m.edited_at`)} as "editedAt",
  ${epochMs(sql`m.deleted_at`)} as "deletedAt"`;

type MessageRow = Omit<MessageRecord, 'createdAt' | 'editedAt' | 'deletedAt'> & {
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
};

const instant = (ms: number | null) => (ms === null ? null : new Date(ms));

function toMessage<Row extends MessageRow>(
  row: Row,
): Omit<Row, 'createdAt' | 'editedAt' | 'deletedAt'> & MessageRecord {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    editedAt: instant(row.editedAt),
    deletedAt: instant(row.deletedAt),
  };
}

async function messageRows<Extra = unknown>(
  db: Executor,
  statement: SQL,
): Promise<(MessageRecord & Extra)[]> {
  const rows = await rowsOf<MessageRow & Extra>(db, statement);
  return rows.map((row) => toMessage(row) as MessageRecord & Extra);
}

/** The newest `limit` messages before `before` (a `seq`), newest first. */
export function listMessages(
  db: Executor,
  threadId: string,
  page: { before: number | null; limit: number },
): Promise<MessageRecord[]> {
  const before = page.before === null ? sql`` : sql`and m.seq < ${page.before}`;
  return messageRows(
    db,
    sql`select ${messageColumns} from messages m join people p on p.id = m.author_id
        where m.thread_id = ${threadId} ${before} order by m.seq desc limit ${page.limit}`,
  );
}

/** One message with the thread it belongs to, found by `condition` on `m` (the message). */
async function findMessageWhere(
  db: Executor,
  condition: SQL,
): Promise<(MessageRecord & ThreadSubject) | undefined> {
  const [message] = await messageRows<ThreadSubject>(
    db,
    sql`select ${messageColumns}, t.apprenticeship_id as "apprenticeshipId", t.week_id as "weekId"
        from messages m join threads t on t.id = m.thread_id join people p on p.id = m.author_id
        where ${condition}`,
  );
  return message;
}

export function findMessage(
  db: Executor,
  messageId: string,
): Promise<(MessageRecord & ThreadSubject) | undefined> {
  return findMessageWhere(db, sql`m.id = ${messageId}`);
}

const markerColumns = sql`r.person_id as "personId", p.display_name as "displayName",
  r.read_seq::float8 as "readSeq", r.change_seq::float8 as "changeSeq"`;

/** Read markers moved after `afterSeq`; all of them with 0. */
export function readMarkersChangedSince(
  db: Executor,
  threadId: string,
  afterSeq: number,
): Promise<ReadMarkerRecord[]> {
  return rowsOf<ReadMarkerRecord>(
    db,
    sql`select ${markerColumns} from thread_reads r join people p on p.id = r.person_id
        where r.thread_id = ${threadId} and r.change_seq > ${afterSeq} order by r.change_seq`,
  );
}

/** What changed in a thread after a sequence number, as a woken subscriber reads it. */
export interface ThreadChanges {
  /** False when the thread is not there for the caller: not started yet, or (under the policies) not theirs. */
  found: boolean;
  messages: MessageRecord[];
  markers: ReadMarkerRecord[];
}

/**
 * The thread's messages and read markers changed after `afterSeq`, in one statement: a woken subscriber costs one
 * round trip besides entering its transaction. Visibility is the policies' (participants only, S10); rows come as JSON
 * with the same columns as the other reads.
 */
export async function threadChangesSince(
  db: Executor,
  subject: ThreadSubject,
  afterSeq: number,
): Promise<ThreadChanges> {
  const rows = await rowsOf<{ kind: 'thread' | 'message' | 'read'; data: unknown }>(
    db,
    sql`with t as (
          select t.id from threads t
          where t.apprenticeship_id = ${subject.apprenticeshipId} and ${weekMatches(subject.weekId)}
        )
        select 'thread' as kind, null::json as data from t
        union all
        select 'message', to_json(x) from (
          select ${messageColumns} from messages m join people p on p.id = m.author_id
          where m.thread_id = (select id from t) and m.change_seq > ${afterSeq}
        ) x
        union all
        select 'read', to_json(y) from (
          select ${markerColumns} from thread_reads r join people p on p.id = r.person_id
          where r.thread_id = (select id from t) and r.change_seq > ${afterSeq}
        ) y`,
  );
  return {
    found: rows.some((row) => row.kind === 'thread'),
    messages: rows.flatMap((row) =>
      row.kind === 'message' ? [toMessage(row.data as MessageRow)] : [],
    ),
    markers: rows.flatMap((row) => (row.kind === 'read' ? [row.data as ReadMarkerRecord] : [])),
  };
}

/** Messages of others after the reader's marker that are still there to read. */
export async function countUnread(
  db: Executor,
  threadId: string,
  personId: string,
  readSeq: number,
): Promise<number> {
  const [row] = await rowsOf<{ unread: number }>(
    db,
    sql`select count(*)::int as unread from messages m
        where m.thread_id = ${threadId} and m.seq > ${readSeq} and m.author_id <> ${personId}
          and m.deleted_at is null`,
  );
  return row?.unread ?? 0;
}

/**
 * Takes the thread's next sequence number for a change, starting the thread if it has none yet. Its own statement:
 * a row inserted by one statement is not yet visible to the policies checking the next part of that same statement.
 */
export async function takeNextSeq(
  db: Executor,
  thread: ThreadSubject & { companyId: string },
): Promise<ThreadRecord> {
  const [taken] = await rowsOf<ThreadRecord>(
    db,
    sql`insert into threads (company_id, apprenticeship_id, week_id, last_seq)
        values (${thread.companyId}, ${thread.apprenticeshipId}, ${thread.weekId}, 1)
        on conflict on constraint threads_apprenticeship_week_key
        do update set last_seq = threads.last_seq + 1
        returning id, last_seq::float8 as "lastSeq"`,
  );
  if (!taken) throw new Error('the thread took no sequence number');
  return taken;
}

/**
 * Stores a message under the sequence number taken for it and announces it. Undefined when the author already sent a
 * message with this key (a retry); the number taken stays unused, which costs nothing.
 */
export async function insertMessage(
  db: Executor,
  message: ThreadSubject & {
    thread: ThreadRecord;
    authorId: string;
    clientKey: string;
    body: string;
  },
): Promise<MessageRecord | undefined> {
  const { id, lastSeq } = message.thread;
  const [inserted] = await messageRows(
    db,
    sql`with m as (
          insert into messages (thread_id, author_id, client_key, seq, change_seq, body)
          values (${id}, ${message.authorId}, ${message.clientKey}, ${lastSeq}, ${lastSeq}, ${message.body})
          on conflict on constraint messages_author_client_key do nothing
          returning *
        )
        select ${messageColumns}, pg_notify(${DIALOGUE_CHANNEL}, ${threadKey(message)}) as notified
        from m join people p on p.id = m.author_id`,
  );
  return inserted;
}

/** The message the author sent earlier with this key, wherever they sent it. */
export function findMessageByClientKey(
  db: Executor,
  authorId: string,
  clientKey: string,
): Promise<(MessageRecord & ThreadSubject) | undefined> {
  return findMessageWhere(db, sql`m.author_id = ${authorId} and m.client_key = ${clientKey}`);
}

/** Replaces a message's text (or, with `deleted`, removes it), as the thread's next change, and announces it. */
export async function changeMessage(
  db: Executor,
  change: ThreadSubject & { messageId: string; threadId: string; body: string; deleted: boolean },
): Promise<MessageRecord | undefined> {
  const stamp = change.deleted ? sql`deleted_at = now()` : sql`edited_at = now()`;
  const [changed] = await messageRows(
    db,
    sql`with t as (
          update threads set last_seq = last_seq + 1 where id = ${change.threadId} returning last_seq
        ), m as (
          update messages set body = ${change.body}, change_seq = t.last_seq, ${stamp}
          from t where messages.id = ${change.messageId} returning messages.*
        )
        select ${messageColumns}, pg_notify(${DIALOGUE_CHANNEL}, ${threadKey(change)}) as notified
        from m join people p on p.id = m.author_id`,
  );
  return changed;
}

/**
 * Moves the reader's marker forward to `seq` (never past the thread's last change, never back), as the thread's next
 * change, and announces it. Undefined when the marker stood there already.
 */
export async function moveReadMarker(
  db: Executor,
  marker: ThreadSubject & { threadId: string; personId: string; seq: number },
): Promise<ReadMarkerRecord | undefined> {
  const [moved] = await rowsOf<ReadMarkerRecord>(
    db,
    sql`with t as (
          update threads set last_seq = last_seq + 1
          where id = ${marker.threadId} and least(${marker.seq}::bigint, last_seq) > coalesce(
            (select read_seq from thread_reads where thread_id = ${marker.threadId} and person_id = ${marker.personId}), 0)
          returning last_seq, least(${marker.seq}::bigint, last_seq - 1) as read_seq
        ), r as (
          insert into thread_reads (thread_id, person_id, read_seq, change_seq)
          select ${marker.threadId}, ${marker.personId}, t.read_seq, t.last_seq from t
          on conflict (thread_id, person_id) do update
          set read_seq = excluded.read_seq, change_seq = excluded.change_seq, updated_at = now()
          where thread_reads.read_seq < excluded.read_seq
          returning *
        )
        select ${markerColumns}, pg_notify(${DIALOGUE_CHANNEL}, ${threadKey(marker)}) as notified
        from r join people p on p.id = r.person_id`,
  );
  return moved;
}

export interface UnreadThreadRecord {
  apprenticeshipId: string;
  weekId: string | null;
  unread: number;
}

/**
 * The person's unread messages per thread, over the apprenticeships they take part in (their own and those they are
 * assigned to now): the cost follows their threads, not the company's.
 */
export function listUnread(db: Executor, personId: string): Promise<UnreadThreadRecord[]> {
  return rowsOf<UnreadThreadRecord>(
    db,
    sql`select t.apprenticeship_id as "apprenticeshipId", t.week_id as "weekId", count(*)::int as unread
        from threads t
        left join thread_reads r on r.thread_id = t.id and r.person_id = ${personId}
        join messages m on m.thread_id = t.id and m.seq > coalesce(r.read_seq, 0)
          and m.author_id <> ${personId} and m.deleted_at is null
        where t.apprenticeship_id in (
          select a.id from apprenticeships a where a.apprentice_id = ${personId}
          union
          select s.apprenticeship_id from assignments s where s.person_id = ${personId} and s.revoked_at is null
        )
        group by t.apprenticeship_id, t.week_id
        order by t.apprenticeship_id, t.week_id nulls first`,
  );
}
