// Every text the desktop shell shows itself (menu, file dialogs, start-up errors), in Russian and
// English. The UI inside the window has its own translations.

export type ShellLanguage = 'ru' | 'en';

/** Russian when the first preferred system language is Russian, English otherwise. */
export function shellLanguage(locales: readonly string[]): ShellLanguage {
  const first = locales.find((locale) => locale.trim() !== '') ?? '';
  return /^ru(?:$|[-_.@])/i.test(first.trim()) ? 'ru' : 'en';
}

export interface ShellText {
  menu: {
    file: string;
    openDataFolder: string;
    quit: string;
    edit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    selectAll: string;
    view: string;
    reload: string;
    toggleDevTools: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    fullScreen: string;
    window: string;
    minimize: string;
    close: string;
    help: string;
    apiDocs: string;
    about: string;
    hide: string;
    hideOthers: string;
    showAll: string;
  };
  dialogs: {
    openTitle: string;
    saveTitle: string;
    spreadsheets: string;
    allFiles: string;
    aboutDetail: (version: string, dataDir: string) => string;
  };
  startupFailed: { title: string; message: (reason: string, dataDir: string) => string };
}

export const SHELL_TEXT: Record<ShellLanguage, ShellText> = {
  ru: {
    menu: {
      file: 'Файл',
      openDataFolder: 'Открыть папку данных',
      quit: 'Выход',
      edit: 'Правка',
      undo: 'Отменить',
      redo: 'Повторить',
      cut: 'Вырезать',
      copy: 'Копировать',
      paste: 'Вставить',
      selectAll: 'Выделить всё',
      view: 'Вид',
      reload: 'Обновить',
      toggleDevTools: 'Инструменты разработчика',
      resetZoom: 'Исходный масштаб',
      zoomIn: 'Увеличить',
      zoomOut: 'Уменьшить',
      fullScreen: 'Во весь экран',
      window: 'Окно',
      minimize: 'Свернуть',
      close: 'Закрыть',
      help: 'Справка',
      apiDocs: 'Документация API',
      about: 'О программе',
      hide: 'Скрыть',
      hideOthers: 'Скрыть остальные',
      showAll: 'Показать все',
    },
    dialogs: {
      openTitle: 'Открыть таблицу',
      saveTitle: 'Сохранить файл',
      spreadsheets: 'Таблицы (xlsx, xls, ods, csv)',
      allFiles: 'Все файлы',
      aboutDetail: (version, dataDir) => `Версия ${version}\nПапка данных: ${dataDir}`,
    },
    startupFailed: {
      title: 'Materials Matcher не запустился',
      message: (reason, dataDir) =>
        `${reason}\n\nПапка данных: ${dataDir}\nПроверьте, что папка доступна для записи и не открыта другой копией программы, затем запустите программу снова.`,
    },
  },
  en: {
    menu: {
      file: 'File',
      openDataFolder: 'Open Data Folder',
      quit: 'Quit',
      edit: 'Edit',
      undo: 'Undo',
      redo: 'Redo',
      cut: 'Cut',
      copy: 'Copy',
      paste: 'Paste',
      selectAll: 'Select All',
      view: 'View',
      reload: 'Reload',
      toggleDevTools: 'Developer Tools',
      resetZoom: 'Actual Size',
      zoomIn: 'Zoom In',
      zoomOut: 'Zoom Out',
      fullScreen: 'Full Screen',
      window: 'Window',
      minimize: 'Minimize',
      close: 'Close',
      help: 'Help',
      apiDocs: 'API Documentation',
      about: 'About',
      hide: 'Hide',
      hideOthers: 'Hide Others',
      showAll: 'Show All',
    },
    dialogs: {
      openTitle: 'Open a spreadsheet',
      saveTitle: 'Save file',
      spreadsheets: 'Spreadsheets (xlsx, xls, ods, csv)',
      allFiles: 'All files',
      aboutDetail: (version, dataDir) => `Version ${version}\nData folder: ${dataDir}`,
    },
    startupFailed: {
      title: 'Materials Matcher failed to start',
      message: (reason, dataDir) =>
        `${reason}\n\nData folder: ${dataDir}\nCheck that the folder is writable and not open in another copy of the app, then start the app again.`,
    },
  },
};
