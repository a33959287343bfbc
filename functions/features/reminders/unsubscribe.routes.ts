import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { KANSLI_EMAIL } from '../../../shared/domain/kansli-contact';
import { localiseErrorMessage, prefersEnglish } from '../../../shared/i18n/error-messages';
import { escapeHtml } from '../../../shared/i18n/escape-html';
import { inputText } from '../../../shared/i18n/input-messages';
import {
  OneClickUnsubscribeFormSchema,
  UnsubscribeInputSchema,
  UnsubscribeQuerySchema,
  type UnsubscribeResult,
  UnsubscribeResultSchema,
} from '../../../shared/reminders/reminder-run.schema';
import { readSecret, type SecretSource } from '../../app-deps';
import { InputValidationError } from '../../errors/domain-errors';
import type { AppEnv } from '../../http/app-env';
import type { ErrorPages } from '../../http/browser-error-pages';
import { errorAnswerOf } from '../../http/error-handler';
import { type Access, errorResponse } from '../../http/openapi-helpers';
import type { EmailStateService } from './email-state.service';
import { type UnsubscribeSubject, verifyUnsubscribeToken } from './unsubscribe-token';

interface UnsubscribeRouteDeps {
  emailStates: EmailStateService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
  secret: SecretSource;
  /** Where the app finds this route's error page (browserErrorPages, in front of every /api middleware). */
  errorPages: ErrorPages;
}

const PATH = '/api/unsubscribe';

const htmlOrJson = (description: string) => ({
  description,
  content: {
    'text/html': { schema: z.string() },
    'application/json': { schema: UnsubscribeResultSchema },
  },
});

/** An error: the page for a browser, the API's error format for a client that asks for JSON. */
const errorPageOrJson = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() }, ...errorResponse(description).content },
});

// On this route invalid_input only ever means the token: say that rather than "The input is not valid".
function invalidToken(): InputValidationError {
  return new InputValidationError(
    'Länken för att avsluta påminnelser är ogiltig. Kopiera hela länken från e-posten.',
    [{ path: ['token'], code: 'invalid_token', ...inputText('unsubscribeLink') }],
    'The link to stop reminders is not valid. Copy the whole link from the email.',
  );
}

function subjectOf(secret: string, token: string | undefined): UnsubscribeSubject {
  const subject = token ? verifyUnsubscribeToken(secret, token) : undefined;
  if (!subject) throw invalidToken();
  return subject;
}

function wantsJson(c: Context<AppEnv>): boolean {
  const accept = c.req.header('accept') ?? '';
  const type = c.req.header('content-type') ?? '';
  return type.includes('application/json') || (accept.includes('application/json') && !accept.includes('text/html'));
}

type PageLanguage = 'sv' | 'en';

/**
 * The page's language: English when the browser puts it first, Swedish (with an English line)
 * otherwise. Marks the answer as varying by Accept-Language, so no cache serves one to the other.
 */
function pageLanguage(c: Context<AppEnv>): PageLanguage {
  c.header('Vary', 'Accept-Language', { append: true });
  return prefersEnglish(c.req.header('accept-language')) ? 'en' : 'sv';
}

/** Contacts have no language stored: a Swedish page carries a short English line, as the emails do. */
function englishLine(html: string): string {
  return `\n<p lang="en">In English: ${html}</p>`;
}

function page(lang: PageLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} – Klimatkommunerna</title>
<link rel="stylesheet" href="/assets/app.css"></head>
<body><header class="site-header"><div class="wrap"><a class="brand" href="/">Klimatkommunerna</a></div></header>
<main class="wrap narrow" id="main"><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

// These pages have no site footer: the address a person is told to write to is given here.
const KANSLI_LINK = `<a href="mailto:${escapeHtml(KANSLI_EMAIL)}">${escapeHtml(KANSLI_EMAIL)}</a>`;

function confirmPage(lang: PageLanguage, token: string, result: UnsubscribeResult): string {
  const org = escapeHtml(result.organisationName);
  if (result.emailState !== 'ok') {
    return lang === 'en'
      ? page(
          'en',
          'No more reminders',
          `<p>Reminders about the member survey are already off for you as a contact for ${org}.</p>
<p>Want reminders again? Contact the secretariat at ${KANSLI_LINK}.</p>`,
        )
      : page(
          'sv',
          'Inga fler påminnelser',
          `<p>Vi skickar redan inga påminnelser om medlemstestet till dig som kontaktperson för ${org}.</p>
<p>Vill du ha påminnelser igen? Kontakta kansliet på ${KANSLI_LINK}.</p>${englishLine(`reminders about the member survey are already off for you as a contact for ${org}.`)}`,
        );
  }
  const form = (label: string) => `<form method="post" action="${PATH}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<p><button type="submit" class="button">${label}</button></p>
</form>`;
  return lang === 'en'
    ? page(
        'en',
        'Stop reminders',
        `<p>You get reminders about the member survey as a contact for ${org}.</p>
${form('Stop reminders')}
<p>You will still get the invitation when a new survey opens. The secretariat can turn the reminders back on if you ask.</p>`,
      )
    : page(
        'sv',
        'Avsluta påminnelser',
        `<p>Du får påminnelser om medlemstestet som kontaktperson för ${org}.</p>
${form('Avsluta påminnelser')}
<p>Inbjudan när en ny enkät öppnar får du fortfarande. Kansliet kan slå på påminnelserna igen om du ber om det.</p>${englishLine(`this page stops the reminders about the member survey that you get as a contact for ${org}. Press “<span lang="sv">Avsluta påminnelser</span>” to confirm. You will still get the invitation when a new survey opens.`)}`,
      );
}

function donePage(lang: PageLanguage, result: UnsubscribeResult): string {
  const org = escapeHtml(result.organisationName);
  return lang === 'en'
    ? page(
        'en',
        'Reminders stopped',
        `<p>You will get no more reminders about the member survey for ${org}.</p>
<p>You will still get the invitation when a new survey opens. If you change your mind, contact the secretariat at ${KANSLI_LINK}.</p>`,
      )
    : page(
        'sv',
        'Påminnelserna är avslutade',
        `<p>Du får inga fler påminnelser om medlemstestet för ${org}.</p>
<p>Inbjudan när en ny enkät öppnar får du fortfarande. Ångrar du dig, kontakta kansliet på ${KANSLI_LINK}.</p>${englishLine(`the reminders have stopped. You will get no more reminders about the member survey for ${org}; you will still get the invitation when a new survey opens.`)}`,
      );
}

/** The error as a page in the browser's language, with the status and code the JSON answer has. */
function errorPage(c: Context<AppEnv>, error: unknown): Response {
  const { status, code, message, domain } = errorAnswerOf(error);
  const lang = pageLanguage(c);
  const english = domain?.messageEn ?? localiseErrorMessage(code, message, 'en');
  const html =
    lang === 'en'
      ? page('en', 'That did not work', `<p>${escapeHtml(english)}</p>`)
      : page('sv', 'Det gick inte', `<p>${escapeHtml(message)}</p>${englishLine(escapeHtml(english))}`);
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=UTF-8', vary: 'Accept-Language' },
  });
}

/**
 * A browser gets every error of these routes as the page, whichever step raised it: the origin
 * check (403 csrf) and body limit (413) in front of every /api route, the query or form check, the
 * content type (a form sent as text/plain), the token, the store. The error has been answered as
 * JSON (and logged) by the app's error handler by then; this replaces the answer. A client that
 * asks for JSON keeps it.
 */
const pageForBrowsers = (c: Context<AppEnv>, error: Error): Response | undefined =>
  wantsJson(c) ? undefined : errorPage(c, error);

/** Any query or body that does not validate names the token: it is all these routes take. */
const tokenHook = (result: { success: boolean }): undefined => {
  if (!result.success) throw invalidToken();
  return undefined;
};

/**
 * The one-click unsubscribe link in every reminder. GET shows who the link is for and a confirm
 * button, and changes nothing (mail scanners open links). POST unsubscribes: as JSON `{token}`, as
 * the page's form, or as a mail client's RFC 8058 one-click POST (`List-Unsubscribe=One-Click`, token
 * in the query). Public: the signed token is the authority. The pages are in English when the
 * browser's Accept-Language puts English first, otherwise Swedish with a short English line.
 */
export function registerUnsubscribeRoutes(app: OpenAPIHono<AppEnv>, deps: UnsubscribeRouteDeps): void {
  const { emailStates, access, secret } = deps;
  deps.errorPages.set(PATH, pageForBrowsers);
  const open = { 'x-access': 'public' as const, middleware: [access('public')] };

  app.openapi(
    createRoute({
      method: 'get',
      path: PATH,
      ...open,
      summary: 'Shows whom an unsubscribe link is for, with a confirm button (HTML; JSON on Accept: application/json).',
      request: { query: UnsubscribeQuerySchema },
      responses: {
        200: htmlOrJson('Bekräftelsesidan'),
        400: errorPageOrJson(
          'Ogiltig länk (invalid_input, också för en token som saknas, finns två gånger eller är för lång)',
        ),
        404: errorPageOrJson('Kontaktpersonen finns inte längre'),
      },
    }),
    async (c) => {
      const { token } = c.req.valid('query');
      const result = await emailStates.describe(subjectOf(await readSecret(secret), token));
      if (wantsJson(c)) return c.json(result, 200);
      return c.html(confirmPage(pageLanguage(c), token ?? '', result), 200);
    },
    tokenHook,
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: PATH,
      ...open,
      summary: 'Stops reminders to the contact the token names (emailState unsubscribed); invitations still go out.',
      request: {
        query: UnsubscribeQuerySchema,
        body: {
          required: false,
          content: {
            'application/json': { schema: UnsubscribeInputSchema },
            'application/x-www-form-urlencoded': { schema: OneClickUnsubscribeFormSchema },
          },
        },
      },
      responses: {
        200: htmlOrJson('Avslutat'),
        400: errorPageOrJson(
          'Ogiltig länk (invalid_input, också för en token som saknas, finns två gånger eller är för lång)',
        ),
        404: errorPageOrJson('Kontaktpersonen finns inte längre'),
      },
    }),
    async (c) => {
      const json = wantsJson(c);
      const body = json
        ? (c.req.valid('json') as { token?: string })
        : (c.req.valid('form') as { token?: string } | undefined);
      const token = c.req.valid('query').token ?? body?.token;
      const result = await emailStates.unsubscribe(subjectOf(await readSecret(secret), token));
      if (json) return c.json(result, 200);
      return c.html(donePage(pageLanguage(c), result), 200);
    },
    tokenHook,
  );
}
