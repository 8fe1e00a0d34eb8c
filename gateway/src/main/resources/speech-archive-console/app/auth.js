// Login through Keycloak in the browser (public client, authorization code + PKCE with S256) with keycloak-js from
// its pinned npm package, served here. Tokens live in this page's memory only; the server keeps no session.
// Across reloads a flag in sessionStorage says to ask Keycloak for the existing login (check-sso), which answers
// without showing its page while Keycloak's own session lasts.
const SESSION = 'console.session';
const RETURN = 'console.return';

let keycloak = null;
let config = null;

/** Starts keycloak-js; true when the user is logged in. */
export async function start() {
  config = await (await fetch('/console/config.json')).json();
  const { default: Keycloak } = await import('/console/vendor/keycloak.js');
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  keycloak.onTokenExpired = () => keycloak.updateToken(30).catch(() => {});
  const returning = sessionStorage.getItem(SESSION) === '1';
  const authenticated = await keycloak.init({
    pkceMethod: 'S256', flow: 'standard', responseMode: 'query', checkLoginIframe: false,
    onLoad: returning ? 'check-sso' : undefined, redirectUri: redirectUri(),
  });
  if (!authenticated) {
    sessionStorage.removeItem(SESSION);
    return false;
  }
  const back = sessionStorage.getItem(RETURN);
  sessionStorage.removeItem(RETURN);
  if (back && back.startsWith('/console/')) history.replaceState(null, '', back);
  return true;
}

// Keycloak sends the browser back to the console's root (one redirect URI, no fragment); the page to return to
// (a speech's paragraph, say) is kept in sessionStorage meanwhile.
function redirectUri() {
  return `${location.origin}/console/`;
}

function remember() {
  sessionStorage.setItem(RETURN, location.pathname + location.search + location.hash);
  sessionStorage.setItem(SESSION, '1');
}

if (sessionStorage.getItem(SESSION) === '1' && !location.search.includes('state=')) {
  // a reload: come back to this very page after check-sso's round trip
  sessionStorage.setItem(RETURN, location.pathname + location.search + location.hash);
}

export function login() {
  remember();
  return keycloak.login({ redirectUri: redirectUri() });
}

export function logout() {
  sessionStorage.removeItem(SESSION);
  return keycloak.logout({ redirectUri: redirectUri() });
}

/** A fresh access token (refreshed when it expires within 30 s); a failed refresh sends the user to log in. */
export async function accessToken() {
  try {
    await keycloak.updateToken(30);
  } catch {
    await login();
    throw new Error('登录已过期，正在重新登录');
  }
  return keycloak.token;
}

export function user() {
  const claims = keycloak?.tokenParsed ?? {};
  return { name: claims.preferred_username ?? '', roles: claims.realm_access?.roles ?? [] };
}

export function hasRole(role) {
  return user().roles.includes(role);
}
