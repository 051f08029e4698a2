import addressparser from 'nodemailer/lib/addressparser';
import { CONG_ERR_MAIL_ADDRESS, type CongError } from '@cong/sdk';

/** One checked mailbox: a bare address and an optional display name (NFC). */
export interface Mailbox {
  readonly name: string;
  readonly address: string;
}

/** C0 controls (CR and LF among them), DEL, NEL and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;
/** RFC 5322 dot-atom local part, ASCII only: quoted local parts are where misrouting tricks live. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** Host names of letters (any script, for IDN), digits and inner hyphens, with at least one dot. */
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
/** A display name without RFC 5322 specials (the dot is allowed, as obs-phrase does: "Nguyễn V. A"). */
const PLAIN_PHRASE = /^[^"(),:;<>@[\]\\]+$/u;
const QUOTED_PHRASE = /^"(?:[^"\\]|\\.)*"$/u;
const NAME_ADDR = /^(.*?)\s*<([^<>]*)>$/su;

/**
 * Parses one mailbox with nodemailer's own address parser, so the address checked here is the one
 * nodemailer will send to, then accepts only the two shapes that mean exactly one plain mailbox:
 * `user@domain` and `Display Name <user@domain>`. The parser is lenient by design (it reads comments,
 * free text, groups and quoted local parts into some address), so anything else is refused rather
 * than interpreted: `"a@evil.com x"@tinh.gov.vn`, `u@good.vn(x)evil.com`, a list, a group, a line
 * break. Throws `CONG_ERR_MAIL_ADDRESS` naming `field`.
 */
export function parseMailbox(field: string, input: unknown): Mailbox {
  const refuse = (reason: string): CongError =>
    CONG_ERR_MAIL_ADDRESS.create(
      { field },
      {
        detail: `Invalid e-mail address in ${field}: ${reason}`,
        errors: [{ in: 'body', pointer: `/${field.replace(/\[(\d+)\]/g, '/$1')}`, message: reason }],
      },
    );
  if (typeof input !== 'string') throw refuse('must be a string');
  const value = input.normalize('NFC');
  if (CONTROL.test(value)) throw refuse('must not contain line breaks or control characters');
  const trimmed = value.trim();
  if (trimmed.length === 0) throw refuse('is empty');
  if (trimmed.length > 998) throw refuse('is too long');
  const parsed = addressparser(trimmed);
  if (parsed.length !== 1) throw refuse('must hold exactly one mailbox; pass a list as an array');
  const entry = parsed[0]!;
  if (entry.group !== undefined) throw refuse('must be a mailbox, not a group');
  const address = entry.address;
  if (!isPlainAddress(address)) throw refuse('is not a plain user@domain address');
  if (trimmed === address) return { name: '', address };
  const match = NAME_ADDR.exec(trimmed);
  if (match === null || match[2] !== address) throw refuse('must be "user@domain" or "Name <user@domain>"');
  const display = match[1]!;
  if (display !== '' && !PLAIN_PHRASE.test(display) && !QUOTED_PHRASE.test(display)) {
    throw refuse('the display name must be plain text or a quoted string, without comments or addresses');
  }
  return { name: entry.name, address };
}

/** The mailbox as header text that {@link parseMailbox} reads back to the same value. */
export function formatMailbox(mailbox: Mailbox): string {
  if (mailbox.name === '') return mailbox.address;
  return `"${mailbox.name.replace(/["\\]/g, '\\$&')}" <${mailbox.address}>`;
}

function isPlainAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return local.length <= 64 && LOCAL_PART.test(local) && domain.length <= 253 && DOMAIN.test(domain);
}
