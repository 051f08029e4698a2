/**
 * A plausible e-mail address as a public form checks it before sending a verification link: one `@`,
 * a dot in the domain, no spaces, angle brackets or list separators (the link proves the rest).
 */
export const EMAIL_ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
