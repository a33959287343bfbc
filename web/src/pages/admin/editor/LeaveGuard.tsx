import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { guardInAppLeaving } from '../../survey/leaving';
import { useAdminT } from '../i18n';
import '../i18n/editor';

/**
 * While `active`, asks before the page is left: the browser's own prompt for reloads, closing the
 * tab and other sites (`beforeunload`), and this dialog for leaving inside the app, which wouter
 * does without unloading the page: links (the console's navigation and every other one, Enter on
 * a focused link too) and the browser's Back and Forward. Those are caught as the member survey
 * page catches them (`guardInAppLeaving`): a link's click before wouter sees it, Back and Forward
 * by the Navigation API's `navigate` event before the address changes. A browser without that API,
 * or one refusing the cancel (it allows one per user action), leaves on Back without asking.
 */
export function LeaveGuard({ active, title, body }: { active: boolean; title: string; body: string }) {
  const t = useAdminT();
  // Where the person was going: follows the link or goes to the history entry chosen.
  const [pending, setPending] = useState<(() => void) | null>(null);
  const leaving = useRef(false);

  useEffect(() => {
    if (!active) return;
    leaving.current = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!leaving.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const stop = guardInAppLeaving({
      wouldLose: () => !leaving.current,
      ask: (leave) => setPending(() => leave),
    });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      stop();
    };
  }, [active]);

  const leave = () => {
    const onward = pending;
    setPending(null);
    if (!onward) return;
    leaving.current = true;
    // Once the dialog has closed and the page is no longer inert: the link clicked again (wouter,
    // or the browser for a link outside the app's routes, then without a prompt) or the Back taken.
    setTimeout(onward, 0);
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
