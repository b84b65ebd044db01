import { ApiError, type ApiErrorCode, type BerichtsheftApi, readBlob } from '@berichtsheft/client';
import { apiFromClient, type FileTransport } from '@berichtsheft/client/trpc';
import {
  type DayInput,
  type IsoWeek,
  parseIsoWeekName,
  type WeekSaveInput,
  type WeekView,
} from '@berichtsheft/core';
import {
  type AppRouter,
  appRouter,
  createContext,
  type Database,
  downloadMessageFile,
  exportRecord,
  type Identity,
  importRecord,
  openPgliteDatabase,
  type PdfFonts,
  printRecord,
  type RouteOutcome,
  type SampleCompany,
  type SamplePerson,
  seedSampleCompany,
  uploadMessageFile,
} from '@berichtsheft/server/playground';
import { createTRPCClient, localLink } from '@trpc/client';
import superjson from 'superjson';
import { Faults } from './faults.js';

let database: Promise<Database> | undefined;

/** One embedded database per page, migrated once: a fresh PGlite takes seconds, a fresh sample company milliseconds. */
export function playgroundDatabase(): Promise<Database> {
  database ??= openPgliteDatabase();
  return database;
}

const HTTP_CODES: Record<number, ApiErrorCode> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'BAD_REQUEST',
};

/** A use case's answer as the client hands it on: the value, or the `ApiError` the HTTP routes would send. */
function valueOf<T>(outcome: RouteOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new ApiError(HTTP_CODES[outcome.status] ?? 'BAD_REQUEST', outcome.reason);
}

/** The fonts a printed record embeds, as the page serves them from the installed package. */
const FONTS_URL = '/node_modules/dejavu-fonts-ttf/ttf/';
let fonts: Promise<PdfFonts> | undefined;
function playgroundFonts(): Promise<PdfFonts> {
  const load = async (file: string) =>
    new Uint8Array(await (await fetch(`${FONTS_URL}${file}`)).arrayBuffer());
  fonts ??= Promise.all([load('DejaVuSans.ttf'), load('DejaVuSans-Bold.ttf')]).then(
    ([regular, bold]) => ({ regular, bold }),
  );
  return fonts;
}

/**
 * Files in the playground: the same use cases as the server's file and record routes, called without HTTP in
 * between; with `faults`, held or failed like every other call of the element under test.
 */
function playgroundFiles(database: Database, identity: Identity, faults?: Faults): FileTransport {
  const gate = async () => faults?.pass();
  return {
    upload: async (companyId, file, fileName) => {
      await gate();
      return valueOf(
        await uploadMessageFile(database, identity, companyId, {
          fileName,
          bytes: new Uint8Array(await file.arrayBuffer()),
        }),
      );
    },
    download: async (companyId, fileId) => {
      await gate();
      const stored = valueOf(await downloadMessageFile(database, identity, companyId, fileId));
      return new Blob([stored.content as Uint8Array<ArrayBuffer>], { type: stored.mediaType });
    },
    downloadRecord: async (request, signal) => {
      await gate();
      const week = (name: string | undefined) => {
        if (name === undefined) return undefined;
        const parsed = parseIsoWeekName(name);
        if (!parsed) throw new ApiError('BAD_REQUEST', 'invalid_input');
        return parsed;
      };
      const range = { from: week(request.from), to: week(request.to) };
      const file =
        request.kind === 'pdf'
          ? valueOf(
              await printRecord(database, identity, request.companyId, {
                apprenticeshipId: request.apprenticeshipId,
                range,
                verificationUrl: (code) => `${location.origin}/verify?code=${code}`,
                fonts: playgroundFonts,
              }),
            )
          : valueOf(
              await exportRecord(database, identity, request.companyId, request.apprenticeshipId),
            );
      const type = request.kind === 'pdf' ? 'application/pdf' : 'application/zip';
      return {
        blob: await readBlob(file.body, type, request.onProgress, signal),
        fileName: file.fileName,
      };
    },
    importRecord: async (companyId, apprenticeshipId, file) => {
      await gate();
      return valueOf(
        await importRecord(
          database,
          identity,
          companyId,
          apprenticeshipId,
          new Uint8Array(await file.arrayBuffer()),
          { maxUnpackedBytes: 64 * 1024 * 1024 },
        ),
      );
    },
  };
}

/** A sample company on the real server, and the API as each of its people sees it. */
export interface Sample extends SampleCompany {
  faults: Faults;
  /** The API as `person`, through the faults: what an element under test or in a story uses. */
  apiAs(person: SamplePerson): BerichtsheftApi;
  /** The API as `person`, past the faults: for arranging a test and for checking what the server holds. */
  directAs(person: SamplePerson): BerichtsheftApi;
  /** The week as `person` reads it from the server now. */
  read(person: SamplePerson, weekId: string): Promise<WeekView>;
  /** `person` saves the week elsewhere (another tab, another device): its version moves on. */
  saveElsewhere(
    person: SamplePerson,
    weekId: string,
    change: Partial<WeekContent>,
  ): Promise<WeekView>;
}

type WeekContent = Pick<WeekSaveInput, 'department' | 'days'>;

/** Seeds a fresh sample company in the page's database; `latest` is the newest week with content. */
export async function createSample(latest?: IsoWeek): Promise<Sample> {
  const db = await playgroundDatabase();
  const company = await seedSampleCompany(db, latest);
  const faults = new Faults();
  const clientAs = (person: SamplePerson, withFaults: boolean) =>
    createTRPCClient<AppRouter>({
      links: [
        ...(withFaults ? [faults.link] : []),
        localLink({
          router: appRouter,
          transformer: superjson,
          createContext: async () =>
            createContext({ database: db, identity: company.identities[person] }),
        }),
      ],
    });
  const filesAs = (person: SamplePerson, withFaults: boolean) =>
    playgroundFiles(db, company.identities[person], withFaults ? faults : undefined);
  const directAs = (person: SamplePerson) =>
    apiFromClient(clientAs(person, false), filesAs(person, false));
  const read = (person: SamplePerson, weekId: string) =>
    directAs(person).getWeek({ companyId: company.companyId, weekId });
  return {
    ...company,
    faults,
    apiAs: (person) => apiFromClient(clientAs(person, true), filesAs(person, true)),
    directAs,
    read,
    saveElsewhere: async (person, weekId, change) => {
      const week = await read(person, weekId);
      return directAs(person).saveWeek({
        companyId: company.companyId,
        weekId,
        version: week.version,
        department: change.department ?? week.department,
        days: change.days ?? week.days.map(asDayInput),
      });
    },
  };
}

/** A day as the API shows it, as the API takes it back. */
function asDayInput(day: WeekView['days'][number]): DayInput {
  return {
    date: day.date,
    attendance: day.attendance,
    entries: day.entries.map(({ kind, form, text, minutes, lernfeld, rahmenplanRefs }) => ({
      kind,
      form,
      text,
      minutes,
      lernfeld,
      rahmenplanRefs,
    })),
  };
}
