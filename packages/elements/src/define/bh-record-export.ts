// The provider is defined first, so markup already in the page gets its context when the element upgrades.
import './bh-provider.js';
import { BhRecordExport } from '../record-export/record-export.js';

BhRecordExport.define('bh-record-export');

declare global {
  interface HTMLElementTagNameMap {
    'bh-record-export': BhRecordExport;
  }
}
