import { GazetteFileUpload } from './file-upload.element.js';

GazetteFileUpload.define('gazette-file-upload', 'gazette');

declare global {
  interface HTMLElementTagNameMap {
    'gazette-file-upload': GazetteFileUpload;
  }
}

export { GazetteFileUpload };
