// Navigation rules of the app window. The window shows only the local API's own origin. Web links
// open in the system browser, and every other scheme (file:, javascript:, custom protocols) is dropped.

/** Return the origin of a URL such as `http://127.0.0.1:51234`, or null for an unparsable or opaque one. */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function isAppUrl(url: string, appOrigin: string | null): boolean {
  return appOrigin !== null && originOf(url) === appOrigin;
}

/** True for http and https URLs, the only ones handed to the system browser. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: boolean };

/** Decide a navigation of the app window: allowed inside the app's origin, otherwise stopped. */
export function decideNavigation(url: string, appOrigin: string | null): NavigationDecision {
  if (isAppUrl(url, appOrigin)) return { action: 'allow' };
  return { action: 'deny', openExternally: isWebUrl(url) };
}

/**
 * Decide a request for a new window (`window.open`, a link with `target="_blank"`). It never gets
 * a new app window, because that window would lack the preload and the navigation checks. Web
 * URLs, the app's own included, open in the system browser.
 */
export function decideWindowOpen(url: string): { openExternally: boolean } {
  return { openExternally: isWebUrl(url) };
}

/** IPC from the renderer is trusted only from a frame that shows the app's origin. */
export function isTrustedSender(frameUrl: string | null | undefined, appOrigin: string | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, appOrigin);
}
