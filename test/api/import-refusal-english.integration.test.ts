import { describe, expect, it } from 'vitest';
import { adminWorld } from '../helpers/seeded-context';

/**
 * A file the import cannot read at all (422 unreadable_file) is refused with the parser's own words:
 * in English too, not only the code's general "The file could not be read." (which `npm run import`
 * would otherwise print under an English locale as well).
 */
describe('POST /api/admin/imports: an unreadable file in English', () => {
  it("answers the parser's English for Accept-Language: en, its Swedish otherwise", async () => {
    const { ctx, admin } = await adminWorld();
    const send = (language?: string) => {
      const body = new FormData();
      body.append('file', new File([new Uint8Array()], 'tom.csv'));
      const headers: Record<string, string> = { cookie: admin };
      if (language) headers['accept-language'] = language;
      return ctx.app.request('/api/admin/imports', { method: 'POST', body, headers });
    };

    const english = await send('en');
    expect(english.status).toBe(422);
    expect((await english.json()).error).toMatchObject({
      code: 'unreadable_file',
      message: 'The file "tom.csv" is empty (0 bytes). Export it again and upload it again.',
    });

    const swedish = await send();
    expect((await swedish.json()).error).toMatchObject({
      code: 'unreadable_file',
      message: 'Filen "tom.csv" är tom (0 byte). Exportera den på nytt och ladda upp den igen.',
    });
  });
});
