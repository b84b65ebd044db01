import { z } from 'zod';
import { ATTENDANCE_TYPES, ENTRY_FORMS, ENTRY_KINDS, REPORT_FORMATS } from './content.js';
import { FILE_MEDIA_TYPES } from './files.js';
import { ASSIGNMENT_ROLES } from './roles.js';
import { WEEK_ACTIONS, WEEK_STATUSES } from './status.js';

/**
 * The portable record (GDPR Art. 15 and 20): everything about one apprenticeship of one apprentice, as the JSON file
 * `record.json` inside the export ZIP, whose files lie beside it under `files/<sha256>`. The same document is what the
 * PDF is printed from. Versioned: a reader refuses versions it does not know rather than guessing (docs/record-format.md).
 */
export const RECORD_FORMAT = {
  name: 'berichtsheft-record',
  version: 1,
  /** The document's path inside the ZIP. */
  documentPath: 'record.json',
  /** Where a file with this SHA-256 lies inside the ZIP. */
  filePath: (sha256: string) => `files/${sha256}`,
} as const;

const timestamp = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A person as their login names them (issuer and subject, S3), with the name shown for them. */
const recordPersonSchema = z.strictObject({
  issuer: z.string().min(1),
  subject: z.string().min(1),
  displayName: z.string(),
});

const recordFileSchema = z.strictObject({
  fileName: z.string().min(1),
  mediaType: z.enum(FILE_MEDIA_TYPES),
  sizeBytes: z.number().int().min(0),
  sha256,
});

const recordEntrySchema = z.strictObject({
  kind: z.enum(ENTRY_KINDS),
  form: z.enum(ENTRY_FORMS),
  text: z.string(),
  minutes: z.number().int().min(0).max(1440),
  lernfeld: z.string().nullable(),
  rahmenplanRefs: z.array(z.string()),
});

const recordDaySchema = z.strictObject({
  date: isoDate,
  attendance: z.enum(ATTENDANCE_TYPES),
  entries: z.array(recordEntrySchema),
});

const recordApprovalSchema = z.strictObject({
  /** Kept across installations, so a printed code still verifies after an import. */
  id: z.uuid(),
  version: z.number().int().min(1),
  contentHash: sha256,
  verificationCode: z.string(),
  approvedAt: timestamp,
  approver: recordPersonSchema,
  /** The approver's assignment to the apprenticeship when they signed; null if none is on record. */
  approverRole: z.enum(ASSIGNMENT_ROLES).nullable(),
  /** When it first came in with an imported record; null where it was given in the exporting installation. */
  importedAt: timestamp.nullable(),
});

const recordTransitionSchema = z.strictObject({
  action: z.enum(WEEK_ACTIONS),
  fromStatus: z.enum(WEEK_STATUSES),
  toStatus: z.enum(WEEK_STATUSES),
  at: timestamp,
  actor: recordPersonSchema,
  reason: z.string().nullable(),
});

const recordWeekSchema = z.strictObject({
  isoYear: z.number().int(),
  isoWeek: z.number().int().min(1).max(53),
  reportNumber: z.number().int(),
  trainingYear: z.number().int().min(1),
  department: z.string(),
  status: z.enum(WEEK_STATUSES),
  version: z.number().int().min(1),
  returnReason: z.string().nullable(),
  submittedAt: timestamp.nullable(),
  approvedAt: timestamp.nullable(),
  days: z.array(recordDaySchema),
  attachments: z.array(recordFileSchema),
  approvals: z.array(recordApprovalSchema),
  history: z.array(recordTransitionSchema),
});

const recordMessageSchema = z.strictObject({
  seq: z.number().int().min(1),
  author: recordPersonSchema,
  sentAt: timestamp,
  editedAt: timestamp.nullable(),
  /** A deleted message keeps its place in the conversation, without its text or files. */
  deleted: z.boolean(),
  text: z.string(),
  files: z.array(recordFileSchema),
});

const recordThreadSchema = z.strictObject({
  /** The week the conversation is about; null for the conversation about the whole apprenticeship. */
  week: z.strictObject({ isoYear: z.number().int(), isoWeek: z.number().int() }).nullable(),
  messages: z.array(recordMessageSchema),
});

export const portableRecordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT.name),
  version: z.literal(RECORD_FORMAT.version),
  exportedAt: timestamp,
  apprentice: z.strictObject({
    ...recordPersonSchema.shape,
    email: z.string().nullable(),
  }),
  company: z.strictObject({
    name: z.string(),
    identNumber: z.string().nullable(),
    chamber: z.strictObject({ name: z.string(), chamberNumber: z.string() }),
  }),
  apprenticeship: z.strictObject({
    occupation: z.string(),
    startDate: isoDate,
    endDate: isoDate,
    identNumber: z.string().nullable(),
    reportFormat: z.enum(REPORT_FORMATS),
  }),
  trainers: z.array(
    z.strictObject({
      person: recordPersonSchema,
      role: z.enum(ASSIGNMENT_ROLES),
      identNumber: z.string().nullable(),
      assignedAt: timestamp,
      revokedAt: timestamp.nullable(),
    }),
  ),
  weeks: z.array(recordWeekSchema),
  dialogue: z.array(recordThreadSchema),
});

export type PortableRecord = z.infer<typeof portableRecordSchema>;
export type RecordWeek = PortableRecord['weeks'][number];
export type RecordApproval = RecordWeek['approvals'][number];
export type RecordPerson = z.infer<typeof recordPersonSchema>;
export type RecordFile = z.infer<typeof recordFileSchema>;

/** The part of the record a PDF prints: everything but the dialogue, which stays between its participants. */
export type PrintableRecord = Omit<PortableRecord, 'dialogue'>;
