import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError, CongElement, adminLanguage, createApiClient, showToast, type ApiClient } from '@cong/sdk/admin';
import { switchLanguage } from '../i18n/i18n.js';
import { failureText, shellErrorHandler } from './api-errors.js';
import '../contributions/cong-boundary.js';
import '../pages/dashboard/dashboard-page.js';
import '../pages/login/login-page.js';
import { anchorOf, isShellLink, queryDeep, shellHref, TENANT_PARAM } from './router.js';
import { ADMIN_BASE, allowed, CORE_ROUTES, resolveRoute, SECURITY_PATH, shellPath, type RouteMatch } from './routes.js';
import { adminTenant, adminUser, fetchManifest, fetchMe, fetchTenantsSomewhere, initialTenant, mustEnrolTotp, pluginName, type AdminManifest, type MeUser, type TenantRecord } from './session.js';
import { shellStyles } from './shell-styles.js';
import { readRecent, rememberedTenant, rememberTenant } from './tenant-tree.js';
import './tenant-switcher.js';
import { tenantName } from './tenant-switcher.js';
import './toast-region.js';

declare global {
  interface HTMLElementTagNameMap {
    'cong-app': CongApp;
  }
}

type Phase = 'loading' | 'public' | 'ready' | 'error';

/**
 * The admin shell: session, unit, router, header, navigation, toasts. It owns `/admin/*` (History API),
 * keeps `?tenant=<slug>` in every URL, re-reads the admin manifest when the unit changes or a
 * `cong-modules-changed` event bubbles up, and gives every page `tenant`, `user` and `api`.
 */
export class CongApp extends CongElement {
  static override styles = [
    shellStyles,
    css`
      :host { display: grid; grid-template-rows: auto 1fr; grid-template-columns: minmax(12rem, 16rem) 1fr; grid-template-areas: 'header header' 'nav main'; min-height: 100vh; background: var(--cong-color-surface-lowered); }
      :host([public]) { grid-template-columns: 1fr; grid-template-areas: 'header' 'main'; }
      .skip-link { position: absolute; inset-inline-start: 0.5rem; inset-block-start: -3rem; background: var(--cong-color-surface); padding: 0.5rem 1rem; z-index: 100; }
      .skip-link:focus { inset-block-start: 0.5rem; }
      header { grid-area: header; display: flex; flex-wrap: wrap; align-items: center; gap: var(--cong-space-s); padding: var(--cong-space-xs) var(--cong-space-m); background: var(--cong-color-surface); border-bottom: 1px solid var(--cong-color-border); }
      .brand { font-weight: 700; font-size: 1.1rem; color: var(--cong-color-text); text-decoration: none; margin-inline-end: auto; }
      .unit { display: inline-flex; gap: 0.4rem; align-items: baseline; }
      .menu { position: relative; }
      .menu ul { position: absolute; inset-inline-end: 0; margin: 0.25rem 0 0; padding: 0.25rem; list-style: none; background: var(--cong-color-surface-raised); border: 1px solid var(--cong-color-border); border-radius: var(--cong-radius); min-width: 14rem; z-index: 50; box-shadow: 0 4px 12px rgb(0 0 0 / 15%); }
      .menu li a, .menu li button { display: block; width: 100%; text-align: start; padding: 0.45rem 0.6rem; border: none; background: none; color: var(--cong-color-text); text-decoration: none; }
      .menu li a:hover, .menu li button:hover { background: var(--cong-color-surface-lowered); }
      nav { grid-area: nav; padding: var(--cong-space-m) var(--cong-space-s); background: var(--cong-color-surface); border-inline-end: 1px solid var(--cong-color-border); }
      nav h2 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--cong-color-text-quiet); margin: var(--cong-space-m) 0.5rem var(--cong-space-xs); }
      nav ul { list-style: none; margin: 0; padding: 0; }
      nav a { display: block; padding: 0.45rem 0.6rem; border-radius: var(--cong-radius); color: var(--cong-color-text); text-decoration: none; }
      nav a:hover { background: var(--cong-color-surface-lowered); }
      nav a[aria-current='page'] { background: var(--cong-color-brand); color: var(--cong-color-on-brand); }
      main { grid-area: main; padding: var(--cong-space-l); min-width: 0; }
      main:focus { outline: none; }
      .enrol-notice { margin: 0 0 var(--cong-space-m); padding: var(--cong-space-s) var(--cong-space-m); background: var(--cong-color-surface); border: 1px solid var(--cong-color-border); border-inline-start: 0.3rem solid var(--cong-color-warning); border-radius: var(--cong-radius); }
      .public-main { max-width: 40rem; width: 100%; margin: var(--cong-space-l) auto; background: var(--cong-color-surface); border-radius: var(--cong-radius); padding: var(--cong-space-l); }
      @media (max-width: 48rem) {
        :host { grid-template-columns: 1fr; grid-template-areas: 'header' 'nav' 'main'; }
        nav { border-inline-end: none; border-bottom: 1px solid var(--cong-color-border); }
      }
    `,
  ];

  static override properties = {
    phase: { state: true },
    me: { state: true },
    tenants: { state: true },
    tenant: { state: true },
    manifest: { state: true },
    api: { state: true },
    path: { state: true },
    switcherOpen: { state: true },
    menuOpen: { state: true },
    recent: { state: true },
    problem: { state: true },
  };

  declare phase: Phase;
  declare me: MeUser | undefined;
  declare tenants: readonly TenantRecord[];
  declare tenant: TenantRecord | undefined;
  declare manifest: AdminManifest | undefined;
  declare api: ApiClient | undefined;
  /** `location.pathname + search` last rendered. */
  declare path: string;
  declare switcherOpen: boolean;
  declare menuOpen: boolean;
  declare recent: readonly string[];
  declare problem: string | undefined;

  /** Calls that must not toast or redirect (session probe, sign-in). */
  readonly rawApi: ApiClient = createApiClient();
  #pendingFocus = false;
  #ready = false;
  #manifestAbort: AbortController | undefined;
  #listeners: [EventTarget, string, (e: Event) => void][] = [];

  constructor() {
    super();
    this.phase = 'loading';
    this.tenants = [];
    this.path = location.pathname + location.search;
    this.switcherOpen = false;
    this.menuOpen = false;
    this.recent = readRecent();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const on = (target: EventTarget, name: string, handler: (e: Event) => void) => {
      target.addEventListener(name, handler);
      this.#listeners.push([target, name, handler]);
    };
    on(window, 'popstate', () => this.#locationChanged(true));
    on(this, 'click', (e) => this.#onClick(e as MouseEvent));
    on(this, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && this.menuOpen) {
        this.menuOpen = false;
        this.renderRoot.querySelector<HTMLButtonElement>('#user-menu-button')?.focus();
      }
    });
    on(this, 'cong-navigate', (e) => this.navigate((e as CustomEvent<{ path: string }>).detail.path));
    on(this, 'cong-modules-changed', () => void this.refreshManifest());
    on(this, 'cong-signed-in', () => void this.#signedIn());
    on(this, 'cong-totp-enabled', () => void this.#totpEnabled());
    on(this, 'cong-tenant-selected', (e) => void this.selectTenant((e as CustomEvent<{ slug: string }>).detail.slug));
    on(this, 'cong-tenant-switcher-closed', () => {
      this.switcherOpen = false;
      this.renderRoot.querySelector<HTMLButtonElement>('#unit-button')?.focus();
    });
    on(this, 'cong-boundary-ready', () => this.#focusHeadingIfPending());
    on(this, 'cong-boundary-failed', () => this.#focusHeadingIfPending());
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const [target, name, handler] of this.#listeners) target.removeEventListener(name, handler);
    this.#listeners = [];
  }

  #match(): RouteMatch {
    return resolveRoute(location.pathname, this.manifest);
  }

  #isPublicPath(): boolean {
    const match = this.#match();
    return match.kind === 'core' && match.route.public === true;
  }

  /** Reads the session, the units and the manifest; sends a signed-out visitor to the login page. */
  async start(): Promise<void> {
    if (this.#isPublicPath()) {
      this.phase = 'public';
      return;
    }
    this.phase = 'loading';
    this.problem = undefined;
    let startUnit: string | undefined;
    try {
      this.me = await fetchMe(this.rawApi);
      const found = await fetchTenantsSomewhere(this.rawApi, this.me, [new URLSearchParams(location.search).get(TENANT_PARAM), rememberedTenant()]);
      this.tenants = found.tenants;
      startUnit = found.from;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.toLogin();
      this.problem = error instanceof ApiError ? failureText(error) : String(error);
      this.phase = 'error';
      return;
    }
    const params = new URLSearchParams(location.search);
    // The unit the list could be read in comes first: where this account may work.
    const tenant = initialTenant(this.tenants, startUnit ?? params.get(TENANT_PARAM), rememberedTenant());
    if (!tenant) {
      this.problem = msg('No unit is available to your account.', { id: 'app.noUnit' });
      this.phase = 'error';
      return;
    }
    await this.selectTenant(tenant.slug, { replace: true });
    this.phase = 'ready';
    // The server requires two-factor sign-in of this super-admin before anything else: no permission
    // until then, so the security page is the only useful one.
    if (this.mustEnrol() && shellPath(location.pathname) !== SECURITY_PATH) {
      this.#pendingFocus = true;
      this.navigate(SECURITY_PATH, { replace: true });
    }
  }

  /** Whether the account must turn on two-factor sign-in first (see {@link mustEnrolTotp}). */
  mustEnrol(): boolean {
    return Boolean(this.me && mustEnrolTotp(this.me));
  }

  /** Two-factor sign-in was turned on: the account and its permissions change. */
  async #totpEnabled(): Promise<void> {
    try {
      this.me = await fetchMe(this.rawApi);
    } catch {
      if (this.me) this.me = { ...this.me, totpEnabled: true };
    }
    await this.refreshManifest();
  }

  /** Goes to the login page, remembering where the user was. */
  toLogin(): void {
    const here = location.pathname + location.search;
    const next = shellPath(location.pathname).startsWith('/core/login') ? null : here;
    this.me = undefined;
    this.manifest = undefined;
    this.phase = 'public';
    this.navigate(`/core/login${next ? `?next=${encodeURIComponent(next)}` : ''}`, { replace: true, keepTenant: false });
  }

  async #signedIn(): Promise<void> {
    const next = new URLSearchParams(location.search).get('next');
    const target = next && next.startsWith(`${ADMIN_BASE}/`) && !next.startsWith('//') && !next.startsWith(`${ADMIN_BASE}/core/login`) ? next : `${ADMIN_BASE}/`;
    history.replaceState(null, '', target);
    this.path = location.pathname + location.search;
    this.#pendingFocus = true;
    await this.start();
  }

  async #signOut(): Promise<void> {
    this.menuOpen = false;
    try {
      await this.rawApi.post('/api/core/auth/logout');
    } catch {
      // Signed out locally all the same.
    }
    this.toLogin();
  }

  /** Navigates inside the shell (`/core/users`, `/admin/hello`, `/hello`), keeping `?tenant=`. */
  navigate(path: string, options: { replace?: boolean; keepTenant?: boolean } = {}): void {
    const href = shellHref(path, options.keepTenant === false ? undefined : this.tenant?.slug);
    if (options.replace) history.replaceState(null, '', href);
    else if (href !== location.pathname + location.search) history.pushState(null, '', href);
    this.#locationChanged(false);
  }

  #locationChanged(fromHistory: boolean): void {
    this.menuOpen = false;
    this.path = location.pathname + location.search;
    this.#pendingFocus = true;
    const isPublic = this.#isPublicPath();
    if (!isPublic && !this.me && this.phase !== 'loading') {
      void this.start();
      return;
    }
    if (isPublic) this.phase = this.me && shellPath(location.pathname) === '/core/login' ? this.phase : 'public';
    if (this.me && !isPublic) {
      this.phase = 'ready';
      const slug = new URLSearchParams(location.search).get(TENANT_PARAM);
      if (fromHistory && slug && slug !== this.tenant?.slug) void this.selectTenant(slug, { replace: true });
    }
  }

  #onClick(event: MouseEvent): void {
    const anchor = anchorOf(event);
    if (anchor && isShellLink(event, anchor)) {
      event.preventDefault();
      const url = new URL(anchor.href, location.href);
      this.navigate(url.pathname + url.search + url.hash, { keepTenant: !url.searchParams.has(TENANT_PARAM) });
    }
    // A click outside the open user menu closes it.
    if (this.menuOpen && !event.composedPath().some((t) => t instanceof HTMLElement && t.classList.contains('menu'))) this.menuOpen = false;
  }

  /** The API client of a unit: failures toast, except 401 (→ login) and 400 with field errors (forms show them). */
  #client(slug: string): ApiClient {
    return createApiClient({
      tenant: slug,
      onError: shellErrorHandler({ toLogin: () => this.toLogin() }),
    });
  }

  /** Makes `slug` the current unit: URL, memory, API client, manifest. */
  async selectTenant(slug: string, options: { replace?: boolean } = {}): Promise<void> {
    const tenant = this.tenants.find((t) => t.slug === slug || t.id === slug);
    if (!tenant) return;
    this.recent = rememberTenant(tenant.slug);
    const url = new URL(location.href);
    if (url.searchParams.get(TENANT_PARAM) !== tenant.slug) {
      url.searchParams.set(TENANT_PARAM, tenant.slug);
      history.replaceState(null, '', url.pathname + url.search + url.hash);
      this.path = location.pathname + location.search;
    }
    if (this.tenant?.id === tenant.id && this.manifest && !options.replace) return;
    this.tenant = tenant;
    this.api = this.#client(tenant.slug);
    await this.refreshManifest();
  }

  /** Reads the manifest of the current unit again (after a unit switch or a module toggle). */
  async refreshManifest(): Promise<void> {
    if (!this.api) return;
    this.#manifestAbort?.abort();
    const abort = (this.#manifestAbort = new AbortController());
    try {
      const manifest = await fetchManifest(this.api, abort.signal);
      if (!abort.signal.aborted) this.manifest = manifest;
    } catch (error) {
      if (abort.signal.aborted) return;
      // 404: no grant reaches this unit. The page says so; the switcher stays usable.
      this.manifest = { tenantId: this.tenant?.id ?? null, permissions: [], plugins: [] };
      if (error instanceof ApiError && error.status === 404) showToast(msg('You have no access to this unit. Choose another one.', { id: 'app.noAccess' }), { variant: 'warning' });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.toggleAttribute('public', this.phase === 'public');
    if (this.phase === 'ready' && this.manifest && !this.#ready) {
      this.#ready = true;
      requestAnimationFrame(() => performance.mark('cong-shell-ready'));
    }
    document.title = `${this.#title()} — ${msg('Cổng administration', { id: 'app.title' })}`;
    if (changed.has('path') || changed.has('phase')) {
      const match = this.#match();
      // Pages the shell renders itself are ready now; boundaries report when theirs are.
      if (this.phase !== 'ready' || (match.kind === 'core' && !match.route.load) || match.kind === 'not-found') {
        void this.updateComplete.then(() => this.#focusHeadingIfPending());
      }
    }
  }

  async #focusHeadingIfPending(): Promise<void> {
    if (!this.#pendingFocus) return;
    this.#pendingFocus = false;
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    if (!main) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const heading = queryDeep<HTMLElement>(main, 'h1') ?? queryDeep<HTMLElement>(main, '[role="alert"]');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else {
      main.focus();
    }
  }

  #title(): string {
    const match = this.#match();
    if (match.kind === 'core') return match.route.title();
    if (match.kind === 'plugin') return this.#label(match.nav.label);
    return msg('Page not found', { id: 'app.notFound' });
  }

  /** The settings page's properties: the plugin's id from the URL and its display name from the manifest. */
  #settingsProps(plugin: string): { plugin: string; pluginName: string } {
    const found = this.manifest?.plugins.find((p) => p.id === plugin);
    return { plugin, pluginName: pluginName(plugin, found?.name) };
  }

  #label(label: { vi: string; en?: string }): string {
    return adminLanguage() === 'en' ? (label.en ?? label.vi) : label.vi;
  }

  #languageButton(): TemplateResult {
    const en = adminLanguage() === 'en';
    return html`<button type="button" lang=${en ? 'vi' : 'en'} @click=${() => switchLanguage(en ? 'vi' : 'en')}>${en ? 'Tiếng Việt' : 'English'}</button>`;
  }

  #header(): TemplateResult {
    const user = this.me;
    return html`<header>
      <a class="brand" href=${shellHref('/', this.tenant?.slug)}>${msg('Cổng administration', { id: 'app.title' })}</a>
      ${user && this.tenant
        ? html`<button type="button" id="unit-button" class="unit" aria-haspopup="dialog" @click=${() => (this.switcherOpen = true)}>
            <span class="quiet">${msg('Unit:', { id: 'header.unit' })}</span> <strong>${tenantName(this.tenant)}</strong>
          </button>`
        : nothing}
      ${this.#languageButton()}
      ${user
        ? html`<div class="menu">
            <button type="button" id="user-menu-button" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="user-menu" @click=${() => (this.menuOpen = !this.menuOpen)}>
              ${user.displayName || user.username} ▾
            </button>
            <ul id="user-menu" ?hidden=${!this.menuOpen}>
              <li><a href=${shellHref(SECURITY_PATH, this.tenant?.slug)}>${msg('Account security', { id: 'security.title' })}</a></li>
              <li><a href=${shellHref('/core/sessions', this.tenant?.slug)}>${msg('Sessions', { id: 'sessions.title' })}</a></li>
              <li><button type="button" @click=${() => void this.#signOut()}>${msg('Sign out', { id: 'header.signOut' })}</button></li>
            </ul>
          </div>`
        : nothing}
    </header>`;
  }

  #nav(): TemplateResult {
    const permissions = this.manifest?.permissions ?? [];
    const current = shellPath(location.pathname);
    const link = (path: string, label: string) =>
      html`<li><a href=${shellHref(path, this.tenant?.slug)} aria-current=${current === path || (path !== '/' && current.startsWith(`${path}/`)) ? 'page' : 'false'}>${label}</a></li>`;
    const core = CORE_ROUTES.filter((r) => r.nav && allowed(r, permissions));
    const pluginItems = (this.manifest?.plugins ?? [])
      .filter((p) => p.module)
      .flatMap((p) => p.nav.map((n) => ({ ...n, plugin: p.id })))
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || this.#label(a.label).localeCompare(this.#label(b.label), 'vi'));
    const settings = permissions.includes('core.settings.manage') ? (this.manifest?.plugins ?? []).filter((p) => p.settings) : [];
    return html`<nav aria-label=${msg('Main menu', { id: 'nav.label' })}>
      <ul>${core.map((r) => link(r.path, r.nav!()))}</ul>
      ${pluginItems.length > 0
        ? html`<h2 id="nav-plugins">${msg('Plugins', { id: 'nav.plugins' })}</h2>
            <ul aria-labelledby="nav-plugins">${pluginItems.map((n) => link(n.route, this.#label(n.label)))}</ul>`
        : nothing}
      ${settings.length > 0
        ? html`<h2 id="nav-settings">${msg('Plugin settings', { id: 'nav.settings' })}</h2>
            <ul aria-labelledby="nav-settings">${settings.map((p) => link(`/core/settings/${p.id}`, pluginName(p.id, p.name)))}</ul>`
        : nothing}
    </nav>`;
  }

  /** Above every page but the security page while two-factor sign-in must be set up. */
  #enrolNotice(): TemplateResult | typeof nothing {
    if (!this.mustEnrol() || shellPath(location.pathname) === SECURITY_PATH) return nothing;
    return html`<p class="enrol-notice" role="status">
      ${msg('Your administrator account must use two-factor sign-in. Set it up before doing anything else.', { id: 'app.mustEnrol' })}
      <a href=${shellHref(SECURITY_PATH, this.tenant?.slug)}>${msg('Set up two-factor sign-in', { id: 'app.mustEnrolLink' })}</a>
    </p>`;
  }

  #page(): TemplateResult {
    const match = this.#match();
    const user = this.me && adminUser(this.me, this.manifest);
    const tenant = this.tenant && adminTenant(this.tenant);
    if (!this.manifest) return html`<p role="status">${msg('Loading…', { id: 'app.loading' })}</p>`;
    if (match.kind === 'not-found') {
      return html`<h1>${msg('Page not found', { id: 'app.notFound' })}</h1>
        <p>${msg('This page does not exist here, or its plugin is not enabled in this unit.', { id: 'app.notFoundText' })}</p>`;
    }
    if (match.kind === 'plugin') {
      if (!match.plugin.module) return html`<h1>${this.#label(match.nav.label)}</h1><p role="alert">${msg(str`The ${match.plugin.id} plugin is not running.`, { id: 'app.pluginDown' })}</p>`;
      return html`<cong-boundary plugin=${match.plugin.id} element=${match.nav.element} module=${match.plugin.module} .tenant=${tenant} .user=${user} .api=${this.api}></cong-boundary>`;
    }
    const route = match.route;
    if (route.public) {
      return html`<p><a href=${shellHref('/', this.tenant?.slug)}>${msg('You are signed in. Go to the dashboard.', { id: 'app.signedIn' })}</a></p>`;
    }
    if (!allowed(route, this.manifest.permissions)) {
      return html`<h1>${route.title()}</h1><p role="alert">${msg('You do not have permission to open this page in this unit.', { id: 'app.pageForbidden' })}</p>`;
    }
    if (route.element === 'cong-dashboard-page') {
      return html`<cong-dashboard-page .tenant=${tenant} .user=${user} .api=${this.api} .manifest=${this.manifest}></cong-dashboard-page>`;
    }
    const props = match.params['plugin'] ? this.#settingsProps(match.params['plugin']) : route.path === SECURITY_PATH ? { enrolmentRequired: this.mustEnrol() } : undefined;
    return html`<cong-boundary plugin="core" element=${route.element} .load=${route.load} .tenant=${tenant} .user=${user} .api=${this.api} .props=${props}></cong-boundary>`;
  }

  #publicPage(): TemplateResult {
    const match = this.#match();
    if (match.kind === 'core' && match.route.element === 'cong-login-page') return html`<cong-login-page .api=${this.rawApi}></cong-login-page>`;
    if (match.kind === 'core' && match.route.load) {
      return html`<cong-boundary plugin="core" element=${match.route.element} .load=${match.route.load} .api=${this.rawApi}></cong-boundary>`;
    }
    return html`<p role="status">${msg('Loading…', { id: 'app.loading' })}</p>`;
  }

  #skipLink(): TemplateResult {
    return html`<a class="skip-link" href="#main" @click=${(e: Event) => {
      e.preventDefault();
      e.stopPropagation();
      this.renderRoot.querySelector<HTMLElement>('main')?.focus();
    }}>${msg('Skip to main content', { id: 'app.skip' })}</a>`;
  }

  override render() {
    const toasts = html`<cong-toast-region></cong-toast-region>`;
    if (this.phase === 'public') {
      return html`${this.#skipLink()}${this.#header()}<main id="main" tabindex="-1"><div class="public-main">${this.#publicPage()}</div></main>${toasts}`;
    }
    if (this.phase === 'loading') {
      return html`${this.#header()}<main id="main" tabindex="-1"><p role="status">${msg('Loading…', { id: 'app.loading' })}</p></main>`;
    }
    if (this.phase === 'error') {
      return html`${this.#header()}<main id="main" tabindex="-1">
          <h1>${msg('The administration cannot start', { id: 'app.startFailed' })}</h1>
          <p role="alert">${this.problem}</p>
          <button type="button" @click=${() => void this.start()}>${msg('Try again', { id: 'boundary.retry' })}</button>
        </main>${toasts}`;
    }
    return html`${this.#skipLink()}${this.#header()}${this.#nav()}
      <main id="main" tabindex="-1">${this.#enrolNotice()}${this.#page()}</main>
      <cong-tenant-switcher .tenants=${this.tenants} current=${this.tenant?.slug ?? ''} .recent=${this.recent} ?open=${this.switcherOpen}></cong-tenant-switcher>
      ${toasts}`;
  }
}

CongApp.define('cong-app', 'cong');
