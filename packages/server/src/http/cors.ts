import { errorResponse } from './responses.js';

export const ALLOWED_METHODS = 'GET, POST';
// `last-event-id` is what an event stream sends when it reconnects, to resume after the last event it saw;
// `x-file-name` carries an uploaded file's name, which has no place in the URL (nor in the access log).
export const ALLOWED_HEADERS =
  'authorization, content-type, trpc-accept, x-trpc-source, last-event-id, x-file-name';
const EXPOSED_HEADERS = 'WWW-Authenticate, Retry-After, Content-Disposition';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export interface Cors {
  /** Adds the CORS headers a response to this request needs (S5). */
  apply(request: Request, headers: Headers): void;
  isPreflight(request: Request): boolean;
  preflight(request: Request): Response;
}

/**
 * Only origins on the list are ever echoed; `*` and `null` never are, whatever the configuration says. Responses
 * always vary by Origin so a shared cache cannot hand one origin's answer to another.
 */
export function createCors(allowedOrigins: readonly string[]): Cors {
  const allowed = new Set(allowedOrigins.filter((origin) => origin !== '*' && origin !== 'null'));

  const allowedOrigin = (request: Request): string | null => {
    const origin = request.headers.get('origin');
    return origin !== null && allowed.has(origin) ? origin : null;
  };

  return {
    apply(request, headers) {
      headers.append('vary', 'Origin');
      const origin = allowedOrigin(request);
      if (origin === null) return;
      headers.set('access-control-allow-origin', origin);
      headers.set('access-control-expose-headers', EXPOSED_HEADERS);
    },
    isPreflight(request) {
      return (
        request.method === 'OPTIONS' &&
        request.headers.has('origin') &&
        request.headers.has('access-control-request-method')
      );
    },
    preflight(request) {
      const vary = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';
      const origin = allowedOrigin(request);
      if (origin === null) {
        return errorResponse(403, 'FORBIDDEN', 'origin_not_allowed', { vary });
      }
      return new Response(null, {
        status: 204,
        headers: {
          vary,
          'access-control-allow-origin': origin,
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
        },
      });
    },
  };
}
