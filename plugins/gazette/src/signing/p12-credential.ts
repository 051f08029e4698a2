import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE, GAZETTE_ERR_SIGNING_PASSPHRASE_WRONG } from '../errors.js';
import { toBinary } from './der.js';

/** The key and certificates of a PKCS#12 file. */
export interface P12Credential {
  readonly privateKey: KeyObject;
  /** The certificate whose public key matches {@link privateKey}. */
  readonly certificate: X509Certificate;
  /** The other certificates of the file, issuer of the previous one first when they chain. */
  readonly chain: readonly X509Certificate[];
}

/** Where a PKCS#12 came from, for error messages (never the passphrase). */
export interface P12Source {
  /** `/etc/cong/ubnd.p12` or `signing.p12.base64`. */
  readonly source: string;
  /** The environment variable that held the passphrase. */
  readonly passphraseVariable: string;
}

/**
 * Opens a PKCS#12 (.p12/.pfx). node-forge reads the container (node:crypto cannot); the key then moves
 * to a node:crypto KeyObject. node-forge reads RSA keys only, which is what Vietnamese CAs issue for
 * organisational certificates.
 */
export function openP12(p12: Uint8Array, passphrase: string, where: P12Source): P12Credential {
  let container: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.asn1.fromDer(forge.util.createBuffer(toBinary(p12)));
    container = forge.pkcs12.pkcs12FromAsn1(der, false, passphrase);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (/MAC could not be verified|Invalid password|decrypt/i.test(message)) {
      throw GAZETTE_ERR_SIGNING_PASSPHRASE_WRONG.create({ source: where.source, variable: where.passphraseVariable }, { cause });
    }
    throw GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE.create({ source: where.source, reason: `not a PKCS#12 file (${message})` }, { cause });
  }

  const keyBags = [
    ...(container.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(container.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag!] ?? []),
  ];
  const forgeKey = keyBags.find((bag) => bag.key !== undefined && bag.key !== null)?.key;
  if (forgeKey === undefined || forgeKey === null) {
    throw GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE.create({
      source: where.source,
      reason: 'it holds no RSA private key (only RSA keys can be read from PKCS#12)',
    });
  }
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const publicKeyDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });

  const certificates = (container.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag!] ?? [])
    .flatMap((bag) => (bag.cert ? [new X509Certificate(forge.pki.certificateToPem(bag.cert))] : []));
  const certificate = certificates.find((candidate) => candidate.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKeyDer));
  if (certificate === undefined) {
    throw GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE.create({ source: where.source, reason: 'no certificate in it matches its private key' });
  }
  return { privateKey, certificate, chain: orderChain(certificate, certificates.filter((c) => c !== certificate)) };
}

function orderChain(leaf: X509Certificate, others: readonly X509Certificate[]): X509Certificate[] {
  const ordered: X509Certificate[] = [];
  const remaining = [...others];
  let current = leaf;
  for (;;) {
    const index = remaining.findIndex((candidate) => current.checkIssued(candidate));
    if (index === -1) break;
    current = remaining.splice(index, 1)[0]!;
    ordered.push(current);
  }
  return [...ordered, ...remaining];
}
