import { createContext, useContext } from 'react';
import type { Action, ListModel } from 'survey-core';
import { ReactElementFactory } from 'survey-react-ui';
import { useT } from '../../i18n';

/**
 * How many questions on each page (by name) show an error now, for the table of contents. survey-core
 * keeps no error state per page, so the page counts and provides it around <Survey>.
 */
export const PageErrorCounts = createContext<ReadonlyMap<string, number>>(new Map());

/** The "!" that marks answers to correct, in the contents and the progress bar: for the eye only. */
export function ErrorMarkIcon({ size = 14 }: { size?: number }) {
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} focusable="false" aria-hidden="true">
      <circle cx="8" cy="8" r="8" fill="currentColor" />
      <rect x="7" y="3.5" width="2" height="6" rx="1" fill="#fff" />
      <circle cx="8" cy="12" r="1.2" fill="#fff" />
    </svg>
  );
}

/** The survey's `tocItemComponent`: each page's entry, marked when answers on it need correcting. */
export const TOC_ITEM = 'kk-toc-item';

/**
 * SurveyJS's own entry (the page's title, in the page's language), then a mark when the page has
 * errors: a "!" and the count for the eye (not colour alone), and words for screen readers, which
 * read the entry's text as its name.
 */
function TocItem({ item, model }: { item: Action; model: ListModel<Action> }) {
  const t = useT();
  const count = useContext(PageErrorCounts).get(item.id) ?? 0;
  return (
    <>
      {ReactElementFactory.Instance.createElement('sv-list-item-content', { item, model, key: 'content' })}
      {count > 0 && (
        <span className="toc-errors" data-errors={count}>
          <span className="toc-errors-mark" aria-hidden="true">
            <ErrorMarkIcon />
            {count}
          </span>
          <span className="visually-hidden"> {t('survey.toc.errors', { count })}</span>
        </span>
      )}
    </>
  );
}

ReactElementFactory.Instance.registerElement(TOC_ITEM, (props: { item: Action; model: ListModel<Action> }) => (
  <TocItem item={props.item} model={props.model} />
));
