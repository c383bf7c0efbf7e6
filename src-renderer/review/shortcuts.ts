// Keyboard shortcuts of the review screen. Letters are read from `event.code`, the physical key,
// so they work the same on the Russian layout (A is Ф there).

export const CANDIDATE_KEYS = 5;

export type Shortcut =
  | { kind: 'accept' }
  | { kind: 'choose'; index: number }
  | { kind: 'reject' }
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'search' };

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function shortcutFor(event: KeyLike): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;

  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1];
  if (digit !== undefined) {
    const index = Number(digit) - 1;
    return index < CANDIDATE_KEYS ? { kind: 'choose', index } : null;
  }

  switch (event.code) {
    case 'KeyA':
      return { kind: 'accept' };
    case 'KeyR':
      return { kind: 'reject' };
    case 'KeyJ':
      return { kind: 'next' };
    case 'KeyK':
      return { kind: 'previous' };
    case 'KeyF':
    case 'Slash':
      return { kind: 'search' };
    default:
      break;
  }

  switch (event.key) {
    case 'Enter':
    case 'NumpadEnter':
      return { kind: 'accept' };
    case 'Delete':
      return { kind: 'reject' };
    case 'ArrowDown':
      return { kind: 'next' };
    case 'ArrowUp':
      return { kind: 'previous' };
    case '/':
      return { kind: 'search' };
    default:
      return null;
  }
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'number', 'email', 'tel', 'url', 'password', 'date', 'time']);

/**
 * Tell whether the focused element needs the key itself. Text fields and selects take every key.
 * Buttons, links and checkboxes take only Enter and Space, so the shortcuts keep working after a click.
 */
export function isKeyForTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)) return true;

  const activates = key === 'Enter' || key === ' ';
  return activates && (['BUTTON', 'A', 'SUMMARY', 'INPUT'].includes(target.tagName) || target.getAttribute('role') === 'button');
}
