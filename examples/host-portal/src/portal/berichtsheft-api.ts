/** What the portal reads from the Berichtsheft's `me`: the person's companies and roles in them. */
export interface Membership {
  companyId: string;
  companyName: string;
  role: string;
}

function isMembership(value: unknown): value is Membership {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.companyId === 'string' &&
    typeof item.companyName === 'string' &&
    typeof item.role === 'string'
  );
}

/**
 * Asks the API who the signed-in person is, server to server with the person's access token, so the portal renders
 * only the sections that apply. `undefined` when the API cannot be reached or refuses.
 */
export async function fetchMemberships(
  apiUrl: string,
  accessToken: string,
): Promise<Membership[] | undefined> {
  try {
    const response = await fetch(`${apiUrl}/trpc/me`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) return undefined;
    // tRPC with the superjson transformer wraps the value as { result: { data: { json } } }.
    const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
    const me = body.result?.data?.json as { memberships?: unknown } | undefined;
    if (!Array.isArray(me?.memberships)) return undefined;
    return me.memberships.filter(isMembership);
  } catch {
    return undefined;
  }
}
