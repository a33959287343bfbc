import type { Base, TOCModel } from 'survey-core';
import { Popup, ReactElementFactory, SurveyProgressToc, SvgIcon } from 'survey-react-ui';
import { useT } from '../../i18n';

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
  return <AccessibleProgressToc {...props} label={t('survey.toc.menu')} />;
}

ReactElementFactory.Instance.registerElement('sv-navigation-toc', (props: Record<string, unknown>) => (
  <LabelledProgressToc {...props} />
));
