// Providers before consumers: elements already in the page must find their provider when they upgrade.
import './define/bh-provider.js';
import './define/bh-dialogue-thread.js';
import './define/bh-record-export.js';
import './define/bh-report-editor.js';
import './define/bh-signoff-queue.js';

export * from './index.js';
