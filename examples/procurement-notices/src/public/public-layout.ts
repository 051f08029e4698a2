import { coreServices, html, publicSiteBase, type HtmlValue, type PluginContext, type PublicSiteBase, type RouteRequest, type SafeHtml, type TenantInfo } from '@cong/sdk';

/** Where the plugin's public pages live on a unit's site. */
export const BASE = '/mua-sam-cong';

/** Where a unit's public pages are for one request: the unit, the prefix of its links and the origin of absolute URLs. */
export interface PublicBase extends PublicSiteBase {
  readonly tenant: TenantInfo;
}

/** The request's unit (active) and its link base (`publicSiteBase`), or undefined for a request without one. */
export async function publicBaseOf(req: RouteRequest, ctx: PluginContext): Promise<PublicBase | undefined> {
  if (!req.tenantId) return undefined;
  const tenant = await ctx.get(coreServices.tenancy).get(req.tenantId);
  if (!tenant || tenant.status !== 'active') return undefined;
  return { tenant, ...publicSiteBase(req, tenant) };
}

/**
 * The page shell: landmarks, a skip link, the unit's name, no script and no web fonts. Colours meet
 * WCAG 2.1 AA (text #1a1a1a on white, links #0b4f9c, header white on #0b3d6e).
 */
export function layout(input: { readonly tenant: TenantInfo; readonly title: string; readonly prefix: string; readonly head?: HtmlValue; readonly body: HtmlValue }): SafeHtml {
  const { tenant, title, prefix } = input;
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | ${tenant.nameVi}</title>
<meta name="DC.title" content="${title}">
<meta name="DC.publisher" content="${tenant.nameVi}">
<meta name="DC.language" content="vi">
<link rel="alternate" type="application/atom+xml" title="${`Đầu tư công, mua sắm công — ${tenant.nameVi}`}" href="${prefix}${BASE}/feed.atom">
${input.head ?? ''}
<style>
*{box-sizing:border-box}body{margin:0;font:1rem/1.55 system-ui,sans-serif;color:#1a1a1a}
a{color:#0b4f9c}:focus-visible{outline:3px solid #e0a800;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.5rem}
header{background:#0b3d6e;color:#fff}header a{color:#fff}.wrap{max-width:64rem;margin:0 auto;padding:0 1rem}
header .wrap{padding:1rem}main{padding:1rem 0 2rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #8a8a8a;padding:.4rem;text-align:left;vertical-align:top}th{background:#eef2f6}
dt{font-weight:bold}dd{margin:0 0 .5rem 1.5rem}.muted{color:#4a4a4a}form.filter{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;margin:1rem 0}
label{display:flex;flex-direction:column}input,select,button{font:inherit;padding:.3rem}
</style>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header><div class="wrap"><a href="${prefix}/">${tenant.nameVi}</a></div></header>
<main id="noi-dung" class="wrap">
${input.body}
</main>
<footer class="wrap muted"><p>${tenant.nameVi} — Công khai thông tin đầu tư công, mua sắm công (Luật Tiếp cận thông tin, Điều 19)</p></footer>
</body>
</html>`;
}
