import {
  AlreadyClaimedError,
  AlreadyExistsError,
  DomainRuleError,
  NotFoundError,
  PayloadTooLargeError,
  StoreUnavailableError,
  VersionConflictError,
} from '../errors/domain-errors';
import type { Item, QueryPage, QuerySpec, TableStore, UpdateSpec, WriteCondition } from '../ports/table-store';
import type { DynamoDbDriver } from './dynamodb-driver';
import { type ItemKey, TABLE_DESIGN } from './table-design';

const UNAVAILABLE_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'ECONNREFUSED',
  'ECONNRESET',
]);

interface ConditionParts {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * The DynamoDB adapter of the storage port. It only stores: it builds requests, and turns
 * driver errors into domain errors (a failed condition into the error its kind names,
 * throttling into StoreUnavailableError). The same code runs against dynalite and AWS, over
 * either transport (functions/store/dynamodb-driver.ts).
 */
export class DynamoDbTableStore implements TableStore {
  constructor(
    private readonly driver: DynamoDbDriver,
    private readonly tableName: string,
  ) {}

  async get(key: ItemKey, options?: { consistent?: boolean }): Promise<Item | undefined> {
    const out = await this.call(() =>
      this.driver.send('GetItem', {
        TableName: this.tableName,
        Key: pickKey(key),
        ConsistentRead: options?.consistent ?? true,
      }),
    );
    return out.Item as Item | undefined;
  }

  async batchGet(keys: ItemKey[]): Promise<Item[]> {
    if (keys.length === 0) return [];
    if (keys.length > 100) throw new RangeError('batchGet takes at most 100 keys');
    const items: Item[] = [];
    let pending: Record<string, unknown>[] | undefined = keys.map(pickKey);
    for (let attempt = 0; pending && pending.length > 0 && attempt < 5; attempt++) {
      const request: Record<string, unknown>[] = pending;
      const out = await this.call(() =>
        this.driver.send('BatchGetItem', {
          RequestItems: { [this.tableName]: { Keys: request, ConsistentRead: true } },
        }),
      );
      items.push(...((out.Responses?.[this.tableName] ?? []) as Item[]));
      pending = out.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
    if (pending && pending.length > 0) throw new StoreUnavailableError('Lagringen är överbelastad just nu.');
    return items;
  }

  async put(item: Item, condition?: WriteCondition): Promise<void> {
    await this.call(
      () => this.driver.send('PutItem', { TableName: this.tableName, Item: item, ...conditionParts(condition) }),
      condition,
    );
  }

  async update(key: ItemKey, spec: UpdateSpec, condition?: WriteCondition): Promise<Item> {
    const out = await this.call(
      () => this.driver.send('UpdateItem', { ...this.updateInput(key, spec, condition), ReturnValues: 'ALL_NEW' }),
      condition,
    );
    return out.Attributes as Item;
  }

  // ReturnValues NONE: the item (a whole survey draft) does not travel back to be parsed again.
  async updateWithoutReturn(key: ItemKey, spec: UpdateSpec, condition?: WriteCondition): Promise<void> {
    await this.call(
      () => this.driver.send('UpdateItem', { ...this.updateInput(key, spec, condition), ReturnValues: 'NONE' }),
      condition,
    );
  }

  private updateInput(key: ItemKey, spec: UpdateSpec, condition?: WriteCondition) {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const clauses: string[] = [];
    const sets = Object.entries(spec.set ?? {}).map(([attr, value], i) => {
      names[`#s${i}`] = attr;
      values[`:s${i}`] = value;
      return `#s${i} = :s${i}`;
    });
    if (sets.length) clauses.push(`SET ${sets.join(', ')}`);
    const adds = Object.entries(spec.add ?? {}).map(([attr, value], i) => {
      names[`#a${i}`] = attr;
      values[`:a${i}`] = value;
      return `#a${i} :a${i}`;
    });
    if (adds.length) clauses.push(`ADD ${adds.join(', ')}`);
    const removes = (spec.remove ?? []).map((attr, i) => {
      names[`#r${i}`] = attr;
      return `#r${i}`;
    });
    if (removes.length) clauses.push(`REMOVE ${removes.join(', ')}`);
    const cond = conditionParts(condition);
    return {
      TableName: this.tableName,
      Key: pickKey(key),
      UpdateExpression: clauses.join(' '),
      ConditionExpression: cond.ConditionExpression,
      ExpressionAttributeNames: { ...names, ...cond.ExpressionAttributeNames },
      ExpressionAttributeValues: emptyToUndefined({ ...values, ...cond.ExpressionAttributeValues }),
    };
  }

  async delete(key: ItemKey, condition?: WriteCondition): Promise<void> {
    await this.call(
      () =>
        this.driver.send('DeleteItem', { TableName: this.tableName, Key: pickKey(key), ...conditionParts(condition) }),
      condition,
    );
  }

  async query(spec: QuerySpec): Promise<QueryPage> {
    const index = spec.index ? TABLE_DESIGN.indexes[spec.index] : TABLE_DESIGN;
    const names: Record<string, string> = { '#p': index.partitionKey };
    const values: Record<string, unknown> = { ':p': spec.partition };
    let expression = '#p = :p';
    if (spec.beginsWith !== undefined) {
      names['#s'] = index.sortKey;
      values[':b'] = spec.beginsWith;
      expression += ' AND begins_with(#s, :b)';
    } else if (spec.between) {
      names['#s'] = index.sortKey;
      values[':lo'] = spec.between[0];
      values[':hi'] = spec.between[1];
      expression += ' AND #s BETWEEN :lo AND :hi';
    }
    // Each segment of a document path gets its own name: `score.total` → `#a3_0.#a3_1`.
    const projected = spec.attributes?.map((attribute, i) =>
      attribute
        .split('.')
        .map((segment, j) => {
          names[`#a${i}_${j}`] = segment;
          return `#a${i}_${j}`;
        })
        .join('.'),
    );
    const out = await this.call(() =>
      this.driver.send('Query', {
        TableName: this.tableName,
        IndexName: spec.index,
        KeyConditionExpression: expression,
        ProjectionExpression: projected?.join(', '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        Limit: spec.limit,
        ScanIndexForward: !spec.newestFirst,
        ExclusiveStartKey: spec.cursor ? decodeCursor(spec.cursor) : undefined,
        ConsistentRead: spec.index ? undefined : (spec.consistent ?? true),
      }),
    );
    return {
      items: (out.Items ?? []) as Item[],
      cursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey) : undefined,
    };
  }

  async queryAll(spec: Omit<QuerySpec, 'cursor'>): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.query({ ...spec, cursor });
      items.push(...page.items);
      cursor = page.cursor;
    } while (cursor && (spec.limit === undefined || items.length < spec.limit));
    return items;
  }

  async batchWrite(ops: Array<{ put: Item } | { delete: ItemKey }>): Promise<void> {
    for (let i = 0; i < ops.length; i += 25) {
      let pending: unknown[] | undefined = ops
        .slice(i, i + 25)
        .map((op) => ('put' in op ? { PutRequest: { Item: op.put } } : { DeleteRequest: { Key: pickKey(op.delete) } }));
      for (let attempt = 0; pending && pending.length > 0 && attempt < 8; attempt++) {
        if (attempt > 0) await sleep(20 * 2 ** attempt);
        const request: unknown[] = pending;
        const out = await this.call(() =>
          this.driver.send('BatchWriteItem', { RequestItems: { [this.tableName]: request as never } }),
        );
        pending = out.UnprocessedItems?.[this.tableName] as unknown[] | undefined;
      }
      if (pending && pending.length > 0) throw new StoreUnavailableError('Lagringen är överbelastad just nu.');
    }
  }

  private async call<T>(send: () => Promise<T>, condition?: WriteCondition): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw translateError(error, condition);
    }
  }
}

function messageOf(error: unknown): string {
  return String((error as { message?: unknown })?.message ?? '');
}

function translateError(error: unknown, condition?: WriteCondition): Error {
  const name = (error as { name?: string; code?: string })?.name ?? '';
  const code = (error as { code?: string })?.code ?? '';
  if (name === 'ConditionalCheckFailedException' && condition) {
    switch (condition.kind) {
      case 'absent':
        return new AlreadyExistsError('Posten finns redan.');
      case 'exists':
        return new NotFoundError('Posten finns inte.');
      case 'version':
        return new VersionConflictError('Någon annan har sparat en nyare version.');
      case 'claim':
        return new AlreadyClaimedError('Redan tagen.');
      case 'expression':
        return condition.onFail();
    }
  }
  if (UNAVAILABLE_ERRORS.has(name) || UNAVAILABLE_ERRORS.has(code)) {
    return new StoreUnavailableError('Lagringen svarar inte just nu. Försök igen om en stund.');
  }
  const validation = name === 'ValidationException' || code === 'ValidationException';
  // DynamoDB's 400 KB item limit: input within every field's limit can still add up past it.
  if (validation && /item size/i.test(messageOf(error))) {
    return new PayloadTooLargeError(
      'Innehållet blir för stort för att sparas (högst 400 kB). Korta ner de längsta texterna.',
      undefined,
      'The content is too large to be saved (at most 400 KB). Shorten the longest texts.',
    );
  }
  // A number outside what can be stored, should one get past the checks of input: the request's
  // fault, not ours. Only these exact messages; any other ValidationException is our bug (a 500).
  if (
    (validation && /\bNumber (overflow|underflow)\. Attempting to store a number\b/.test(messageOf(error))) ||
    (name === 'Error' && /^Number \S+ is (greater|lesser) than Number\.(MAX|MIN)_SAFE_INTEGER\b/.test(messageOf(error)))
  ) {
    return new DomainRuleError(
      'number_not_storable',
      'Ett tal är för stort eller för litet för att sparas. Kontrollera svaren.',
      undefined,
      'A number is too large or too small to be saved. Check the answers.',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

function conditionParts(condition?: WriteCondition): ConditionParts {
  if (!condition) return {};
  switch (condition.kind) {
    case 'absent':
      return { ConditionExpression: 'attribute_not_exists(pk)' };
    case 'exists':
      return { ConditionExpression: 'attribute_exists(pk)' };
    case 'version':
      return condition.expected === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :expectedVersion',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expectedVersion': condition.expected },
          };
    case 'claim':
    case 'expression':
      return {
        ConditionExpression: condition.expression,
        ExpressionAttributeNames: condition.names,
        ExpressionAttributeValues: condition.values,
      };
  }
}

function pickKey(key: ItemKey): Record<string, unknown> {
  return { pk: key.pk, sk: key.sk };
}

function emptyToUndefined<T extends Record<string, unknown>>(values: T): T | undefined {
  return Object.keys(values).length ? values : undefined;
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
