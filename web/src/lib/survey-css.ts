let loading: Promise<void> | null = null;

/**
 * Loads the survey page's stylesheets (SurveyJS's fontless theme and our overrides) once, so the
 * other pages never download them. Resolves when they have loaded or failed; a failed stylesheet
 * leaves the survey usable, only plainer.
 */
export function loadSurveyCss(): Promise<void> {
  if (loading) return loading;
  const hrefs = typeof __SURVEY_CSS__ === 'undefined' ? [] : __SURVEY_CSS__;
  loading = Promise.all(
    hrefs.map(
      (href) =>
        new Promise<void>((resolve) => {
          const existing = document.querySelector(`link[href="${href}"]`);
          if (existing) return resolve();
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = href;
          link.onload = () => resolve();
          link.onerror = () => resolve();
          document.head.appendChild(link);
        }),
    ),
  ).then(() => undefined);
  return loading;
}
