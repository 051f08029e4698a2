import { IntakeRegister } from './intake-register.element.js';

IntakeRegister.define('gazette-intake-register', 'gazette');

declare global {
  interface HTMLElementTagNameMap {
    'gazette-intake-register': IntakeRegister;
  }
}

export { IntakeRegister };
