import { type Contact, ContactSchema } from '../../../shared/schemas/contact.schema';
import { type Organisation, OrganisationSchema } from '../../../shared/schemas/organisation.schema';
import {
  type Editor,
  type ResponseSummary,
  ResponseSummarySchema,
  ScoreSummarySchema,
  type SurveyData,
  type SurveyResponse,
  SurveyResponseSchema,
} from '../../../shared/schemas/response.schema';
import type { ScoreResult } from '../../../shared/scoring/score.schema';
import type { Item, TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/** Raised inside the repository when a response write's condition fails; the service says why. */
export class ResponseWriteRefused extends Error {
  readonly code = 'response_write_refused';
}

export interface OrganisationBundle {
  organisation?: Organisation;
  contacts: Contact[];
  responses: Map<number, SurveyResponse>;
}

interface WriteGuard {
  expectedVersion: number;
  /** False once the campaign deadline has passed: then only an organisation's own extension allows writes. */
  campaignAcceptsWrites: boolean;
  now: string;
}

/**
 * Responses live in their organisation's partition (`ORG#<code> / RESPONSE#<year>`), so one
 * query answers the organisation, its contacts and its responses; gsi1 lists a campaign's.
 * Every write is one conditional UpdateItem on the version.
 */
export class ResponseRepository {
  constructor(private readonly store: TableStore) {}

  /** The organisation, its contacts and every year's response: one query. */
  async bundle(organisationId: string): Promise<OrganisationBundle> {
    const items = await this.store.queryAll({ partition: keys.organisation(organisationId).pk });
    const bundle: OrganisationBundle = { contacts: [], responses: new Map() };
    for (const item of items) {
      if (item.sk === 'META') bundle.organisation = OrganisationSchema.parse(item);
      else if (item.sk.startsWith(keys.contactPrefix)) bundle.contacts.push(ContactSchema.parse(item));
      else if (item.sk.startsWith(keys.responsePrefix)) {
        const response = parseResponse(item);
        bundle.responses.set(response.year, response);
      }
    }
    return bundle;
  }

  async get(year: number, organisationId: string): Promise<SurveyResponse | undefined> {
    const item = await this.store.get(keys.response(year, organisationId));
    return item ? parseResponse(item) : undefined;
  }

  /**
   * Every response of a campaign without its answers, review and score detail (the score's headline
   * only), by organisation code. Pages are as many as for the whole responses (DynamoDB reads whole
   * items), but the answers, some 4 KB each, and the score's questions are neither sent nor parsed.
   */
  async listSummariesByCampaign(year: number): Promise<ResponseSummary[]> {
    const items = await this.store.queryAll({
      index: 'gsi1',
      partition: keys.responsesOfCampaignPk(year),
      attributes: SUMMARY_ATTRIBUTES,
    });
    return items.map((item) => ResponseSummarySchema.parse({ ...RESPONSE_DEFAULTS, ...item }));
  }

  /** Every response of a campaign, by organisation code; one query per 1 MB page. */
  async listByCampaign(year: number): Promise<SurveyResponse[]> {
    const items = await this.store.queryAll({ index: 'gsi1', partition: keys.responsesOfCampaignPk(year) });
    return items.map(parseResponse);
  }

  /**
   * Saves a draft as version expected+1 and answers what it wrote. Throws ResponseWriteRefused
   * when the guard fails.
   */
  async saveDraft(
    input: {
      year: number;
      organisationId: string;
      organisationType: 'kommun' | 'region';
      data: SurveyData;
      editor: Editor;
      answered: number;
      totalQuestions: number;
    } & WriteGuard,
  ): Promise<Pick<SurveyResponse, 'version' | 'updatedAt' | 'updatedBy'>> {
    const version = input.expectedVersion + 1;
    await this.store.updateWithoutReturn(
      keys.response(input.year, input.organisationId),
      {
        set: {
          // The item's identity only on the first save: later saves find it there, and a shorter
          // update is cheaper to parse and apply on every autosave.
          ...(input.expectedVersion === 0 ? responseIdentity(input) : {}),
          data: input.data,
          version,
          status: 'draft',
          updatedAt: input.now,
          updatedBy: input.editor,
          answered: input.answered,
          totalQuestions: input.totalQuestions,
        },
      },
      guardCondition(input),
    );
    return { version, updatedAt: input.now, updatedBy: input.editor };
  }

  /**
   * Marks the response submitted with its cleaned data and score, as version expected+1. The score
   * applies the overrides as read (`expectedOverrides`, none when left out), so the write also
   * requires the override list to be unchanged: a removal on the reopened draft in between would
   * otherwise leave a score counting an override that is gone.
   */
  async submit(
    input: {
      year: number;
      organisationId: string;
      data: SurveyData;
      editor: Editor;
      score: ScoreResult;
      expectedOverrides?: SurveyResponse['overrides'];
      /**
       * `countStaleOverrides` of `data` and `expectedOverrides`: the review list's flag. The member's
       * submit always gives it; left out (a test's seeding) the stored value stays as it is.
       */
      overridesToCheck?: number;
      answered: number;
      totalQuestions: number;
    } & WriteGuard,
  ): Promise<SurveyResponse> {
    const guard = guardCondition(input);
    const unchanged = overridesUnchanged(input.expectedOverrides ?? []);
    const item = await this.store.update(
      keys.response(input.year, input.organisationId),
      {
        set: {
          data: input.data,
          version: input.expectedVersion + 1,
          status: 'submitted',
          submittedAt: input.now,
          submittedBy: input.editor,
          updatedAt: input.now,
          updatedBy: input.editor,
          score: input.score,
          ...(input.overridesToCheck === undefined ? {} : { overridesToCheck: input.overridesToCheck }),
          answered: input.answered,
          totalQuestions: input.totalQuestions,
        },
      },
      {
        ...guard,
        expression: `${guard.expression} AND ${unchanged.expression}`,
        names: { ...guard.names, ...unchanged.names },
        values: { ...guard.values, ...unchanged.values },
      },
    );
    return parseResponse(item);
  }

  /**
   * Applies an admin change to a response (reopen, excuse), creating it if needed. With
   * `expectedVersion` the write requires the stored version to be that (0: none saved yet), so a
   * member's save or submit since the caller read wins; with `expectedExcused` it requires the
   * excused flag to be that (absent counts as false), so a second excuse changes nothing; with
   * `reopensAsRead` it requires the reopen history to be as read (`reopensUnchanged`), so a reopen
   * that rewrites it with one more entry loses no concurrent one. A failed requirement throws
   * ResponseWriteRefused and writes nothing.
   */
  async adminUpdate(
    year: number,
    organisationId: string,
    organisationType: 'kommun' | 'region',
    set: Record<string, unknown>,
    options: {
      remove?: string[];
      expectedVersion?: number;
      expectedExcused?: boolean;
      reopensAsRead?: Pick<SurveyResponse, 'reopens' | 'reopen'>;
    } = {},
  ): Promise<SurveyResponse> {
    const parts: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (options.expectedVersion !== undefined) {
      parts.push(versionExpression(options.expectedVersion));
      names['#version'] = 'version';
      values[':expected'] = options.expectedVersion;
    }
    if (options.expectedExcused !== undefined) {
      parts.push(
        options.expectedExcused ? '#excused = :excused' : '(attribute_not_exists(#excused) OR #excused = :excused)',
      );
      names['#excused'] = 'excused';
      values[':excused'] = options.expectedExcused;
    }
    if (options.reopensAsRead) {
      const unchanged = reopensUnchanged(options.reopensAsRead);
      parts.push(unchanged.expression);
      Object.assign(names, unchanged.names);
      Object.assign(values, unchanged.values);
    }
    const item = await this.store.update(
      keys.response(year, organisationId),
      {
        set: {
          ...responseIdentity({ year, organisationId, organisationType }),
          ...set,
        },
        remove: options.remove,
      },
      parts.length === 0
        ? undefined
        : {
            kind: 'expression',
            expression: parts.join(' AND '),
            names,
            values,
            onFail: () => new ResponseWriteRefused('admin'),
          },
    );
    return parseResponse(item);
  }

  /**
   * Writes a response's override list as the caller made it from `expected`, the list as read: an
   * override appended, or a question's overrides removed. One conditional UpdateItem that requires
   * the stored list to still have `expected`'s length and last entry; otherwise it throws
   * ResponseWriteRefused and the caller re-reads. Entries are only ever appended at the end or
   * removed, so a list with the same length and the same last entry is the list that was read:
   * neither a concurrent append nor a concurrent removal is lost.
   *
   * The stored score is always the effective one (overrides applied), so:
   * - with `scored` (a submitted response) the same write stores the score made with `next`, as
   *   version `expectedVersion + 1`, and requires the response to be submitted at that version, so
   *   it was scored from the answers as read, and a re-scoring that read it before cannot overwrite
   *   the new score (its write is conditioned on the version this one bumps);
   * - without it the write requires the response not to be submitted (a reopened draft) and leaves
   *   the score alone: the next submit scores it with the list as it then is.
   */
  async replaceOverrides(input: {
    year: number;
    organisationId: string;
    organisationType: 'kommun' | 'region';
    expected: SurveyResponse['overrides'];
    next: SurveyResponse['overrides'];
    /**
     * `countStaleOverrides` of the answers as read and `next`. Exact on a submitted response (the
     * version guard); on a draft the next submit counts again, and the list shows it only once
     * submitted. The review service always gives it; left out, the stored value stays as it is.
     */
    overridesToCheck?: number;
    scored?: { score: ScoreResult; expectedVersion: number; at: string };
  }): Promise<SurveyResponse> {
    const unchanged = overridesUnchanged(input.expected);
    const names: Record<string, string> = { ...unchanged.names, '#status': 'status' };
    const values: Record<string, unknown> = { ...unchanged.values, ':submitted': 'submitted' };
    const parts = [unchanged.expression];
    const { scored } = input;
    if (scored) {
      names['#version'] = 'version';
      values[':version'] = scored.expectedVersion;
      parts.push('#version = :version', '#status = :submitted');
    } else {
      parts.push('(attribute_not_exists(#status) OR #status <> :submitted)');
    }
    const item = await this.store.update(
      keys.response(input.year, input.organisationId),
      {
        set: {
          ...responseIdentity(input),
          overrides: input.next,
          ...(input.overridesToCheck === undefined ? {} : { overridesToCheck: input.overridesToCheck }),
          ...(scored ? { score: scored.score, version: scored.expectedVersion + 1, scoredAt: scored.at } : {}),
        },
      },
      {
        kind: 'expression',
        expression: parts.join(' AND '),
        names,
        values,
        onFail: () => new ResponseWriteRefused('overrides'),
      },
    );
    return parseResponse(item);
  }

  /**
   * Appends to a list the kansli keeps on a response (`notes`; overrides go through
   * `replaceOverrides`, since they can also be removed), creating the response
   * if needed. One conditional UpdateItem: it fails with ResponseWriteRefused when someone appended
   * since the caller read `expectedLength` items, or the status is not `requireStatus`.
   */
  async appendAdminEntry(input: {
    year: number;
    organisationId: string;
    organisationType: 'kommun' | 'region';
    list: 'overrides' | 'notes';
    entries: unknown[];
    expectedLength: number;
    requireStatus?: SurveyResponse['status'];
  }): Promise<SurveyResponse> {
    const sizeCheck =
      input.expectedLength === 0 ? '(attribute_not_exists(#list) OR size(#list) = :n)' : 'size(#list) = :n';
    const item = await this.store.update(
      keys.response(input.year, input.organisationId),
      {
        set: {
          ...responseIdentity(input),
          [input.list]: input.entries,
        },
      },
      {
        kind: 'expression',
        expression: input.requireStatus ? `${sizeCheck} AND #status = :status` : sizeCheck,
        names: { '#list': input.list, ...(input.requireStatus ? { '#status': 'status' } : {}) },
        values: { ':n': input.expectedLength, ...(input.requireStatus ? { ':status': input.requireStatus } : {}) },
        onFail: () => new ResponseWriteRefused(input.list),
      },
    );
    return parseResponse(item);
  }
}

function versionExpression(expected: number): string {
  return expected === 0 ? '(attribute_not_exists(#version) OR #version = :expected)' : '#version = :expected';
}

/**
 * The override list is still `expected`: the same length and the same last entry (entries are only
 * appended at the end or removed). Its names and values do not clash with `guardCondition`'s.
 */
function overridesUnchanged(expected: SurveyResponse['overrides']): {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  const n = expected.length;
  const last = expected[n - 1];
  if (!last) {
    return {
      expression: '(attribute_not_exists(#overrides) OR size(#overrides) = :overridesLength)',
      names: { '#overrides': 'overrides' },
      values: { ':overridesLength': 0 },
    };
  }
  const entry = `#overrides[${n - 1}]`;
  return {
    expression: `size(#overrides) = :overridesLength AND ${entry}.#at = :lastAt AND ${entry}.#by = :lastBy AND ${entry}.#question = :lastQuestion`,
    names: { '#overrides': 'overrides', '#at': 'at', '#by': 'by', '#question': 'question' },
    values: { ':overridesLength': n, ':lastAt': last.at, ':lastBy': last.by, ':lastQuestion': last.question },
  };
}

/**
 * The reopen history is still as read: the list's length and its last entry's time, or, on an item
 * written before the list was kept, the single `reopen` with no list. The list's entries are only
 * appended (the oldest dropped past the cap), so a concurrent reopen always changes its last entry.
 */
function reopensUnchanged(read: Pick<SurveyResponse, 'reopens' | 'reopen'>): {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  const names: Record<string, string> = { '#reopens': 'reopens', '#reopen': 'reopen', '#reopenAt': 'at' };
  // Each branch names only what its expression uses: DynamoDB refuses an unused attribute name.
  const condition = (expression: string, values: Record<string, unknown> = {}) => {
    const used = new Set(expression.match(/#\w+/g));
    return { expression, names: Object.fromEntries(Object.entries(names).filter(([name]) => used.has(name))), values };
  };
  const last = read.reopens?.[read.reopens.length - 1];
  if (read.reopens && last) {
    const n = read.reopens.length;
    return condition(`size(#reopens) = :reopensLength AND #reopens[${n - 1}].#reopenAt = :reopenAt`, {
      ':reopensLength': n,
      ':reopenAt': last.at,
    });
  }
  if (read.reopen) {
    return condition('attribute_not_exists(#reopens) AND #reopen.#reopenAt = :reopenAt', {
      ':reopenAt': read.reopen.at,
    });
  }
  return condition('attribute_not_exists(#reopens) AND attribute_not_exists(#reopen)');
}

function guardCondition(guard: WriteGuard) {
  const parts = [versionExpression(guard.expectedVersion), '(attribute_not_exists(#status) OR #status <> :submitted)'];
  const values: Record<string, unknown> = { ':expected': guard.expectedVersion, ':submitted': 'submitted' };
  if (!guard.campaignAcceptsWrites) {
    parts.push('closesAtOverride > :now');
    values[':now'] = guard.now;
  }
  return {
    kind: 'expression' as const,
    expression: parts.join(' AND '),
    names: { '#version': 'version', '#status': 'status' },
    values,
    onFail: () => new ResponseWriteRefused('guard'),
  };
}

/**
 * What makes an item a response listed under its campaign (gsi1). Every write that may create the
 * item sets it; later writes need not, since UpdateItem keeps the attributes it does not name.
 */
function responseIdentity(input: { year: number; organisationId: string; organisationType: 'kommun' | 'region' }) {
  return {
    ...keys.responseListing(input.year, input.organisationId),
    entity: 'Response',
    year: input.year,
    organisationId: input.organisationId,
    organisationType: input.organisationType,
  };
}

/** An item an admin created before anyone answered (an excuse, a reopen) has no data or version yet. */
const RESPONSE_DEFAULTS = { version: 0, status: 'not_started' } as const;
// The score's headline fields by document path (`score.total`, …): its sections and questions stay behind.
const SUMMARY_ATTRIBUTES = Object.keys(ResponseSummarySchema.shape).flatMap((name) =>
  name === 'score' ? Object.keys(ScoreSummarySchema.shape).map((field) => `score.${field}`) : [name],
);

export function parseResponse(item: Item): SurveyResponse {
  return SurveyResponseSchema.parse({ data: {}, ...RESPONSE_DEFAULTS, ...item });
}
