// The baseline: Koa 3 answering a 27-byte JSON object, nothing else (SECURITY.md §7, scenario s2).
// With BARE_KOA_PAGE=<file> it answers every request with the page recorded in that file instead
// (`{ status, headers, body }`, body in base64): the portal's cached page, same bytes, same headers.
import { readFileSync } from 'node:fs';
import Koa from 'koa';

const app = new Koa();
const pageFile = process.env.BARE_KOA_PAGE;
if (pageFile) {
  const page = JSON.parse(readFileSync(pageFile, 'utf8'));
  const body = Buffer.from(page.body, 'base64');
  app.use((ctx) => {
    ctx.status = page.status;
    ctx.set(page.headers);
    ctx.body = body;
  });
} else {
  app.use((ctx) => {
    ctx.body = { status: 'ok', bench: 'bare-koa' };
  });
}
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
