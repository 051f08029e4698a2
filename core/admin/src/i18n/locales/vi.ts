import type { TemplateLike } from '@lit/localize';
import { viPages } from './vi-pages.js';
import { viShell } from './vi-shell.js';

/** The Vietnamese locale module of `@lit/localize` (runtime mode): the shell's and the pages' templates. */
export const templates: Readonly<Record<string, TemplateLike>> = { ...viShell, ...viPages };
