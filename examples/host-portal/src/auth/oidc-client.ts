import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';

export interface OidcClientOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scope: string;
  /** The resource indicator of the API the access tokens are for. */
  resource: string;
}

export interface TokenSet {
  accessToken: string;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
  refreshToken: string | undefined;
  idToken: string | undefined;
}

export interface Identity {
  sub: string;
  name: string;
  email: string | undefined;
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
  revocation_endpoint?: string;
}

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
  refresh_token?: unknown;
  id_token?: unknown;
  token_type?: unknown;
}

export class TokenRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`token request failed: ${status} ${code}`);
  }
}

const random = () => randomBytes(32).toString('base64url');

/**
 * The portal as an OpenID client (a backend-for-frontend): authorization code with PKCE, tokens kept on the server.
 * Endpoints come from the provider's discovery document, as they would for any other provider.
 */
export class PortalOidcClient {
  #metadata: Promise<ProviderMetadata> | undefined;
  #jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(readonly options: OidcClientOptions) {}

  metadata(): Promise<ProviderMetadata> {
    this.#metadata ??= this.#discover().catch((error: unknown) => {
      this.#metadata = undefined;
      throw error;
    });
    return this.#metadata;
  }

  async #discover(): Promise<ProviderMetadata> {
    const response = await fetch(`${this.options.issuer}/.well-known/openid-configuration`);
    if (!response.ok) throw new Error(`OpenID discovery failed with ${response.status}`);
    const metadata = (await response.json()) as ProviderMetadata;
    if (metadata.issuer !== this.options.issuer) {
      throw new Error(
        `OpenID discovery names issuer ${metadata.issuer}, expected ${this.options.issuer}`,
      );
    }
    return metadata;
  }

  async authorizationRequest(): Promise<AuthorizationRequest> {
    const metadata = await this.metadata();
    const state = random();
    const nonce = random();
    const codeVerifier = random();
    const challenge = createHash('sha256').update(codeVerifier).digest('base64url');
    const url = new URL(metadata.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUri,
      scope: this.options.scope,
      resource: this.options.resource,
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    return { url: url.href, state, nonce, codeVerifier };
  }

  async exchangeCode(
    code: string,
    codeVerifier: string,
    nonce: string,
  ): Promise<{ tokens: TokenSet; identity: Identity }> {
    const tokens = await this.#tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.options.redirectUri,
      code_verifier: codeVerifier,
      resource: this.options.resource,
    });
    if (tokens.idToken === undefined) throw new Error('the provider returned no ID token');
    const identity = await this.verifyIdToken(tokens.idToken, nonce);
    return { tokens, identity };
  }

  async refresh(refreshToken: string): Promise<TokenSet> {
    const tokens = await this.#tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      resource: this.options.resource,
    });
    // Providers that do not rotate refresh tokens omit a new one; the old one stays valid then.
    return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  }

  async verifyIdToken(idToken: string, nonce: string): Promise<Identity> {
    const metadata = await this.metadata();
    this.#jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
    const { payload } = await jwtVerify(idToken, this.#jwks, {
      issuer: this.options.issuer,
      audience: this.options.clientId,
      algorithms: ['RS256'],
    });
    if (payload.nonce !== nonce) throw new Error('ID token nonce does not match the login request');
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw new Error('ID token without subject');
    return {
      sub: payload.sub,
      name: typeof payload.name === 'string' ? payload.name : payload.sub,
      email: typeof payload.email === 'string' ? payload.email : undefined,
    };
  }

  async revoke(refreshToken: string): Promise<void> {
    const metadata = await this.metadata();
    if (metadata.revocation_endpoint === undefined) return;
    await fetch(metadata.revocation_endpoint, {
      method: 'POST',
      headers: this.#clientHeaders(),
      body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token' }),
    });
  }

  async endSessionUrl(idToken: string | undefined): Promise<string> {
    const metadata = await this.metadata();
    if (metadata.end_session_endpoint === undefined) return this.options.postLogoutRedirectUri;
    const url = new URL(metadata.end_session_endpoint);
    const params = new URLSearchParams({
      client_id: this.options.clientId,
      post_logout_redirect_uri: this.options.postLogoutRedirectUri,
    });
    if (idToken !== undefined) params.set('id_token_hint', idToken);
    url.search = params.toString();
    return url.href;
  }

  #clientHeaders(): Record<string, string> {
    const id = encodeURIComponent(this.options.clientId);
    const secret = encodeURIComponent(this.options.clientSecret);
    return {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    };
  }

  async #tokenRequest(params: Record<string, string>): Promise<TokenSet> {
    const metadata = await this.metadata();
    const response = await fetch(metadata.token_endpoint, {
      method: 'POST',
      headers: this.#clientHeaders(),
      body: new URLSearchParams(params),
    });
    const body = (await response.json().catch(() => ({}))) as TokenResponse & { error?: unknown };
    if (!response.ok) {
      throw new TokenRequestError(
        response.status,
        typeof body.error === 'string' ? body.error : 'unknown',
      );
    }
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new TokenRequestError(response.status, 'malformed_token_response');
    }
    return {
      accessToken: body.access_token,
      accessTokenExpiresAt: Date.now() + body.expires_in * 1000,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      idToken: typeof body.id_token === 'string' ? body.id_token : undefined,
    };
  }
}
