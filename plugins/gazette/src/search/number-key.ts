import { fold } from '@cong/sdk';
import { numberKey } from '../intake/number-symbol.js';

/**
 * The number and symbol as the search compares it: the intake's key, folded, so `41/2026/qd-ubnd`
 * finds `41/2026/QĐ-UBND` as readily as the exact spelling does.
 */
export function searchNumberKey(value: string): string {
  return fold(numberKey(value)).toUpperCase();
}

/** Part of a number and symbol (`41/2026`, `qd-ubnd`) in the same form, for a containment match. */
export function searchNumberPart(value: string): string {
  return fold(value.normalize('NFC').replace(/\s+/g, '')).toUpperCase();
}
