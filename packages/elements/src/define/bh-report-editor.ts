// The provider is defined first, so markup already in the page gets its context when the editor upgrades.
import './bh-provider.js';
// A week links to its conversation, shown in place.
import './bh-dialogue-thread.js';
// The events it fires: listeners on the element are typed wherever it is defined.
import '../events/report-saved.js';
import '../events/report-submitted.js';
import '../events/report-withdrawn.js';
import { BhReportEditor } from '../report-editor/report-editor.js';

BhReportEditor.define('bh-report-editor');

declare global {
  interface HTMLElementTagNameMap {
    'bh-report-editor': BhReportEditor;
  }
}
