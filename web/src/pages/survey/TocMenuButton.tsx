import { useContext } from 'react';
import type { Base, TOCModel } from 'survey-core';
import { Popup, ReactElementFactory, SurveyProgressToc, SvgIcon } from 'survey-react-ui';
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

/**
 * SurveyJS's table of contents, with a real button on narrow screens. There SurveyJS draws the menu
 * that opens the contents as a bare <div> with a click handler: no name, no role, not reachable by
 * keyboard, which also fails everyone zoomed to 400 % on a desktop (WCAG 2.1.1, 4.1.2). The wide
 * layout is SurveyJS's own. The popup's own handling returns focus to the button when it closes.
 */
class AccessibleProgressToc extends SurveyProgressToc {
  // Re-render when the popup opens or closes, so aria-expanded follows it.
  protected override getStateElement(): Base | null {
    return (this.props.model as TOCModel).popupModel;
  }

  override render() {
    const toc = this.props.model as TOCModel;
    if (!toc.isMobile) return super.render();
    return (
      <div className={toc.containerCss}>
        <div>
          <button
            type="button"
            className="toc-menu-button"
            aria-label={this.props.label as string}
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
