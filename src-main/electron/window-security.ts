// Applies the navigation policy and the session's defences to live Electron objects.

import { type Session, shell, type WebContents } from 'electron';
import type { Logger } from 'pino';

import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './content-security.js';
import { decideNavigation, decideWindowOpen, isWebUrl } from './navigation-policy.js';

/** Open a web link in the system browser. A link with any other scheme is dropped. */
export function openExternally(url: string, logger: Logger): void {
  if (!isWebUrl(url)) {
    logger.warn({ event: 'external_link_blocked', scheme: url.split(':', 1)[0] }, 'link with a non-web scheme blocked');
    return;
  }
  shell.openExternal(url).catch((error: unknown) => {
    logger.warn({ event: 'open_external_failed', error: String(error) }, 'system browser could not open a link');
  });
}

/**
 * Keep a web contents on the app's origin: navigations and redirects elsewhere are stopped
 * (web links go to the system browser), new windows are never created, and webviews are refused.
 * `appOrigin` is read on each event, because the origin is known only once the server listens.
 */
export function secureWebContents(contents: WebContents, appOrigin: () => string | null, logger: Logger): void {
  const guardNavigation = (event: { url: string; preventDefault(): void }): void => {
    const decision = decideNavigation(event.url, appOrigin());
    if (decision.action === 'allow') return;
    event.preventDefault();
    logger.info({ event: 'navigation_blocked', openExternally: decision.openExternally }, 'navigation away from the app blocked');
    if (decision.openExternally) openExternally(event.url, logger);
  };

  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) openExternally(url, logger);
    return { action: 'deny' };
  });
}

/** Deny every permission request and check, and add the shell's CSP to every response. */
export function secureSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, CONTENT_SECURITY_POLICY) });
  });
}
