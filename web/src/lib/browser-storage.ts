/**
 * The browser's local or session storage, which may be blocked (privacy settings, some embedded
 * views): a read then finds nothing and a write is dropped, so a remembered preference is only ever
 * a convenience, never a reason for a page to fail.
 */
type Area = 'local' | 'session';

const storageOf = (area: Area): Storage => (area === 'local' ? localStorage : sessionStorage);

export function readStored(area: Area, key: string): string | null {
  try {
    return storageOf(area).getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(area: Area, key: string, value: string): void {
  try {
    storageOf(area).setItem(key, value);
  } catch {
    // Not remembered; fine.
  }
}
