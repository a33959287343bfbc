import { useEffect, useRef, useState } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { Dialog } from '../../../components/Dialog';
import { useAdminT } from '../i18n';
import '../i18n/editor';

/** What decides whether a click on a link leaves the page: the link and the click. */
export interface LinkClick {
  href: string;
  target: string;
  download: boolean;
  button: number;
  modified: boolean;
}

/**
 * Whether following this link replaces the current page inside the app: a plain left click on a
 * same-origin link to another path. New tabs (target, modifier keys), downloads and links within
 * the page (#main) leave the page as it is; other sites are left to `beforeunload`.
 */
export function leavesPageInApp(click: LinkClick, here: string): boolean {
  if (click.button !== 0 || click.modified || click.download) return false;
  if (click.target && click.target !== '_self') return false;
  const current = new URL(here);
  const next = new URL(click.href, current);
  if (next.origin !== current.origin) return false;
  return next.pathname !== current.pathname || next.search !== current.search;
}

function clickedLink(event: MouseEvent): HTMLAnchorElement | null {
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  const click: LinkClick = {
    href: anchor.href,
    target: anchor.target,
    download: anchor.hasAttribute('download'),
    button: event.button,
    modified: event.ctrlKey || event.metaKey || event.altKey || event.shiftKey,
  };
  return leavesPageInApp(click, window.location.href) ? anchor : null;
}

/**
 * While `active`, asks before the page is left: the browser's own prompt for reloads, closing the
 * tab and other sites (`beforeunload`), and this dialog for links inside the app, which wouter
 * follows without unloading the page and has no blocking API for. The links are caught on the
 * document in the capture phase, so the console's navigation and every other link are covered
 * without changing them; Enter on a focused link is a click too. The browser's back and forward
 * buttons within the app are not caught: wouter has already moved when they are noticed.
 */
export function LeaveGuard({ active, title, body }: { active: boolean; title: string; body: string }) {
  const t = useAdminT();
  const [pending, setPending] = useState<HTMLAnchorElement | null>(null);
  const leaving = useRef(false);

  useEffect(() => {
    if (!active) return;
    leaving.current = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!leaving.current) event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      if (leaving.current || event.defaultPrevented) return;
      const anchor = clickedLink(event);
      if (!anchor) return;
      // Before React and wouter see it: the link's own handler does not run and the browser does not follow it.
      event.preventDefault();
      event.stopPropagation();
      setPending(anchor);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active]);

  const leave = () => {
    const anchor = pending;
    setPending(null);
    if (!anchor) return;
    leaving.current = true;
    // Once the dialog has closed and the page is no longer inert, follow the link as it was clicked,
    // so wouter (or the browser, for a link outside the app's routes) handles it as usual.
    setTimeout(() => {
      if (anchor.isConnected) anchor.click();
      else {
        const url = new URL(anchor.href);
        navigate(url.pathname + url.search);
      }
    }, 0);
  };

  return (
    <Dialog open={pending !== null} title={title} onCancel={() => setPending(null)} initialFocus="[data-stay]">
      <p>{body}</p>
      <div className="dialog-actions">
        <button type="button" className="button" data-stay onClick={() => setPending(null)}>
          {t('editor.leave.stay')}
        </button>
        <button type="button" className="button button-danger" onClick={leave}>
          {t('editor.leave.go')}
        </button>
      </div>
    </Dialog>
  );
}
