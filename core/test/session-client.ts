// A browser-like client for API tests: keeps the session cookie, names the unit, sends JSON.

export type Call = (method: string, path: string, options?: { body?: unknown; tenant?: string }) => Promise<{ status: number; body: any }>;

export function browser(base: string): Call & { cookie: () => string } {
  let cookie = '';
  const call: Call = async (method, path, options = {}) => {
    const res = await fetch(new URL(path, base), {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.tenant ? { 'x-cong-tenant': options.tenant } : {}),
        'sec-fetch-site': 'same-origin',
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return Object.assign(call, { cookie: () => cookie });
}
