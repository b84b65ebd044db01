import { isAborted, type RecordDownload } from '@berichtsheft/client';
import {
  type ApprenticeshipView,
  fourWeekBundles,
  type IsoWeek,
  isoWeekName,
  trainingYearPeriods,
  type WeekSummaryView,
} from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BhConnectedElement } from '../shared/bh-connected-element.js';
import { connectionOf } from '../shared/connection.js';
import { FeedbackController } from '../shared/feedback.js';
import { formatSize, saveFile } from '../shared/files.js';
import { formatDate } from '../shared/format.js';
import { initialState, LoadTask } from '../shared/load-task.js';
import { outlineLevel } from '../shared/outline-level.js';
import { recordExportStyles } from './record-export.styles.js';

/** Whose record the element shows, and which periods of it can be printed. */
interface LoadedRecord {
  apprenticeshipId: string;
  /** The caller's own apprenticeship: only then the portable record, its import and its deletion are offered. */
  own: ApprenticeshipView | null;
  /** For a trainer, who does not see the apprenticeship's dates: the training years as far as weeks are written. */
  writtenYears: { year: number; from: IsoWeek; to: IsoWeek }[];
}

/** The first and last written week of each training year, in order. */
function yearsOfWeeks(weeks: readonly WeekSummaryView[]): LoadedRecord['writtenYears'] {
  const byYear = new Map<number, { year: number; from: IsoWeek; to: IsoWeek }>();
  const order = (week: IsoWeek) => week.isoYear * 100 + week.isoWeek;
  for (const { trainingYear, isoYear, isoWeek } of weeks) {
    const week = { isoYear, isoWeek };
    const known = byYear.get(trainingYear);
    if (!known) byYear.set(trainingYear, { year: trainingYear, from: week, to: week });
    else {
      if (order(week) < order(known.from)) known.from = week;
      if (order(week) > order(known.to)) known.to = week;
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** What the element is busy with; a long export shows how much has arrived. */
type Work =
  | { kind: 'pdf' | 'zip'; receivedBytes: number }
  | { kind: 'import'; fileName: string }
  | { kind: 'delete' };

const WHOLE_RECORD = 'all';

/**
 * The record leaving the system: the apprentice and their trainers print it as an accessible PDF for the exam (the
 * whole record or one training year), each approved week with its Prüfcode; the apprentice exports everything as a
 * ZIP, imports such a file from another system, and deletes the record after the apprenticeship ended and after an
 * export. The server decides who may do what; refusals are explained.
 *
 * @summary Print, export, import and delete the training record.
 * @cssprop [--bh-accent=#0b5cad] - Accent colour of buttons and focus ring.
 * @cssprop [--bh-foreground=#1b1f24] - Text colour.
 * @cssprop [--bh-background=#ffffff] - Background colour.
 * @cssprop [--bh-radius=6px] - Corner radius of buttons and fields.
 * @cssprop [--bh-space=0.75rem] - Base spacing unit.
 * @cssprop [--bh-font-family=system-ui, sans-serif] - Font family.
 */
export class BhRecordExport extends BhConnectedElement {
  static override styles = recordExportStyles;

  /** The apprenticeship whose record is taken out; the signed-in apprentice's own when not set. */
  @property({ attribute: 'apprenticeship-id' }) apprenticeshipId: string | null = null;
  /** The level of the element's heading in the page's outline, 2 by default. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() protected period = WHOLE_RECORD;
  @state() protected work: Work | null = null;
  @state() protected confirmingDeletion = false;

  readonly #feedback = new FeedbackController(this);
  #controller: AbortController | null = null;

  readonly #load = new LoadTask(this, {
    args: () =>
      [this.context?.api ?? null, this.context?.companyId ?? null, this.apprenticeshipId] as const,
    task: async ([api, companyId, apprenticeshipId], { signal }) => {
      if (!api || !companyId) return initialState;
      const mine = await api.listMyApprenticeships(companyId, { signal });
      const own = apprenticeshipId
        ? (mine.find((apprenticeship) => apprenticeship.id === apprenticeshipId) ?? null)
        : (mine[0] ?? null);
      const id = apprenticeshipId ?? own?.id ?? null;
      if (id === null) return null;
      // Someone else's record: what the caller may see of it is told by the server (not found, or its weeks).
      const writtenYears = own
        ? []
        : yearsOfWeeks(await api.listWeeks({ companyId, apprenticeshipId: id }, { signal }));
      const loaded: LoadedRecord = { apprenticeshipId: id, own, writtenYears };
      return loaded;
    },
    onComplete: () => {
      this.period = WHOLE_RECORD;
      this.#feedback.problem = '';
    },
    onError: (error) => this.#feedback.fail(error),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  get #loaded(): LoadedRecord | null {
    return (this.#load.value as LoadedRecord | null | undefined) ?? null;
  }

  /**
   * The periods to choose from besides the whole record, where the dates are known: each training year, and the
   * four-week bundles many companies file.
   */
  #periods({ own, writtenYears }: LoadedRecord) {
    const value = (from: IsoWeek, to: IsoWeek) => `${isoWeekName(from)}/${isoWeekName(to)}`;
    const week = (at: IsoWeek) => msg(str`KW ${at.isoWeek}/${at.isoYear}`);
    if (!own) {
      if (writtenYears.length === 0) return null;
      return {
        years: writtenYears.map((period) => ({
          value: value(period.from, period.to),
          label: msg(
            str`${period.year}. Ausbildungsjahr (${week(period.from)} – ${week(period.to)})`,
          ),
        })),
        bundles: [],
      };
    }
    return {
      years: trainingYearPeriods(own.startDate, own.endDate).map((period) => ({
        value: value(period.from, period.to),
        label: msg(
          str`${period.year}. Ausbildungsjahr (${formatDate(period.startDate)} – ${formatDate(period.endDate)})`,
        ),
      })),
      bundles: fourWeekBundles(own.startDate, own.endDate).map((bundle) => ({
        value: value(bundle.from, bundle.to),
        label: msg(
          str`Nachweise ${bundle.firstReport}–${bundle.lastReport} (${week(bundle.from)} – ${week(bundle.to)})`,
        ),
      })),
    };
  }

  async #download(kind: 'pdf' | 'zip'): Promise<void> {
    const connection = connectionOf(this.context);
    const loaded = this.#loaded;
    if (!connection || !loaded || this.work) return;
    const [from, to] = kind === 'pdf' && this.period !== WHOLE_RECORD ? this.period.split('/') : [];
    this.#controller = new AbortController();
    this.work = { kind, receivedBytes: 0 };
    this.#feedback.problem = '';
    this.#feedback.announcement =
      kind === 'pdf'
        ? msg('Der Ausbildungsnachweis wird erstellt …')
        : msg('Der Export wird erstellt …');
    const request: RecordDownload = {
      kind,
      companyId: connection.companyId,
      apprenticeshipId: loaded.apprenticeshipId,
      from,
      to,
      onProgress: (receivedBytes) => {
        this.work = { kind, receivedBytes };
      },
    };
    try {
      const file = await connection.api.downloadRecord(request, {
        signal: this.#controller.signal,
      });
      saveFile(file.blob, file.fileName);
      this.#feedback.announcement = msg(
        str`Heruntergeladen: ${file.fileName} (${formatSize(file.blob.size)}).`,
      );
    } catch (error) {
      // A cancelled download is no failure; the element said so when it was cancelled.
      if (!isAborted(error)) {
        this.#feedback.announcement = '';
        this.#feedback.fail(error);
      }
    } finally {
      this.work = null;
      this.#controller = null;
    }
  }

  #cancel = () => {
    this.#controller?.abort();
    this.#feedback.announcement = msg('Abgebrochen.');
  };

  async #import(file: File): Promise<void> {
    const connection = connectionOf(this.context);
    const loaded = this.#loaded;
    if (!connection || !loaded || this.work) return;
    this.work = { kind: 'import', fileName: file.name };
    this.#feedback.problem = '';
    try {
      const imported = await connection.api.importRecord(
        connection.companyId,
        loaded.apprenticeshipId,
        file,
      );
      this.#feedback.announcement = msg(
        str`Eingelesen: ${imported.weeks} Wochen, davon ${imported.approvals} abgezeichnet, ${imported.files} Dateien, ${imported.messages} Nachrichten.`,
      );
    } catch (error) {
      this.#feedback.fail(error);
    } finally {
      this.work = null;
    }
  }

  #askToDelete = async () => {
    this.confirmingDeletion = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-delete')?.focus();
  };

  #keep = async () => {
    this.confirmingDeletion = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#delete')?.focus();
  };

  async #delete(): Promise<void> {
    const connection = connectionOf(this.context);
    const loaded = this.#loaded;
    if (!connection || !loaded || this.work) return;
    this.work = { kind: 'delete' };
    this.#feedback.problem = '';
    try {
      const deleted = await connection.api.deleteRecord({
        companyId: connection.companyId,
        apprenticeshipId: loaded.apprenticeshipId,
      });
      this.confirmingDeletion = false;
      this.#feedback.announcement = msg(
        str`Der Ausbildungsnachweis wurde gelöscht: ${deleted.weeks} Wochen und ${deleted.files} Dateien.`,
      );
      await this.#load.run();
    } catch (error) {
      this.work = null;
      this.confirmingDeletion = false;
      this.#feedback.fail(error);
      // Back where the user started, now enabled again, with the reason announced beside it.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#delete')?.focus();
    } finally {
      this.work = null;
    }
  }

  get #level(): number {
    return outlineLevel(this.headingLevel);
  }

  protected override render() {
    const phase = this.#load.phase(() => (this.#loaded ? 'ready' : 'none'));
    return html`<section aria-labelledby="record-title">
      <div class="title" id="record-title" role="heading" aria-level=${this.#level}>
        ${msg('Ausbildungsnachweis exportieren')}
      </div>
      ${this.#feedback.renderAnnouncement()}
      ${phase === 'error' ? nothing : this.#feedback.renderProblem()}
      ${
        phase === 'ready'
          ? this.#renderReady(this.#loaded as LoadedRecord)
          : phase === 'none'
            ? html`<p>${msg('Hier gibt es keinen Ausbildungsnachweis, den Sie exportieren können.')}</p>`
            : this.#feedback.renderLoadPhase(phase, () => void this.#load.run())
      }
    </section>`;
  }

  #renderProgress() {
    const work = this.work;
    if (!work) return nothing;
    const text =
      work.kind === 'import'
        ? msg(str`${work.fileName} wird eingelesen …`)
        : work.kind === 'delete'
          ? msg('Wird gelöscht …')
          : work.receivedBytes > 0
            ? msg(str`Wird erstellt … ${formatSize(work.receivedBytes)} empfangen`)
            : msg('Wird erstellt …');
    return html`<div class="progress">
      <progress aria-label=${msg('Fortschritt')}></progress>
      <span>${text}</span>
      ${
        work.kind === 'pdf' || work.kind === 'zip'
          ? html`<button type="button" @click=${this.#cancel}>${msg('Abbrechen')}</button>`
          : nothing
      }
    </div>`;
  }

  #renderReady(loaded: LoadedRecord) {
    const periods = this.#periods(loaded);
    const busy = this.work !== null;
    return html`<div class="part">
        <p>
          ${msg(
            'Für die Anmeldung zur Abschlussprüfung: alle Wochen mit ihren Abzeichnungen als barrierefreies PDF. Jede abgezeichnete Woche trägt einen Prüfcode, mit dem die Kammer sie prüfen kann.',
          )}
        </p>
        ${
          periods
            ? html`<div class="field">
                <label for="period">${msg('Zeitraum')}</label>
                <select id="period" .value=${this.period} ?disabled=${busy}
                  @change=${(event: Event) => {
                    this.period = (event.target as HTMLSelectElement).value;
                  }}>
                  <option value=${WHOLE_RECORD}>${msg('Gesamter Ausbildungsnachweis')}</option>
                  <optgroup label=${msg('Ausbildungsjahre')}>
                    ${periods.years.map((period) => html`<option value=${period.value}>${period.label}</option>`)}
                  </optgroup>
                  ${
                    periods.bundles.length > 0
                      ? html`<optgroup label=${msg('Je vier Wochen')}>
                          ${periods.bundles.map((period) => html`<option value=${period.value}>${period.label}</option>`)}
                        </optgroup>`
                      : nothing
                  }
                </select>
              </div>`
            : nothing
        }
        <button type="button" class="primary" ?disabled=${busy} @click=${() => void this.#download('pdf')}>
          ${msg('Als PDF herunterladen')}
        </button>
      </div>
      ${this.#renderProgress()}
      ${loaded.own ? this.#renderOwn() : nothing}`;
  }

  #renderOwn() {
    const busy = this.work !== null;
    return html`<div class="part">
        <div class="subtitle" role="heading" aria-level=${outlineLevel(this.headingLevel, 1)}>
          ${msg('Alle Ihre Daten')}
        </div>
        <p>
          ${msg(
            'Alles zu Ihrer Ausbildung – Wochen, Abzeichnungen, Nachrichten und Dateien – als ZIP-Datei, die ein anderes System wieder einlesen kann.',
          )}
        </p>
        <button type="button" ?disabled=${busy} @click=${() => void this.#download('zip')}>
          ${msg('Alle Daten exportieren (ZIP)')}
        </button>
      </div>
      <div class="part">
        <label for="import">${msg('Ausbildungsnachweis aus einem anderen System einlesen (ZIP)')}</label>
        <input id="import" type="file" accept="application/zip,.zip" ?disabled=${busy}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void this.#import(file);
          }} />
      </div>
      <div class="part">
        <div class="subtitle" role="heading" aria-level=${outlineLevel(this.headingLevel, 1)}>
          ${msg('Ausbildungsnachweis löschen')}
        </div>
        <p>
          ${msg(
            'Nach dem Ende Ihrer Ausbildung können Sie Ihren Ausbildungsnachweis hier löschen, nachdem Sie ihn exportiert haben. Das lässt sich nicht rückgängig machen.',
          )}
        </p>
        ${
          this.confirmingDeletion
            ? html`<div class="confirm" role="group" aria-labelledby="confirm-text">
                <p id="confirm-text">
                  <strong>${msg('Wirklich löschen? Alle Wochen, Abzeichnungen, Nachrichten und Dateien werden entfernt.')}</strong>
                </p>
                <div class="row">
                  <button type="button" id="confirm-delete" class="danger" ?disabled=${busy}
                    @click=${() => void this.#delete()}>${msg('Endgültig löschen')}</button>
                  <button type="button" ?disabled=${busy} @click=${this.#keep}>${msg('Behalten')}</button>
                </div>
              </div>`
            : html`<button type="button" id="delete" class="danger" ?disabled=${busy}
                @click=${this.#askToDelete}>${msg('Ausbildungsnachweis löschen …')}</button>`
        }
      </div>`;
  }
}
