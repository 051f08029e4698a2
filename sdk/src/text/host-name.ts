import { domainToASCII } from 'node:url';

const PLAIN_ASCII = /^[a-z0-9.-]+$/;

/**
 * The canonical form of a host, as the core stores and looks hosts up: lower case, without port or
 * trailing dot, IDN in punycode (`sở.localhost` and `xn--s-4lm.localhost` are one host). Returns
 * `undefined` for anything that is not a plausible host name, so hostile Host headers never reach the
 * database. Plugins compare hosts with it before they ask the core to set them.
 *
 * @example
 * ```ts
 * normalizeHost('SoTaiChinh.QuangTri.gov.vn:443') // 'sotaichinh.quangtri.gov.vn'
 * normalizeHost('not a host') // undefined
 * ```
 */
export function normalizeHost(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let host = value.trim().toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end > 0 ? host.slice(0, end + 1) : undefined;
  }
  host = host.replace(/:\d{1,5}$/, '').replace(/\.$/, '');
  if (host.length === 0 || host.length > 253) return undefined;
  // An ASCII name needs no IDN conversion (most requests); punycode labels still go through it, to be checked.
  const ascii = PLAIN_ASCII.test(host) && !host.includes('xn--') ? host : domainToASCII(host);
  if (!ascii || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(ascii)) return undefined;
  return ascii;
}
