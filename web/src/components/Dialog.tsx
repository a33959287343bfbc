import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { FocusReturn } from './focus-return';

interface DialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Escape or the backdrop; leave out to make the dialog demand an answer. */
  onCancel?: () => void;
  className?: string;
  /** Selector of the element to focus when opening; defaults to the dialog's title. */
  initialFocus?: string;
}

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page inert, so focus
 * stays inside. Focus returns to where it was when the dialog opened, whether the dialog is closed
 * (`open` false) or unmounted while open (the parent stops rendering it).
 */
export function Dialog({ open, title, children, onCancel, className, initialFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [returns] = useState(() => new FocusReturn());

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returns.remember(document.activeElement === document.body ? null : document.activeElement);
      dialog.showModal();
      const target = initialFocus ? dialog.querySelector<HTMLElement>(initialFocus) : null;
      (target ?? dialog.querySelector<HTMLElement>('h2'))?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      returns.restore();
    }
  }, [open, initialFocus, returns]);

  // Unmounted while open. React removes the <dialog> before this runs, which ends its modality, so
  // the element outside can take focus again; a dialog kept in the page (hidden, not removed) is
  // closed first, so the page behind it does not stay inert.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (!returns.owed) return;
      if (dialog?.open) dialog.close();
      returns.restore();
    };
  }, [returns]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      onCancel?.();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    return () => dialog.removeEventListener('cancel', onCancelEvent);
  }, [onCancel]);

  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={titleId} aria-modal="true">
      {open && (
        <>
          <h2 id={titleId} tabIndex={-1} className="dialog-title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
