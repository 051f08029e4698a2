import type { Migration } from 'kysely';
import * as createSubmissions from './2026_11_29_1400_create_submissions.js';
import * as createInformationRequests from './2026_11_29_1410_create_information_requests.js';

export const submissionsMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_1400_create_submissions': createSubmissions,
  '2026_11_29_1410_create_information_requests': createInformationRequests,
};
