import { cleanText, isCleanText } from '@berichtsheft/core';
import {
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  jwtVerify,
} from 'jose';
import type { Identity } from '../context.js';
import { createDiscovery } from './discovery.js';
import { createIssuerKeySet } from './key-set.js';
import { type AuthFailureReason, IssuerUnreachableError, statusForReason } from './reasons.js';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  algorithms: readonly string[];
  /** Allowed clock skew for `exp` and `nbf`, in seconds. */
  clockToleranceSeconds?: number;
  /** After an unknown `kid`, the key set is fetched again at most once per this many milliseconds (S4). */
  jwksCooldownMs?: number;
  /** How long a fetched key set is used before it is fetched again. */
  jwksCacheMaxAgeMs?: number;
  /** Timeout for the discovery and key set requests. */
  fetchTimeoutMs?: number;
  /** Told when the issuer cannot be reached or answers nonsense; never receives the token. */
  onIssuerError?: (error: Error) => void;
}

export type VerifyResult =
  | { ok: true; identity: Identity }
  | { ok: false; reason: AuthFailureReason; status: 401 | 503 };

export interface TokenVerifier {
  verify(token: string | null | undefined): Promise<VerifyResult>;
}

/** Longer than any access token an issuer sends; refusing early bounds the work a junk header can cause. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const MAX_CLAIM_LENGTH = 320;

class TokenRefused extends Error {
  constructor(readonly reason: AuthFailureReason) {
    super(reason);
  }
}

function failure(reason: AuthFailureReason): VerifyResult {
  return { ok: false, reason, status: statusForReason(reason) };
}

function reasonForClaim(claim: string): AuthFailureReason {
  switch (claim) {
    case 'iss':
      return 'issuer_mismatch';
    case 'aud':
      return 'audience_mismatch';
    case 'nbf':
      return 'token_not_yet_valid';
    case 'sub':
      return 'subject_missing';
    default:
      return 'token_malformed';
  }
}

function reasonFor(error: unknown): AuthFailureReason {
  if (error instanceof TokenRefused) return error.reason;
  if (error instanceof IssuerUnreachableError) return 'issuer_unreachable';
  if (error instanceof errors.JWTExpired) return 'token_expired';
  if (error instanceof errors.JWTClaimValidationFailed) return reasonForClaim(error.claim);
  if (error instanceof errors.JOSEAlgNotAllowed) return 'alg_not_allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature_invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown_kid';
  return 'token_malformed';
}

/**
 * RFC 9068 §4: access tokens are typed `at+jwt`. Issuers that do not type them send `JWT` or nothing; those pass
 * unless the claims show an ID token. Any other explicit type (an ID token, a logout token, ...) is refused.
 */
function assertAccessToken(typ: unknown, payload: JWTPayload): void {
  if (typ !== undefined) {
    const normalized =
      typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : '';
    if (normalized !== 'at+jwt' && normalized !== 'jwt')
      throw new TokenRefused('not_an_access_token');
  }
  const idTokenMarkers = 'nonce' in payload || 'at_hash' in payload || 'c_hash' in payload;
  // Keycloak marks its ID tokens with `typ: "ID"`, Cognito with `token_use: "id"`.
  const vendorIdToken = payload.typ === 'ID' || payload.token_use === 'id';
  if (idTokenMarkers || vendorIdToken) throw new TokenRefused('not_an_access_token');
}

/** A claim that names the person for display: cleaned as any text a person types is, and left out when nothing remains. */
function optionalClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  if (typeof value !== 'string') return undefined;
  const cleaned = cleanText(value);
  return cleaned.length > 0 && cleaned.length <= MAX_CLAIM_LENGTH ? cleaned : undefined;
}

function identityFrom(payload: JWTPayload): Identity {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject.trim().length === 0) {
    throw new TokenRefused('subject_missing');
  }
  // The subject is the login's key: cleaning it could make two logins one, so one that is not clean text is refused.
  if (subject.length > 255 || !isCleanText(subject)) throw new TokenRefused('subject_invalid');
  const identity: Identity = { issuer: String(payload.iss), subject };
  const email = optionalClaim(payload, 'email');
  const displayName = optionalClaim(payload, 'name');
  if (email !== undefined) identity.email = email;
  if (displayName !== undefined) identity.displayName = displayName;
  return identity;
}

/** Verifies OIDC access tokens against the issuer's published keys (S2, S4). */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const timeoutMs = options.fetchTimeoutMs ?? 5000;
  const discover = createDiscovery({ issuer: options.issuer, timeoutMs });
  let keySet: JWTVerifyGetKey | undefined;

  const getKey: JWTVerifyGetKey = async (header, token) => {
    if (keySet === undefined) {
      const { jwksUri } = await discover();
      keySet ??= createIssuerKeySet(jwksUri, {
        cooldownMs: options.jwksCooldownMs ?? 30_000,
        cacheMaxAgeMs: options.jwksCacheMaxAgeMs ?? 10 * 60_000,
        timeoutMs,
      });
    }
    return keySet(header, token);
  };

  const verifyOptions: JWTVerifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: [...options.algorithms],
    clockTolerance: options.clockToleranceSeconds ?? 30,
    requiredClaims: ['iss', 'aud', 'exp', 'sub'],
  };

  async function verifySignedToken(token: string) {
    try {
      return await jwtVerify(token, getKey, verifyOptions);
    } catch (error) {
      // Several keys fit a token without `kid`: jose hands them out to try one by one.
      if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
      for await (const key of error) {
        try {
          return await jwtVerify(token, key, verifyOptions);
        } catch (attempt) {
          if (!(attempt instanceof errors.JWSSignatureVerificationFailed)) throw attempt;
        }
      }
      throw new errors.JWSSignatureVerificationFailed();
    }
  }

  return {
    async verify(token) {
      if (token === null || token === undefined || token === '') return failure('token_missing');
      if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) {
        return failure('token_malformed');
      }
      try {
        const { payload, protectedHeader } = await verifySignedToken(token);
        const identity = identityFrom(payload);
        assertAccessToken(protectedHeader.typ, payload);
        return { ok: true, identity };
      } catch (error) {
        const reason = reasonFor(error);
        if (reason === 'issuer_unreachable' && error instanceof Error) {
          (options.onIssuerError ?? defaultIssuerErrorLog)(error);
        }
        return failure(reason);
      }
    },
  };
}

function defaultIssuerErrorLog(error: Error): void {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  console.warn(`token verification unavailable: ${error.message}${cause}`);
}
