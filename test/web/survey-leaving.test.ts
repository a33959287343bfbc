import 'survey-core/i18n/swedish';
import '../../shared/scoring/scoring-properties';
import {
  Model,
  type QuestionCommentModel,
  type QuestionRadiogroupModel,
  type QuestionTextModel,
  type SurveyModel,
  surveyLocalization,
} from 'survey-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import kommun from '../../shared/surveys/kommun.json';
import {
  followsInAppLink,
  guardInAppLeaving,
  type LeaveGuard,
  leaveAskedAfterStore,
  leavesPage,
  recordFieldValue,
} from '../../web/src/pages/survey/leaving';
import {
  keepingTypedText,
  keepingUnrecorded,
  questionTypedIn,
  recordNumbersWhenLeft,
  textWhenLeft,
  unrecordedAnswers,
} from '../../web/src/pages/survey/number-input';

surveyLocalization.defaultLocale = 'sv';

/** As the survey page builds its model: text recorded as typed, number fields when left. */
function pageModel(json: object = kommun): SurveyModel {
  const model = new Model(json);
  model.locale = 'sv';
  model.checkErrorsMode = 'onValueChanged';
  model.textUpdateMode = 'onTyping';
  recordNumbersWhenLeft(model);
  return model;
}

let model: SurveyModel;
beforeEach(() => {
  model = pageModel();
  model.data = { E4: true, M2: 2045, T1: 40 };
});

const text = (name: string) => model.getQuestionByName(name) as QuestionTextModel;

/** A field as the page reads it when the page goes: its id, text, and how typed commas were read. */
const field = (id: string, value: string, typedCommas?: 'point' | 'thousands') => ({
  id,
  value,
  dataset: typedCommas ? { typedCommas } : {},
});

describe('what a field shows when the page is left without leaving the field (the browser’s Back)', () => {
  it('is a number read as leaving the field reads it: in English, "1,500" is 1500', () => {
    // Act: "1,500" typed in English shows 1.500 until the field is left
    recordFieldValue(model, field(text('E4_kw').inputId, '1.500', 'point'), 'en');
    recordFieldValue(model, field(text('M2').inputId, '2.050', 'point'), 'en');
    // Assert: recorded as the field's blur records it, not as 1.5 and 2.05 (out of range)
    expect(model.data.E4_kw).toBe(1500);
    expect(model.data.M2).toBe(2050);
    expect(unrecordedAnswers(model)).toEqual([]);
    // A point the person typed is a decimal point; in Swedish so is every comma.
    recordFieldValue(model, field(text('E4_kw').inputId, '1.500'), 'en');
    expect(model.data.E4_kw).toBe(1.5);
    recordFieldValue(model, field(text('E4_kw').inputId, '2.500', 'point'), 'sv');
    expect(model.data.E4_kw).toBe(2.5);
    expect(textWhenLeft(field('x', '12.5', 'point'), 'en')).toBe('12.5');
  });

  it('is a comment’s text, whether survey-core records it as typed or only when left', () => {
    const comment = model.getQuestionByName('B1_comment') as QuestionCommentModel;
    recordFieldValue(model, field(comment.inputId, 'Skrivet strax före Bakåt'), 'sv');
    expect(model.data.B1_comment).toBe('Skrivet strax före Bakåt');
    // A comment box recorded only when left (survey-core's own setting for a question's comment
    // area, or one set on the question).
    comment.textUpdateMode = 'onBlur';
    recordFieldValue(model, field(comment.inputId, 'Ändrat'), 'sv');
    expect(model.data.B1_comment).toBe('Ändrat');
  });

  it('is an "other" answer’s text and a question’s comment area', () => {
    const role = model.getQuestionByName('respondent_role') as QuestionRadiogroupModel;
    role.value = 'other';
    recordFieldValue(model, field(role.otherId, 'Miljöstrateg'), 'sv');
    expect(model.data['respondent_role-Comment']).toBe('Miljöstrateg');

    // A question with a comment area (the kansli may add one): survey-core records its text when left.
    const withArea = pageModel({ elements: [{ type: 'boolean', name: 'X', showCommentArea: true }] });
    const x = withArea.getQuestionByName('X');
    recordFieldValue(withArea, field(x.commentId, 'Ett förtydligande'), 'sv');
    expect(withArea.data['X-Comment']).toBe('Ett förtydligande');
  });
});

describe('leaving the survey inside the app', () => {
  const here = 'https://medlemstest.example.se/enkat';
  const click = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
  const link = (href: string, more: Partial<{ target: string; download: boolean }> = {}) => ({
    href,
    target: '',
    download: false,
    ...more,
  });

  it('is another page of the app, not a jump within this one', () => {
    expect(leavesPage(here, 'https://medlemstest.example.se/')).toBe(true);
    expect(leavesPage(here, '/kvitto')).toBe(true);
    expect(leavesPage(here, '/enkat?sida=2')).toBe(true);
    expect(leavesPage(here, '/enkat#main')).toBe(false);
    expect(leavesPage(here, here)).toBe(false);
    // Another site unloads the page: the browser's own warning asks there.
    expect(leavesPage(here, 'https://klimatkommunerna.se/')).toBe(false);
  });

  it('is a link followed in this tab, not one opened beside it', () => {
    expect(followsInAppLink(click, link('/'), here)).toBe(true);
    expect(followsInAppLink(click, link('/', { target: '_self' }), here)).toBe(true);
    expect(followsInAppLink({ ...click, ctrlKey: true }, link('/'), here)).toBe(false);
    expect(followsInAppLink({ ...click, metaKey: true }, link('/'), here)).toBe(false);
    expect(followsInAppLink({ ...click, shiftKey: true }, link('/'), here)).toBe(false);
    expect(followsInAppLink({ ...click, button: 1 }, link('/'), here)).toBe(false);
    expect(followsInAppLink({ ...click, defaultPrevented: true }, link('/'), here)).toBe(false);
    expect(followsInAppLink(click, link('/login?next=%2Fenkat', { target: '_blank' }), here)).toBe(false);
    expect(followsInAppLink(click, link('/api/export.xlsx', { download: true }), here)).toBe(false);
    expect(followsInAppLink(click, link('#main'), here)).toBe(false);
  });
});

/**
 * Just enough of a browser for `guardInAppLeaving`, in Node: window's click listeners, the
 * Navigation API's navigate event, and links that the "browser" follows unless a listener cancels.
 */
class FakeElement {
  closest(_selector: string): FakeElement | null {
    return this instanceof FakeLink ? this : null;
  }
}
class FakeLink extends FakeElement {
  target = '';
  isConnected = true;
  constructor(
    readonly href: string,
    private readonly browser: FakeBrowser,
  ) {
    super();
  }
  hasAttribute(): boolean {
    return false;
  }
  /** A click, by the person or by the guard, as the browser dispatches it. */
  click(): { prevented: boolean } {
    return this.browser.click(this);
  }
}
interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  stopPropagation(): void;
}
class FakeBrowser {
  /** Where the page went: links followed and history entries traversed to. */
  readonly went: string[] = [];
  private readonly listeners = new Map<string, Set<(event: FakeEvent) => void>>();
  private readonly target = (type: string) => ({
    addEventListener: (t: string, fn: (event: FakeEvent) => void) => {
      if (t !== type) return;
      if (!this.listeners.has(t)) this.listeners.set(t, new Set());
      this.listeners.get(t)?.add(fn);
    },
    removeEventListener: (t: string, fn: (event: FakeEvent) => void) => this.listeners.get(t)?.delete(fn),
  });
  readonly navigation = {
    ...this.target('navigate'),
    traverseTo: (key: string) => this.back(key),
  };
  readonly window = {
    location: { href: 'https://medlemstest.example.se/enkat', assign: vi.fn() },
    navigation: this.navigation,
    ...this.target('click'),
  };
  private dispatch(type: string, fields: object): { prevented: boolean } {
    const event = {
      ...fields,
      defaultPrevented: false,
      preventDefault() {
        event.defaultPrevented = true;
      },
      stopPropagation() {},
    };
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event);
    return { prevented: event.defaultPrevented };
  }
  click(link: FakeLink): { prevented: boolean } {
    const click = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    const result = this.dispatch('click', { ...click, target: link });
    if (!result.prevented) this.went.push(link.href);
    return result;
  }
  /** Back (or Forward) to the history entry `key`, the overview. */
  back(key = 'overview'): { prevented: boolean } {
    const destination = { url: 'https://medlemstest.example.se/', key };
    const result = this.dispatch('navigate', { navigationType: 'traverse', destination, cancelable: true });
    if (!result.prevented) this.went.push(`entry:${key}`);
    return result;
  }
  get listening(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

describe('the guard for leaving inside the app, while something pending is stored first', () => {
  let browser: FakeBrowser;
  let overview: FakeLink;
  beforeEach(() => {
    browser = new FakeBrowser();
    overview = new FakeLink('https://medlemstest.example.se/', browser);
    vi.stubGlobal('window', browser.window);
    vi.stubGlobal('Element', FakeElement);
    vi.stubGlobal('HTMLAnchorElement', FakeLink);
  });
  afterEach(() => vi.unstubAllGlobals());

  /** A guard whose store attempt the test settles: true, something would be lost. */
  function pendingGuard() {
    let settle: (lose: boolean) => void = () => {};
    const asked: Array<() => void> = [];
    const guard = {
      wouldLose: vi.fn<LeaveGuard['wouldLose']>(() => new Promise<boolean>((resolve) => (settle = resolve))),
      ask: vi.fn((leave: () => void) => asked.push(leave)),
    };
    return { guard, asked, settle: (lose: boolean) => settle(lose) };
  }
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('follows a link once what was pending is stored, without asking, and only once', async () => {
    const { guard, settle } = pendingGuard();
    const stop = guardInAppLeaving(guard);
    // Act: a click while a save is pending, and a second one while it is being stored
    expect(overview.click().prevented).toBe(true);
    expect(overview.click().prevented).toBe(true);
    expect(browser.went).toEqual([]);
    settle(false);
    await settled();
    // Assert: one store attempt, then the link followed once, without a question
    expect(guard.wouldLose).toHaveBeenCalledTimes(1);
    expect(guard.ask).not.toHaveBeenCalled();
    expect(browser.went).toEqual(['https://medlemstest.example.se/']);
    stop();
  });

  it('asks about a link when it cannot be stored; leaving anyway follows it', async () => {
    const { guard, asked, settle } = pendingGuard();
    const stop = guardInAppLeaving(guard);
    overview.click();
    // Not before the store attempt has failed.
    expect(guard.ask).not.toHaveBeenCalled();
    settle(true);
    await settled();
    expect(guard.ask).toHaveBeenCalledTimes(1);
    expect(browser.went).toEqual([]);
    // "Lämna enkäten ändå"
    asked[0]?.();
    expect(browser.went).toEqual(['https://medlemstest.example.se/']);
    stop();
  });

  it('stops Back at once, then goes to the very entry chosen once stored, or asks', async () => {
    const { guard, asked, settle } = pendingGuard();
    const stop = guardInAppLeaving(guard);
    // Stored: Back goes on without a question.
    expect(browser.back('entry-1').prevented).toBe(true);
    // A second Back, or a link, while it is being stored is stopped and waits for the first.
    expect(browser.back('entry-0').prevented).toBe(true);
    expect(overview.click().prevented).toBe(true);
    settle(false);
    await settled();
    expect(guard.ask).not.toHaveBeenCalled();
    expect(browser.went).toEqual(['entry:entry-1']);
    stop();

    // Not stored: asked; leaving anyway traverses to the entry Back was going to.
    const failing = pendingGuard();
    const stopFailing = guardInAppLeaving(failing.guard);
    browser.back('entry-1');
    failing.settle(true);
    await settled();
    expect(failing.asked).toHaveLength(1);
    failing.asked[0]?.();
    expect(browser.went).toEqual(['entry:entry-1', 'entry:entry-1']);
    expect(asked).toEqual([]);
    stopFailing();
  });

  it('goes nowhere and asks nothing once stopped (the page went another way) while storing', async () => {
    const { guard, settle } = pendingGuard();
    const stop = guardInAppLeaving(guard);
    overview.click();
    stop();
    settle(false);
    await settled();
    expect(guard.ask).not.toHaveBeenCalled();
    expect(browser.went).toEqual([]);
    expect(browser.listening).toBe(0);
  });

  it('answers at once when nothing is pending, and asks when the store attempt throws', async () => {
    const lose = { value: false };
    const asked: Array<() => void> = [];
    const stop = guardInAppLeaving({ wouldLose: () => lose.value, ask: (leave) => asked.push(leave) });
    expect(overview.click().prevented).toBe(false);
    lose.value = true;
    expect(browser.back().prevented).toBe(true);
    expect(asked).toHaveLength(1);
    // A store attempt that throws counts as one that failed.
    stop();
    const stopThrowing = guardInAppLeaving({
      wouldLose: () => Promise.reject(new Error('autosave retrying')),
      ask: (leave) => asked.push(leave),
    });
    expect(overview.click().prevented).toBe(true);
    expect(asked).toHaveLength(1);
    await settled();
    expect(asked).toHaveLength(2);
    stopThrowing();
  });
});

/** A field's text as an input element holds it: an accessor on the prototype, as in the DOM. */
class FakeInput {
  #text = '';
  validity = { badInput: false };
  constructor(readonly id: string) {}
  get value(): string {
    return this.#text;
  }
  set value(text: string) {
    this.#text = text;
  }
}

describe('a merge while a number is being typed', () => {
  /** What survey-react-ui does to a field it draws again: writes the recorded value in, if it differs. */
  const redraw = (input: FakeInput) => {
    if (String(text('T1').inputValue ?? '') !== input.value) input.value = String(text('T1').inputValue ?? '');
  };

  it('keeps the text being typed, which is recorded over the merged answer once the field is left', () => {
    const input = new FakeInput(text('T1').inputId);
    input.value = '88';
    expect(questionTypedIn(model, input)?.name).toBe('T1');
    // Act: the other contact's 33 comes in by an automatic merge
    keepingTypedText(input, () => {
      keepingUnrecorded(model, () => {
        model.data = { E4: true, M2: 2045, T1: 33 };
      });
      redraw(input);
    });
    // Assert: the field still shows what the person typed, the answers hold theirs until it is left
    expect(input.value).toBe('88');
    expect(model.data.T1).toBe(33);
    recordFieldValue(model, { ...input, value: input.value, dataset: {} }, 'sv');
    expect(model.data.T1).toBe(88);
    // Writing to the field works again afterwards.
    input.value = '1';
    expect(input.value).toBe('1');
  });

  it('lets a field nobody typed in show the merged answer', () => {
    const input = new FakeInput(text('T1').inputId);
    input.value = '40';
    expect(questionTypedIn(model, input)).toBeNull();
    // Text the browser cannot read as a number yet ("-") is being typed.
    input.value = '';
    input.validity.badInput = true;
    expect(questionTypedIn(model, input)?.name).toBe('T1');
    expect(questionTypedIn(model, { id: 'respondent_name', value: 'x', validity: { badInput: false } })).toBeNull();
    // Without a field, the answers are simply set.
    keepingTypedText(null, () => {
      model.data = { T1: 33 };
    });
    expect(model.data.T1).toBe(33);
  });
});

describe('the dialog about leaving when a retry stores the answers while it is open', () => {
  const leave = () => {};

  it('says the answers are saved now, so "Lämna enkäten" goes without a warning (the page does not leave by itself)', () => {
    const asked = { questions: [], unsaved: true, leave };
    expect(leaveAskedAfterStore(asked, [])).toEqual({ questions: [], unsaved: false, storedSince: true, leave });
  });

  it('keeps the warning that still holds: a number out of range is still not saved', () => {
    const asked = { questions: ['T1'], unsaved: true, leave };
    expect(leaveAskedAfterStore(asked, ['T1'])).toEqual({
      questions: ['T1'],
      unsaved: false,
      storedSince: false,
      leave,
    });
  });

  it('leaves a dialog about a number out of range alone: no save can help that', () => {
    const asked = { questions: ['T1'], unsaved: false, leave };
    expect(leaveAskedAfterStore(asked, ['T1'])).toBe(asked);
  });
});
