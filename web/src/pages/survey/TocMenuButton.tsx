import {
  type CSSProperties,
  cloneElement,
  type FocusEvent,
  type KeyboardEvent,
  type ReactElement,
  useContext,
} from 'react';
import type { Action, Base, ListModel, PageModel, SurveyModel, TOCModel } from 'survey-core';
import { List, Popup, ReactElementFactory, SurveyElementBase, SurveyProgressToc, SvgIcon } from 'survey-react-ui';
import { type Translate, useT } from '../../i18n';
import { PageErrorCounts } from './TocItem';

/**
 * The menu button's name: "Enkätens sidor", with how many pages have answers to correct when any
 * do ("Enkätens sidor (svar att rätta på 3 sidor)"). On a phone the contents' own marks are hidden
 * behind the button, and the "!" drawn on it (survey.css) is for the eye only.
 */
export function tocMenuLabel(errorCounts: ReadonlyMap<string, number>, t: Translate): string {
  const pages = [...errorCounts.values()].filter((count) => count > 0).length;
  if (pages === 0) return t('survey.toc.menu');
  return t('survey.toc.menuErrors', { count: pages });
}

/** What a key does in the contents (WAI-ARIA Authoring Practices, menu pattern). */
const MENU_KEYS: Record<string, 'next' | 'previous' | 'first' | 'last' | 'open'> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  Enter: 'open',
  ' ': 'open',
};

/** Where a key moves from entry `at` of `count`: Up and Down wrap around, as in the menu pattern. */
function stepTo(move: 'next' | 'previous' | 'first' | 'last', at: number, count: number): number {
  if (move === 'next') return (at + 1) % count;
  if (move === 'previous') return (at - 1 + count) % count;
  return move === 'first' ? 0 : count - 1;
}

/** The entry's page data, as survey-core's contents give it. */
function entryPage(item: Action): { page?: PageModel; survey?: SurveyModel } {
  return (item.data ?? {}) as { page?: PageModel; survey?: SurveyModel };
}

/**
 * Opens an entry's page, as a click does (and closes the phone's menu). Opening the page already
 * shown changes nothing, so survey-core's blur would leave focus on <body>: its heading takes it,
 * as a new page's does (SurveyPage.tsx).
 */
function openEntry(model: ListModel<Action>, item: Action): void {
  const { page, survey } = entryPage(item);
  const alreadyShown = !!page && survey?.currentPage === page;
  model.onItemClick(item);
  if (!alreadyShown || !page) return;
  const heading = document.getElementById(page.ariaTitleId);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

interface EntryProps {
  model: ListModel<Action>;
  item: Action;
  /** The one entry Tab reaches: tabindex 0, every other -1. */
  tabStop: boolean;
}

/**
 * One page's entry, as survey-react-ui's own list item draws it but for its tabindex and keys:
 * that one makes every entry a Tab stop of its own and clicks on Enter/Space itself.
 */
class TocMenuEntry extends SurveyElementBase<EntryProps, unknown> {
  protected override getStateElement(): Base {
    return this.props.item;
  }

  protected override renderElement(): ReactElement {
    const { model, item, tabStop } = this.props;
    const content = ReactElementFactory.Instance.createElement(item.component || model.itemComponent, {
      item,
      key: item.id,
      model,
      itemData: item.data,
      ...entryPage(item),
    });
    return (
      // biome-ignore lint/a11y/useKeyWithClickEvents: the menu (TocMenu) takes the keys for all its entries.
      <li
        className={model.getItemClass(item)}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: survey-core's list item (its CSS), in a <ul role="menu">.
        role="menuitemradio"
        aria-checked={model.isItemSelected(item)}
        tabIndex={tabStop ? 0 : -1}
        style={{ display: model.isItemVisible(item) ? undefined : 'none' }}
        data-toc-entry={item.id}
        onClick={(event) => {
          event.stopPropagation();
          openEntry(model, item);
        }}
        onMouseEnter={() => model.onItemHover(item)}
        onMouseLeave={() => model.onItemLeave(item)}
      >
        <div
          className={model.cssClasses.itemBody}
          style={model.getItemStyle(item) as CSSProperties}
          title={item.getTooltip()}
        >
          {content}
        </div>
      </li>
    );
  }
}

/**
 * The contents as one Tab stop: SurveyJS made each of the ten entries one. survey-core gives them
 * the roles of a menu (`menu`, each page a `menuitemradio`, checked for the page shown), and this
 * completes that pattern (WAI-ARIA APG): Tab reaches the page shown, Up/Down (wrapping), Home and
 * End move, Enter and Space open. Kept rather than a `nav` of links with `aria-current`: there each
 * link is a Tab stop, the cost removed here, and roving focus in a plain list would tell a screen
 * reader nothing of the arrow keys, which "menu" does; the phone's button opens this same menu.
 */
class TocMenu extends List {
  constructor(props: { model: ListModel<Action> }) {
    super(props);
    this.handleKeydown = (event: KeyboardEvent<HTMLUListElement>) => this.onMenuKey(event);
  }

  private get entries(): Action[] {
    return (this.model as ListModel<Action>).visibleItems;
  }

  /** The entry Tab reaches: the one moved to, else the page shown, else the first. */
  private tabStopId(): string | undefined {
    const entries = this.entries;
    const ids = new Set(entries.map((item) => item.id));
    const moved: string | undefined = this.state.kkTabStop;
    if (moved && ids.has(moved)) return moved;
    const shown = this.model.selectedItem?.id;
    return shown && ids.has(shown) ? shown : entries[0]?.id;
  }

  private onMenuKey(event: KeyboardEvent<HTMLUListElement>): void {
    const move = MENU_KEYS[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    const entries = this.entries;
    const at = entries.findIndex((item) => item.id === entryId(event.target));
    if (at < 0) return;
    event.preventDefault();
    if (move === 'open') {
      // Held down, Enter would open page after page as focus lands on each heading.
      if (!event.repeat) openEntry(this.model as ListModel<Action>, entries[at] as Action);
      return;
    }
    const to = stepTo(move, at, entries.length);
    const target = entries[to] as Action;
    this.setState({ kkTabStop: target.id });
    event.currentTarget.querySelector<HTMLElement>(`[data-toc-entry="${CSS.escape(target.id)}"]`)?.focus();
  }

  /** An entry focused by any means (the phone's menu focuses one as it opens) is the Tab stop. */
  private onMenuFocus = (event: FocusEvent<HTMLUListElement>): void => {
    const id = entryId(event.target);
    if (id && id !== this.state.kkTabStop) this.setState({ kkTabStop: id });
  };

  /** Focus gone from the menu: Tab comes back to the page shown. */
  private onMenuBlur = (event: FocusEvent<HTMLUListElement>): void => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    if (this.state.kkTabStop !== undefined) this.setState({ kkTabStop: undefined });
  };

  override renderList(): ReactElement {
    const list = super.renderList();
    return list && cloneElement(list, { onFocus: this.onMenuFocus, onBlur: this.onMenuBlur } as object);
  }

  override renderItems(): ReactElement[] {
    const model = this.model as ListModel<Action>;
    const stop = this.tabStopId();
    return (model.renderedActions ?? []).map((item) => (
      <TocMenuEntry key={item.id} model={model} item={item} tabStop={item.id === stop} />
    ));
  }
}

function entryId(target: EventTarget): string | undefined {
  return target instanceof Element
    ? (target.closest<HTMLElement>('[data-toc-entry]')?.dataset.tocEntry ?? undefined)
    : undefined;
}

/** The contents' list, by name: the phone's menu draws its content by component name. */
const TOC_MENU = 'kk-toc-menu';
ReactElementFactory.Instance.registerElement(TOC_MENU, (props: { model: ListModel<Action> }) => (
  <TocMenu model={props.model} />
));

/**
 * SurveyJS's table of contents: one Tab stop (TocMenu), and a real button on narrow screens. There
 * SurveyJS draws the menu that opens the contents as a bare <div> with a click handler: no name, no
 * role, not reachable by keyboard, which also fails everyone zoomed to 400 % on a desktop (WCAG
 * 2.1.1, 4.1.2). The popup's own handling focuses the page shown as it opens, and returns focus to
 * the button when it closes (Escape, or a page opened).
 */
class AccessibleProgressToc extends SurveyProgressToc {
  constructor(props: Record<string, unknown>) {
    super(props);
    // The phone's menu shows the same list, one Tab stop too.
    (props.model as TOCModel).popupModel.contentComponentName = TOC_MENU;
  }

  // Re-render when the popup opens or closes, so aria-expanded follows it.
  protected override getStateElement(): Base | null {
    return (this.props.model as TOCModel).popupModel;
  }

  override render() {
    const toc = this.props.model as TOCModel;
    if (!toc.isMobile) {
      return (
        <div className={toc.containerCss}>
          <TocMenu model={toc.listModel} />
        </div>
      );
    }
    return (
      <div className={toc.containerCss}>
        <div>
          <button
            type="button"
            className="toc-menu-button"
            aria-label={this.props.label as string}
            aria-haspopup="menu"
            aria-expanded={toc.popupModel.isVisible}
            onClick={toc.togglePopup}
          >
            <SvgIcon iconName={toc.icon} size={24} />
          </button>
          <Popup model={toc.popupModel} />
        </div>
      </div>
    );
  }
}

function LabelledProgressToc(props: Record<string, unknown>) {
  const t = useT();
  const errorCounts = useContext(PageErrorCounts);
  return <AccessibleProgressToc {...props} label={tocMenuLabel(errorCounts, t)} />;
}

ReactElementFactory.Instance.registerElement('sv-navigation-toc', (props: Record<string, unknown>) => (
  <LabelledProgressToc {...props} />
));
