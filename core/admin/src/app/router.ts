import { ADMIN_BASE } from './routes.js';

/** The query parameter that names the current unit in every shell URL. */
export const TENANT_PARAM = 'tenant';

/**
 * A shell URL for `path` (`/core/users`, `/admin/hello`, `/hello?x=1`) that keeps the unit:
 * `/admin/core/users?tenant=so-tai-chinh`.
 */
export function shellHref(path: string, tenant: string | undefined): string {
  const url = new URL(path.startsWith(ADMIN_BASE + '/') || path === ADMIN_BASE ? path : `${ADMIN_BASE}${path.startsWith('/') ? '' : '/'}${path}`, location.origin);
  if (url.pathname === ADMIN_BASE) url.pathname = `${ADMIN_BASE}/`;
  if (tenant) url.searchParams.set(TENANT_PARAM, tenant);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Whether a click on `anchor` is a plain same-shell navigation the router should take over. */
export function isShellLink(event: MouseEvent, anchor: HTMLAnchorElement): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target && anchor.target !== '_self') return false;
  if (anchor.hasAttribute('download') || anchor.getAttribute('rel')?.includes('external')) return false;
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return false;
  const url = new URL(anchor.href, location.href);
  return url.origin === location.origin && (url.pathname === ADMIN_BASE || url.pathname.startsWith(`${ADMIN_BASE}/`)) && !url.pathname.startsWith(`${ADMIN_BASE}/plugins/`) && !url.pathname.startsWith(`${ADMIN_BASE}/assets/`);
}

/** The anchor a click went through, across shadow roots. */
export function anchorOf(event: Event): HTMLAnchorElement | undefined {
  for (const target of event.composedPath()) if (target instanceof HTMLAnchorElement) return target;
  return undefined;
}

/** The first element matching `selector` under `root`, looking inside open shadow roots too. */
export function queryDeep<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | undefined {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) {
      const found = queryDeep<T>(element.shadowRoot, selector);
      if (found) return found;
    }
  }
  return undefined;
}
