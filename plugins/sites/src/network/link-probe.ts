import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, RefusedAddressError, safeLookup } from './safe-address.js';

/** How the checker reaches links (the `linkChecker` settings). */
export interface ProbeOptions {
  /** Per request, connect to last byte of the headers. */
  readonly timeoutMs: number;
  /** Redirects followed before the link counts as failed. */
  readonly maxRedirects: number;
  /** Reach private and loopback addresses (tests; an intranet). Default false. */
  readonly allowPrivateAddresses: boolean;
}

/** What one link answered: the final HTTP status, or the network error. */
export interface ProbeResult {
  readonly ok: boolean;
  readonly httpStatus: number | null;
  readonly error: string | null;
}

const USER_AGENT = 'CongLinkChecker/1.0 (POR-21 link check)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function once(url: URL, method: 'HEAD' | 'GET', options: ProbeOptions): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0 && !options.allowPrivateAddresses && isPrivateAddress(host)) {
      reject(new RefusedAddressError(host, host));
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method, lookup: safeLookup(options.allowPrivateAddresses), headers: { 'user-agent': USER_AGENT, accept: '*/*' }, timeout: options.timeoutMs }, (res: IncomingMessage) => {
      // The status is all the checker needs: the body is not read.
      resolve({ status: res.statusCode ?? 0, location: typeof res.headers.location === 'string' ? res.headers.location : undefined });
      res.destroy();
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
    req.end();
  });
}

/**
 * Checks one link: HEAD, then GET when HEAD fails or is refused (many servers answer 405 or 404 to
 * HEAD), following redirects up to `maxRedirects` (each hop checked for private addresses again).
 * 2xx is ok; 4xx, 5xx, too many redirects and network errors (timeouts, refused addresses) fail.
 */
export async function probeLink(address: string, options: ProbeOptions): Promise<ProbeResult> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, httpStatus: null, error: 'not a valid address' };
  }
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, httpStatus: null, error: `redirected to ${url.protocol} address` };
    let answer: { status: number; location: string | undefined };
    try {
      answer = await once(url, 'HEAD', options);
      if (answer.status >= 400) answer = await once(url, 'GET', options);
    } catch (headError) {
      try {
        if (headError instanceof RefusedAddressError) throw headError;
        answer = await once(url, 'GET', options);
      } catch (error) {
        return { ok: false, httpStatus: null, error: ((error as Error).message || 'network error').slice(0, 500) };
      }
    }
    if (REDIRECTS.has(answer.status) && answer.location) {
      try {
        url = new URL(answer.location, url);
      } catch {
        return { ok: false, httpStatus: answer.status, error: 'redirect to an invalid address' };
      }
      continue;
    }
    return { ok: answer.status >= 200 && answer.status < 400, httpStatus: answer.status, error: answer.status >= 400 ? `HTTP ${answer.status}` : null };
  }
  return { ok: false, httpStatus: null, error: `more than ${options.maxRedirects} redirects` };
}
