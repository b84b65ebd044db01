/** How a request appears in the access log: which route, and for tRPC which procedures. */
export interface LoggedRoute {
  route: 'trpc' | 'files' | 'records' | 'verify' | 'healthz' | 'readyz' | 'other';
  procedures?: string[];
}

/** A procedure's name as the router spells them; anything else a client put in the path is not repeated. */
const PROCEDURE_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/** The procedures a tRPC request calls: a batch names them comma-separated in the path. */
export function procedureNames(url: URL, trpcPath: string): string[] {
  return url.searchParams.get('batch') === '1' ? trpcPath.split(',') : [trpcPath];
}

/**
 * The route of a request, never its raw path or query: those may carry whatever a client put there (a token pasted
 * into a URL, a GET call's whole input).
 */
export function routeOf(url: URL, basePath: string, maxBatch: number): LoggedRoute {
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : '';
  if (path === '/healthz' || path === '/readyz') return { route: path.slice(1) as 'healthz' };
  if (path === '/dialogue/files' || path.startsWith('/dialogue/files/')) return { route: 'files' };
  if (path.startsWith('/records/')) return { route: 'records' };
  if (path === '/verify') return { route: 'verify' };
  if (!path.startsWith('/trpc/')) return { route: 'other' };
  return {
    route: 'trpc',
    procedures: procedureNames(url, path.slice('/trpc/'.length))
      .slice(0, maxBatch)
      .map((name) => (PROCEDURE_NAME.test(name) && name.length <= 64 ? name : '(unknown)')),
  };
}

/** A record route after `/records`: `/<apprenticeshipId>/pdf`, `/export` or `/import`. */
export const RECORD_ROUTE = /^\/([^/]+)\/(pdf|export|import)$/;

/** The call a record route makes, as the rate limiter counts it (S30); null for a method the route does not take. */
export function recordCallOf(method: string, path: string): string | null {
  const action = RECORD_ROUTE.exec(path)?.[2];
  if (action === undefined) return null;
  const expected = action === 'import' ? 'POST' : 'GET';
  return method === expected ? `records.${action}` : null;
}
