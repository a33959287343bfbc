/**
 * A lightweight index of a survey's answerable keys and what each accepts, built from plain JSON
 * (no survey-core) so the autosave path stays small.
 */
import {
  acceptsComment,
  COMMENT_SUFFIX,
  choiceItems,
  hasOtherItem,
  isJsonObject,
  type JsonObject,
  walkSurvey,
} from '../scoring/survey-json';

export interface IndexedQuestion {
  name: string;
  type: string;
  json: JsonObject;
  /** Allowed choice values as strings; null when the choices are not static (e.g. from a URL). */
  choices: Set<string> | null;
  acceptsComment: boolean;
}

export interface QuestionIndex {
  questions: Map<string, IndexedQuestion>;
  /** `<name>-Comment` keys that are allowed, mapped to their question. */
  commentKeys: Map<string, string>;
}

function allowedChoices(question: JsonObject): Set<string> | null {
  if (question.choicesByUrl !== undefined || question.choicesFromQuestion !== undefined) return null;
  const values = new Set(choiceItems(question).map((item) => String(item.value)));
  if (hasOtherItem(question)) values.add(String(question.otherItemValue ?? 'other'));
  if (question.showNoneItem === true || question.hasNone === true) values.add(String(question.noneItemValue ?? 'none'));
  if (question.showRefuseItem === true) values.add('refused');
  if (question.showDontKnowItem === true) values.add('dontknow');
  return values;
}

const index = new WeakMap<object, QuestionIndex>();

/**
 * Returns the question index of a survey JSON object, built once and cached by object identity.
 * @throws TypeError when the survey JSON is not an object.
 */
export function questionIndexOf(surveyJson: object): QuestionIndex {
  const cached = index.get(surveyJson);
  if (cached) return cached;
  const questions = new Map<string, IndexedQuestion>();
  const commentKeys = new Map<string, string>();
  for (const node of walkSurvey(surveyJson).questions) {
    const comment = acceptsComment(node.json);
    questions.set(node.name, {
      name: node.name,
      type: node.type,
      json: node.json,
      choices: isJsonObject(node.json) ? allowedChoices(node.json) : null,
      acceptsComment: comment,
    });
    if (comment) commentKeys.set(node.name + COMMENT_SUFFIX, node.name);
  }
  const built = { questions, commentKeys };
  index.set(surveyJson, built);
  return built;
}
