import type { Migration } from 'kysely';
import * as createProposals from './2026_12_02_1100_create_proposals.js';
import * as createBroadcasts from './2026_12_02_1110_create_broadcasts.js';

export const syndicationAreaMigrations: Readonly<Record<string, Migration>> = {
  '2026_12_02_1100_create_proposals': createProposals,
  '2026_12_02_1110_create_broadcasts': createBroadcasts,
};
