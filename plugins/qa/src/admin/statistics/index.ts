// The statistics of questions per agency, with the board's deadline sweep.
export { StatisticsPage } from './statistics-page.js';
