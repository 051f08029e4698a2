// The admin shell's entry: theme, tokens, language, then the app element.
import '@awesome.me/webawesome/dist/styles/themes/default.css';
import './shell.css';
import { congTokens } from '@cong/sdk/admin';
import { startI18n } from './i18n/i18n.js';
import './app/cong-app.js';

if (congTokens.styleSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, congTokens.styleSheet];
await startI18n();
document.body.prepend(document.createElement('cong-app'));
