import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { escapeHtml } from '../../../shared/i18n/escape-html';
import { OutboxEntrySchema } from '../../../shared/schemas/outbox.schema';
import type { AppEnv } from '../../http/app-env';
import { jsonResponse } from '../../http/openapi-helpers';
import { readOutbox } from '../../mail/outbox-mail';
import type { TableStore } from '../../ports/table-store';

/** The local outbox, as JSON and as a page. Registered only in the local stack, never deployed. */
export function registerDevOutboxRoutes(app: OpenAPIHono<AppEnv>, store: TableStore): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/dev/outbox',
      'x-access': 'dev',
      summary: 'Local stack only: every email the platform sent, newest last.',
      responses: { 200: jsonResponse(z.array(OutboxEntrySchema), 'Utkorgen') },
    }),
    async (c) => c.json(await readOutbox(store), 200),
  );

  app.get('/dev/outbox', async (c) => {
    const entries = (await readOutbox(store)).reverse();
    const rows = entries
      .map((entry) => {
        const link = /\/login[?#]token=[^\s]+/.exec(entry.text)?.[0];
        return `<article class="outbox-entry">
  <h2>${escapeHtml(entry.subject)}</h2>
  <p class="meta">Till ${escapeHtml(entry.to.join(', '))} · ${escapeHtml(entry.kind)} · <time datetime="${escapeHtml(entry.sentAt)}">${escapeHtml(entry.sentAt)}</time></p>
  ${link ? `<p><a class="button" href="${escapeHtml(link)}">Öppna inloggningslänken</a></p>` : ''}
  <pre>${escapeHtml(entry.text)}</pre>
</article>`;
      })
      .join('\n');
    return c.html(`<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Utkorg (lokal) – Klimatkommunerna</title><link rel="stylesheet" href="/assets/app.css"></head>
<body><header class="site-header"><div class="wrap"><a class="brand" href="/">Klimatkommunerna</a></div></header>
<main class="wrap" id="main"><h1>Utkorg</h1>
<p>Här hamnar all e-post som plattformen skickar när den körs lokalt. Nyast först.</p>
${rows || '<p>Inga meddelanden än.</p>'}
</main></body></html>`);
  });
}
