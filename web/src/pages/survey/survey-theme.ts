import type { ITheme } from 'survey-core';

/** SurveyJS's default light theme in the site's colours and type; see styles/survey.css for the rest. */
export const SURVEY_THEME: ITheme = {
  themeName: 'default',
  colorPalette: 'light',
  isPanelless: false,
  cssVariables: {
    '--sjs2-color-project-brand-600': '#14614a',
    '--sjs2-color-project-brand-700': '#0f4f3c',
    '--sjs2-color-project-brand-800': '#0b3d2e',
    '--sjs2-typography-font-family-text':
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    '--sjs2-color-utility-surface-survey': '#eef3ef',
    '--sjs2-color-bg-basic-secondary': '#f7f8f6',
  },
};
