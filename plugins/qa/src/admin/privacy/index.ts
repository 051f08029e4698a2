// Personal data: the erasure record and the retention period run now.
export { PersonalDataPage } from './personal-data.js';
