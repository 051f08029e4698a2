export { registerPublicApi } from './register-public-api.js';
