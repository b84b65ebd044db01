// The provider is defined first, so markup already in the page gets its context when the editor upgrades.
import './bh-provider.js';
import { BhReportEditor } from '../report-editor/report-editor.js';
import { defineElement } from './define.js';

defineElement('bh-report-editor', BhReportEditor);

declare global {
  interface HTMLElementTagNameMap {
    'bh-report-editor': BhReportEditor;
  }
}
