/* global document, location, window */
// The REST API page: swagger-ui (self-hosted) reading the platform's OpenAPI document from the same
// origin. The site is served at /docs, so the document is one level up: /openapi.json.
const url = new URL('../openapi.json', location.href).href;
document.getElementById('api-source').textContent = url;
window.SwaggerUIBundle({
  url,
  dom_id: '#swagger-ui',
  deepLinking: true,
  // No "try it out" token storage and no external validator badge: nothing leaves this origin.
  validatorUrl: null,
  tryItOutEnabled: false,
});
