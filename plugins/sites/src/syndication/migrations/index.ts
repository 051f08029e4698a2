import type { Migration } from 'kysely';
import * as createProposals from './2026_11_29_2100_create_proposals.js';
import * as createBroadcasts from './2026_11_29_2110_create_broadcasts.js';

export const syndicationAreaMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_2100_create_proposals': createProposals,
  '2026_11_29_2110_create_broadcasts': createBroadcasts,
};
