import Provider, { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import type { DemoAccount } from '../demo-accounts.js';
import { parseLang } from '../pages/text.js';
import { generateSigningKey, randomSecret } from './keys.js';
import { createMemoryAdapterFactory } from './memory-adapter.js';
import { errorView, logoutView } from './views.js';

export interface PortalClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export interface OidcProviderOptions {
  /** e.g. `http://localhost:8080/oidc`; the provider answers below this path on the portal's origin. */
  issuer: string;
  /** The resource indicator of the Berichtsheft API; access tokens for it carry it as `aud`. */
  apiAudience: string;
  /** The scope the API's resource server grants. */
  apiScope: string;
  client: PortalClient;
  accounts: readonly DemoAccount[];
  /** Seconds an access token for the API lives. Short on purpose: the portal refreshes it. */
  accessTokenTtl?: number;
}

export const INTERACTION_PATH = '/interaction/';

function langOf(ctx: KoaContextWithOIDC) {
  return parseLang(ctx.cookies.get('portal_lang')) ?? 'de';
}

/**
 * The Musterregion login service: a real OpenID provider for the demo accounts. The portal is its only client; it
 * gets an ID token for itself and a JWT access token whose audience is the Berichtsheft API.
 */
export function createOidcProvider(options: OidcProviderOptions): Provider {
  const { client, accounts, apiAudience, apiScope } = options;
  const accessTokenTtl = options.accessTokenTtl ?? 300;
  const issuerPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  const accountsBySub = new Map(accounts.map((account) => [account.sub, account]));

  const configuration: Configuration = {
    adapter: createMemoryAdapterFactory(),
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: client.clientName,
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: [client.postLogoutRedirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [generateSigningKey()] },
    cookies: { keys: [randomSecret(), randomSecret()] },
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
    },
    async findAccount(_ctx, sub) {
      const account = accountsBySub.get(sub);
      if (account === undefined) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, name: account.name, email: account.email, email_verified: true };
        },
      };
    },
    // Every client of this provider must use PKCE, confidential or not.
    pkce: { required: () => true },
    interactions: {
      url: (_ctx, interaction) => `${issuerPath}${INTERACTION_PATH}${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        // A client may revoke only what was issued to it.
        allowedPolicy: (_ctx, revokingClient, token) => token.clientId === revokingClient.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = logoutView(langOf(ctx), form);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiAudience,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resourceIndicator) {
          if (resourceIndicator !== apiAudience) {
            throw new errors.InvalidTarget();
          }
          return {
            scope: apiScope,
            audience: apiAudience,
            accessTokenTTL: accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    async extraTokenClaims(_ctx, token) {
      const account = 'accountId' in token ? accountsBySub.get(token.accountId) : undefined;
      return account ? { name: account.name, email: account.email } : undefined;
    },
    // The portal is first-party: its users are not asked to consent to it, a grant is made on their behalf.
    async loadExistingGrant(ctx) {
      const oidc = ctx.oidc;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session?.accountId;
      if (clientId === undefined || accountId === undefined) return undefined;
      const existingId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      if (existingId) {
        const existing = await oidc.provider.Grant.find(existingId);
        if (existing) return existing;
      }
      if (clientId !== client.clientId) return undefined;
      const grant = new oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope('openid profile email');
      grant.addResourceScope(apiAudience, apiScope);
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, refreshClient) =>
      refreshClient.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Grant: 8 * 3600,
      Session: 8 * 3600,
      RefreshToken: 8 * 3600,
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorView(langOf(ctx), typeof out.error === 'string' ? out.error : undefined);
    },
  };

  return new Provider(options.issuer, configuration);
}
