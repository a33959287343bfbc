import { type ReactNode, useEffect, useId, useRef } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Escape or the backdrop; leave out to make the dialog demand an answer. */
  onCancel?: () => void;
  className?: string;
  /** Element to focus when opening; defaults to the dialog's first focusable control. */
  initialFocus?: string;
}

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page inert, so focus
 * stays inside; focus returns to where it was when the dialog closes.
 */
export function Dialog({ open, title, children, onCancel, className, initialFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      dialog.showModal();
      const target = initialFocus ? dialog.querySelector<HTMLElement>(initialFocus) : null;
      (target ?? dialog.querySelector<HTMLElement>('h2'))?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      if (returnFocus.current instanceof HTMLElement && returnFocus.current.isConnected) returnFocus.current.focus();
    }
  }, [open, initialFocus]);

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
