import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { DemoAccount } from '../demo-accounts.js';
import type { Lang } from '../pages/text.js';
import { HttpError, readForm, sendHtml } from '../portal/http.js';
import { errorView, loginView } from './views.js';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares in constant time, also for unknown user names, so timing tells nothing about which accounts exist. */
export function checkPassword(
  accounts: readonly DemoAccount[],
  login: string,
  password: string,
): DemoAccount | undefined {
  const account = accounts.find((candidate) => candidate.sub === login);
  const expected = digest(account?.password ?? `\u0000no-such-account:${login}`);
  const matches = timingSafeEqual(expected, digest(password));
  return account && matches ? account : undefined;
}

export interface InteractionOptions {
  provider: Provider;
  accounts: readonly DemoAccount[];
  clientName: string;
  /** The path prefix of the interaction pages, ending in `/`. */
  basePath: string;
}

/** The login service's own pages for a pending authorization: password login, or cancel. */
export function createInteractionHandler(options: InteractionOptions) {
  const { provider, accounts, clientName, basePath } = options;

  return async function handleInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    lang: Lang,
  ): Promise<void> {
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      // No or expired interaction cookie: the login has to start again from the portal.
      sendHtml(res, 400, errorView(lang, 'interaction_expired'));
      return;
    }
    if (details.uid !== uid || details.prompt.name !== 'login') {
      sendHtml(res, 400, errorView(lang, 'interaction_mismatch'));
      return;
    }
    const action = `${basePath}${uid}`;

    if (req.method === 'GET') {
      sendHtml(res, 200, loginView({ lang, action, clientName }));
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'method not allowed');

    const form = await readForm(req);
    if (form.get('intent') === 'abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'the person cancelled the login' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const login = (form.get('login') ?? '').trim();
    const account = checkPassword(accounts, login, form.get('password') ?? '');
    if (account === undefined) {
      sendHtml(res, 401, loginView({ lang, action, clientName, login, failed: true }));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  };
}
