// Who the reader is. The bearer token lives in this tab's sessionStorage and travels only in the Authorization
// header: never in a URL, never in a cookie, so no other site can make the browser use it (no CSRF), and closing the
// tab forgets it. Two ways in: a token pasted into the page (a local installation: deploy/mint-token.sh reader), or
// the identity provider's Authorization Code flow with PKCE, run here as a public client.

const TOKEN = 'gongkai.dashboard.token';
const PENDING = 'gongkai.dashboard.oidc';
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

let whenSignedOut = () => {};

export function token() {
    return sessionStorage.getItem(TOKEN);
}

/** Keeps a pasted token; refuses what is not even shaped like a JWT (the service judges the rest). */
export function useToken(text) {
    const candidate = text.trim().replace(/^Bearer\s+/i, '');
    if (!JWT.test(candidate)) {
        throw new Error('这不是一个令牌（JWT 由三段以点分隔的字符组成）');
    }
    sessionStorage.setItem(TOKEN, candidate);
}

export function onSignedOut(listener) {
    whenSignedOut = listener;
}

export function signOut(reason) {
    sessionStorage.removeItem(TOKEN);
    whenSignedOut(reason);
}

/** What the token says about its holder, for display only: name, roles and expiry. */
export function holder() {
    try {
        const payload = token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
        return {
            name: claims.preferred_username || claims.upn || claims.sub || '',
            roles: Array.isArray(claims.groups) ? claims.groups : [],
            expires: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
        };
    } catch {
        return { name: '', roles: [], expires: null };
    }
}

function base64url(bytes) {
    let binary = '';
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(bytes) {
    return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Where the provider sends the browser back: this page, without query or fragment. */
function redirectUri() {
    return window.location.origin + window.location.pathname;
}

/**
  * Leaves for the provider's sign-in page. The state (against forged callbacks) and the code verifier (PKCE: only
  * this tab can redeem the code) stay in sessionStorage; the view to return to goes with them, never in a URL.
  */
export async function beginProviderSignIn(oidc, returnTo) {
    const verifier = randomText(32);
    const state = randomText(16);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, returnTo }));
    const query = new URLSearchParams({
        response_type: 'code',
        client_id: oidc.clientId,
        redirect_uri: redirectUri(),
        scope: oidc.scope,
        state,
        code_challenge: base64url(new Uint8Array(digest)),
        code_challenge_method: 'S256',
    });
    window.location.assign(`${oidc.authorizationEndpoint}?${query}`);
}

/**
  * Completes a sign-in when the provider has sent the browser back with ?code=&state= (or ?error=): checks the state,
  * redeems the code with the verifier at the token endpoint and keeps the access token. The code leaves the address
  * bar before anything else happens. Returns false when this load is not such a return.
  */
export async function completeProviderSignIn(oidc) {
    const params = new URLSearchParams(window.location.search);
    if (!params.has('code') && !params.has('error')) {
        return false;
    }
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    const returnTo = pending && /^#\/[\w/?=&-]*$/.test(pending.returnTo || '') ? pending.returnTo : '';
    window.history.replaceState(null, '', window.location.pathname + returnTo);
    if (params.has('error')) {
        throw new Error(`统一身份认证未完成：${params.get('error_description') || params.get('error')}`);
    }
    if (!oidc || !pending || params.get('state') !== pending.state) {
        throw new Error('这次登录回调不是本页发起的，已拒绝。请重新登录。');
    }
    const response = await fetch(oidc.tokenEndpoint, {
        method: 'POST',
        credentials: 'omit',
        headers: { Accept: 'application/json' },
        body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: params.get('code'),
            redirect_uri: redirectUri(),
            client_id: oidc.clientId,
            code_verifier: pending.verifier,
        }),
    });
    const answer = response.ok ? await response.json() : null;
    if (!answer || typeof answer.access_token !== 'string') {
        throw new Error(`统一身份认证没有发放令牌（${response.status}）`);
    }
    useToken(answer.access_token);
    return true;
}
