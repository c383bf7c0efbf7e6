// Screen navigation kept in the location hash (`#/review?request=ID`), so a reload or a link
// opens the same screen and job.

import { useCallback, useEffect, useState } from 'react';

export const SCREENS = ['catalog', 'import', 'jobs', 'review', 'export', 'stats'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  requestId: string | null;
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : 'import';
  const requestId = new URLSearchParams(query).get('request');
  return { screen, requestId: requestId || null };
}

export function routeHash(route: Route): string {
  const query = route.requestId ? `?request=${encodeURIComponent(route.requestId)}` : '';
  return `#/${route.screen}${query}`;
}

export type Navigate = (screen: Screen, requestId?: string | null) => void;

export function useHashRoute(): [Route, Navigate] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));

  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const navigate = useCallback<Navigate>((screen, requestId = null) => {
    const next = { screen, requestId };
    window.location.hash = routeHash(next);
    setRoute(next);
  }, []);

  return [route, navigate];
}
