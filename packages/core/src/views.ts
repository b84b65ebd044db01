import type { AttendanceType, EntryForm, EntryKind, ReportFormat } from './content.js';
import type { FileMediaType } from './files.js';
import type { CompanyRole } from './roles.js';
import type { ReviewMode, WeekAction, WeekStatus } from './status.js';

/**
 * What the API returns. Named fields only, never whole rows (S12); dates are ISO strings (`YYYY-MM-DD`), instants are
 * `Date` (superjson carries them). Shared here so the elements can type their state without importing the server.
 */

export interface MembershipView {
  companyId: string;
  companyName: string;
  role: CompanyRole;
}

export interface MeView {
  person: { id: string; displayName: string; email: string | null };
  memberships: MembershipView[];
}

export interface ApprenticeshipView {
  id: string;
  companyId: string;
  apprenticeName: string;
  occupation: string;
  startDate: string;
  endDate: string;
  reportFormat: ReportFormat;
  reviewMode: ReviewMode;
}

export interface WeekSummaryView {
  id: string;
  apprenticeshipId: string;
  isoYear: number;
  isoWeek: number;
  weekStart: string;
  trainingYear: number;
  status: WeekStatus;
  version: number;
}

export interface EntryView {
  id: string;
  kind: EntryKind;
  form: EntryForm;
  text: string;
  minutes: number;
  lernfeld: string | null;
  rahmenplanRefs: string[];
}

export interface DayView {
  date: string;
  attendance: AttendanceType;
  entries: EntryView[];
}

export interface TransitionView {
  action: WeekAction;
  from: WeekStatus;
  to: WeekStatus;
  actorName: string;
  reason: string | null;
  at: Date;
}

export interface ApprovalView {
  version: number;
  contentHash: string;
  approvedByName: string;
  approvedAt: Date;
}

/**
 * The approval of a week checked against its content now: the SHA-256 recomputed over the canonical content and
 * compared with the hash stored when it was signed. `matches` is null while the week has no approval.
 */
export interface VerificationView {
  weekId: string;
  status: WeekStatus;
  approvedVersion: number | null;
  approvedHash: string | null;
  currentHash: string;
  matches: boolean | null;
}

export interface WeekView extends WeekSummaryView {
  apprenticeName: string;
  occupation: string;
  weekEnd: string;
  department: string;
  reviewMode: ReviewMode;
  /** The reason given when the week was last returned, while it is being reworked. */
  returnReason: string | null;
  days: DayView[];
  approval: ApprovalView | null;
  history: TransitionView[];
  /** What the viewer may do now, decided by the same rules the server enforces. */
  viewer: { canEdit: boolean; actions: WeekAction[] };
}

export interface QueueItemView {
  weekId: string;
  apprenticeshipId: string;
  apprenticeName: string;
  occupation: string;
  isoYear: number;
  isoWeek: number;
  weekStart: string;
  trainingYear: number;
  status: WeekStatus;
  version: number;
  submittedAt: Date | null;
  totalMinutes: number;
}

/** What became of one week of a bulk approval. `reviewed` is a delegate's pre-approval in two-stage review. */
export interface BulkApprovalResultView {
  weekId: string;
  outcome: 'approved' | 'reviewed' | 'refused';
  /** The stable reason code of a refusal (e.g. `stale_version`, `week_not_found`); null otherwise. */
  reason: string | null;
  /** The week as it is after the call; null when refused, so a week the caller may not see reveals nothing. */
  week: WeekSummaryView | null;
}

export interface BulkApprovalView {
  results: BulkApprovalResultView[];
}

/** A file attached to a message; its bytes come from the download route, never inside a view. */
export interface MessageFileView {
  id: string;
  fileName: string;
  mediaType: FileMediaType;
  sizeBytes: number;
}

/** A message as one participant sees it. A deleted message keeps its place in the thread but no text or files. */
export interface MessageView {
  id: string;
  /** Its place in the thread, in the order sent: pages are cut by it. */
  seq: number;
  /** The sequence of its last change (sent, edited, deleted): the id of the live event that carried it. */
  changeSeq: number;
  authorId: string;
  authorName: string;
  /** Empty once deleted. */
  body: string;
  attachments: MessageFileView[];
  sentAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  /** Until when the viewer may still edit or delete it; null when they may not. */
  changeableUntil: Date | null;
}

/** How far one participant has read a thread. */
export interface ReadMarkerView {
  personId: string;
  displayName: string;
  /** The `seq` of the last message they have read. */
  readSeq: number;
  changeSeq: number;
}

/** A page of a thread with what the viewer needs to show it and follow it live. */
export interface ThreadPageView {
  /** Null until the first message starts the thread. */
  threadId: string | null;
  /** The page, oldest first, so it reads from top to bottom; `hasOlder` says whether pages lie before it. */
  messages: MessageView[];
  hasOlder: boolean;
  /** The sequence of the thread's last change: where a live subscription resumes from. */
  lastSeq: number;
  /** How far the viewer has read, and how many messages of others they have not. */
  readSeq: number;
  unread: number;
  /** How far the other participants have read. */
  reads: ReadMarkerView[];
}

/** One thread's messages that the viewer has not read yet. */
export interface UnreadThreadView {
  apprenticeshipId: string;
  weekId: string | null;
  unread: number;
}

/** Everything the viewer has not read in the company, for a badge in the host's navigation. */
export interface UnreadView {
  total: number;
  threads: UnreadThreadView[];
}

/** A change in a thread, as a live subscription delivers it; a message or a marker is sent whole, as it is now. */
export type DialogueEventView =
  | { kind: 'message'; message: MessageView }
  | { kind: 'read'; read: ReadMarkerView };

/** What an import of a portable record wrote. */
export interface RecordImportView {
  weeks: number;
  approvals: number;
  files: number;
  messages: number;
}

/** What the deletion of a record removed, as counts: what it was is gone. */
export interface RecordDeletionView {
  weeks: number;
  files: number;
}
