// The submissions area as the plugin entry wires it: registration and migrations.
export { registerSubmissions } from './register-submissions.js';
export { submissionsMigrations } from './migrations/index.js';
