import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { changeLanguage, LANGUAGES } from './i18n';
import { SCREENS, useHashRoute, type Screen } from './route';
import { CatalogScreen } from './screens/CatalogScreen';
import { ExportScreen } from './screens/ExportScreen';
import { ImportScreen } from './screens/ImportScreen';
import { JobsScreen } from './screens/JobsScreen';
import { ReviewScreen } from './review/ReviewScreen';
import { Loading } from './components/States';

// The charts library is the largest dependency, so its screen loads on first visit.
const StatsScreen = lazy(() => import('./screens/StatsScreen').then((module) => ({ default: module.StatsScreen })));

export function App() {
  const { t, i18n } = useTranslation();
  const [route, navigate] = useHashRoute();
  const [droppedFile, setDroppedFile] = useState<File | null>(null);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  useWindowDrop((file) => {
    setDroppedFile(file);
    navigate('import');
  });

  return (
    <div className="app">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <div className="brand-name">{t('app.name')}</div>
          <div className="brand-tagline">{t('app.tagline')}</div>
        </div>
        <ul className="nav-list">
          {SCREENS.map((screen) => (
            <li key={screen}>
              <a
                href={`#/${screen}${route.requestId && usesJob(screen) ? `?request=${encodeURIComponent(route.requestId)}` : ''}`}
                className={`nav-item${route.screen === screen ? ' nav-item-active' : ''}`}
                aria-current={route.screen === screen ? 'page' : undefined}
                data-testid={`nav-${screen}`}
              >
                {t(`nav.${screen}`)}
              </a>
            </li>
          ))}
        </ul>
        <div className="lang-switch" role="group" aria-label={t('language.label')} data-testid="lang-switch">
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              className={`lang-button${i18n.language === language ? ' lang-button-active' : ''}`}
              aria-pressed={i18n.language === language}
              onClick={() => void changeLanguage(language)}
              data-testid={`lang-${language}`}
              title={t(`language.${language}`)}
            >
              {language.toUpperCase()}
            </button>
          ))}
        </div>
      </nav>
      <main className="content">
        {route.screen === 'catalog' && <CatalogScreen />}
        {route.screen === 'import' && (
          <ImportScreen droppedFile={droppedFile} onDroppedFileTaken={() => setDroppedFile(null)} navigate={navigate} />
        )}
        {route.screen === 'jobs' && <JobsScreen requestId={route.requestId} navigate={navigate} />}
        {route.screen === 'review' && <ReviewScreen requestId={route.requestId} navigate={navigate} />}
        {route.screen === 'export' && <ExportScreen requestId={route.requestId} navigate={navigate} />}
        {route.screen === 'stats' && (
          <Suspense fallback={<Loading />}>
            <StatsScreen />
          </Suspense>
        )}
      </main>
    </div>
  );
}

function usesJob(screen: Screen): boolean {
  return screen === 'review' || screen === 'export' || screen === 'jobs';
}

/** Take a file dropped anywhere on the window as a price list; drop zones that stop the event keep theirs. */
function useWindowDrop(onFile: (file: File) => void): void {
  const saved = useRef(onFile);
  saved.current = onFile;

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      saved.current(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
