import { useEffect, useState } from 'react';

/** How much room charts have: phone, tablet (or a browser window at half a screen), desktop. */
export type ScreenWidth = 'narrow' | 'medium' | 'wide';

const NARROW = '(max-width: 40rem)';
const MEDIUM = '(max-width: 54rem)';

function current(): ScreenWidth {
  if (typeof window === 'undefined' || !window.matchMedia) return 'wide';
  if (window.matchMedia(NARROW).matches) return 'narrow';
  return window.matchMedia(MEDIUM).matches ? 'medium' : 'wide';
}

/** The screen width class; charts wrap their labels shorter as it narrows. */
export function useScreenWidth(): ScreenWidth {
  const [width, setWidth] = useState<ScreenWidth>(current);
  useEffect(() => {
    if (!window.matchMedia) return;
    const queries = [window.matchMedia(NARROW), window.matchMedia(MEDIUM)];
    const onChange = () => setWidth(current());
    onChange();
    for (const query of queries) query.addEventListener('change', onChange);
    return () => {
      for (const query of queries) query.removeEventListener('change', onChange);
    };
  }, []);
  return width;
}
