// Swagger UI on the merged API description, logging in through Keycloak (authorization code with PKCE).
window.onload = function () {
  const origin = window.location.origin;
  window.ui = SwaggerUIBundle({
    url: origin + "/q/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayRequestDuration: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    oauth2RedirectUrl: origin + "/q/swagger-ui/oauth2-redirect.html"
  });
  window.ui.initOAuth({
    clientId: "{{clientId}}",
    appName: "Speech archive",
    scopes: "openid",
    usePkceWithAuthorizationCodeGrant: true
  });
};
