import type { BerichtsheftApi } from '@berichtsheft/client';
import { createContext } from '@lit/context';

/** What `<bh-provider>` hands to the elements inside it. */
export interface BerichtsheftContext {
  /** `null` until the provider has an `api`, or an `api-url` and a `getToken`. */
  api: BerichtsheftApi | null;
  companyId: string | null;
}

// A global symbol, so that elements from two copies of this package on one page still find their provider.
export const berichtsheftContext = createContext<BerichtsheftContext>(
  Symbol.for('berichtsheft.context'),
);
