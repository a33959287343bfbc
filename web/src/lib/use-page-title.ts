import { useEffect } from 'react';

/** Sets the document title as "{page} – Klimatkommunerna", so screen readers announce where you are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Klimatkommunerna`;
  }, [title]);
}
