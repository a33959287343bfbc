import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  AlreadyClaimedError,
  AlreadyExistsError,
  DomainRuleError,
  NotFoundError,
  PayloadTooLargeError,
  StoreUnavailableError,
  VersionConflictError,
} from '../../functions/errors/domain-errors';
import { ensureTable } from '../../functions/store/create-table';
import { createDynamoDbClients, localAwsLiteDriver } from '../../functions/store/dynamodb-client';
import type { DynamoDbDriver } from '../../functions/store/dynamodb-driver';
import { DynamoDbTableStore } from '../../functions/store/dynamodb-table-store';
import { sdkDynamoDbDriver } from '../../functions/store/sdk-dynamodb-driver';

/**
 * The table store's contract, run over both transports against the run's dynalite: what one
 * answers the other must answer too, errors included. The deployed functions use aws-lite and
 * the API tests the SDK, so this is what lets the API tests speak for the deployed code.
 */
const TRANSPORTS: Record<string, (endpoint: string) => DynamoDbDriver> = {
  'AWS SDK DocumentClient': (endpoint) => sdkDynamoDbDriver(createDynamoDbClients({ endpoint }).doc),
  'aws-lite': (endpoint) => localAwsLiteDriver(endpoint),
};

const draft = {
  q1: 'ja',
  q2: 3,
  q3: ['a', 'b'],
  q4: { rad1: { kol1: 2, kol2: 'text' } },
  q5: true,
  q6: null,
  q7: [{ namn: 'Åtgärd', år: 2024 }],
  q8: '',
};

let tableName: string;
beforeAll(async () => {
  tableName = `transports-${randomUUID()}`;
  await ensureTable(createDynamoDbClients({ endpoint: inject('dynamoEndpoint') }).raw, tableName);
});

describe.each(Object.keys(TRANSPORTS))('the table store over %s', (transport) => {
  const store = () => new DynamoDbTableStore(TRANSPORTS[transport]!(inject('dynamoEndpoint')), tableName);
  const pk = () => `T#${transport}#${randomUUID()}`;

  it('stores nested answers and reads them back as they were, dropping undefined values', async () => {
    const key = { pk: pk(), sk: 'ITEM' };
    await store().put({ ...key, data: { ...draft, q9: { kvar: 1, borta: undefined } }, gone: undefined, version: 1 });
    const item = await store().get(key);
    expect(item).toEqual({ ...key, data: { ...draft, q9: { kvar: 1 } }, version: 1 });
    expect(item).not.toHaveProperty('gone');
    expect(await store().get({ pk: pk(), sk: 'NOTHING' })).toBeUndefined();
  });

  it('turns each failed condition into its domain error', async () => {
    const key = { pk: pk(), sk: 'ITEM' };
    await store().put({ ...key, version: 1 }, { kind: 'absent' });
    await expect(store().put({ ...key, version: 1 }, { kind: 'absent' })).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(store().update(key, { set: { version: 3 } }, { kind: 'version', expected: 2 })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    await expect(
      store().updateWithoutReturn(key, { set: { version: 3 } }, { kind: 'version', expected: 2 }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    await expect(store().delete({ pk: pk(), sk: 'ITEM' }, { kind: 'exists' })).rejects.toBeInstanceOf(NotFoundError);
    // A condition with no values of its own (the request then carries no ExpressionAttributeValues).
    await expect(
      store().put({ ...key }, { kind: 'claim', expression: 'attribute_not_exists(pk)' }),
    ).rejects.toBeInstanceOf(AlreadyClaimedError);
    await store().put({ pk: pk(), sk: 'CLAIM' }, { kind: 'claim', expression: 'attribute_not_exists(pk)' });
    const custom = new Error('egen regel');
    await expect(
      store().update(
        key,
        { set: { x: 1 } },
        { kind: 'expression', expression: 'attribute_not_exists(pk)', onFail: () => custom },
      ),
    ).rejects.toBe(custom);
  });

  it("turns DynamoDB's 400 KB item limit into PayloadTooLargeError, on put and on update", async () => {
    const key = { pk: pk(), sk: 'ITEM' };
    const tooBig = { a: 'x'.repeat(210 * 1024), b: 'y'.repeat(210 * 1024) };
    await expect(store().put({ ...key, data: tooBig })).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(store().put({ ...key, data: tooBig })).rejects.toMatchObject({
      message: expect.stringMatching(/högst 400 kB/),
      messageEn: expect.stringMatching(/at most 400 KB/),
    });
    await store().put({ ...key, version: 1 });
    await expect(
      store().update(key, { set: { data: tooBig } }, { kind: 'version', expected: 1 }),
    ).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(await store().get(key)).toEqual({ ...key, version: 1 });
  });

  it.each([
    ['above 2^53 - 1', 2 ** 53],
    ['below -(2^53 - 1)', -1e21],
    ['huge', 9.9e125],
    ['non-zero below 1e-130', 1e-200],
  ])(
    'turns a number it cannot store (%s) into DomainRuleError number_not_storable, on put and on update',
    async (_name, n) => {
      const key = { pk: pk(), sk: 'ITEM' };
      const refused = { name: 'DomainRuleError', code: 'number_not_storable' };
      await expect(store().put({ ...key, data: { q: n } })).rejects.toMatchObject(refused);
      await store().put({ ...key, version: 1 });
      await expect(
        store().update(key, { set: { data: { q: [n] } } }, { kind: 'version', expected: 1 }),
      ).rejects.toBeInstanceOf(DomainRuleError);
      expect(await store().get(key)).toEqual({ ...key, version: 1 });
      // The edges that can be stored still are.
      await store().put({
        ...key,
        data: { max: Number.MAX_SAFE_INTEGER, min: -Number.MAX_SAFE_INTEGER, small: 1e-130 },
      });
    },
  );

  it('updates with SET, ADD and REMOVE and answers the item as it is afterwards', async () => {
    const key = { pk: pk(), sk: 'ITEM' };
    await store().put({ ...key, version: 1, count: 1, note: 'bort' });
    const after = await store().update(
      key,
      { set: { version: 2, data: draft }, add: { count: 2 }, remove: ['note'] },
      { kind: 'version', expected: 1 },
    );
    expect(after).toEqual({ ...key, version: 2, count: 3, data: draft });
    await store().updateWithoutReturn(key, { set: { version: 3 } }, { kind: 'version', expected: 2 });
    expect((await store().get(key))?.version).toBe(3);
    await store().delete(key, { kind: 'exists' });
    expect(await store().get(key)).toBeUndefined();
  });

  it('pages a query with cursors, in either order, on the table and on an index, projecting attributes', async () => {
    const partition = pk();
    const items = Array.from({ length: 25 }, (_, i) => ({
      pk: partition,
      sk: `ROW#${String(i).padStart(2, '0')}`,
      gsi1pk: `${partition}#IDX`,
      gsi1sk: String(100 - i).padStart(3, '0'),
      n: i,
      big: 'x'.repeat(50),
    }));
    await store().batchWrite(items.map((item) => ({ put: item })));

    const first = await store().query({ partition, limit: 10 });
    expect(first.items.map((i) => i.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(first.cursor).toBeTypeOf('string');
    const second = await store().query({ partition, limit: 10, cursor: first.cursor });
    expect(second.items.map((i) => i.n)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect((await store().queryAll({ partition })).map((i) => i.n)).toEqual(items.map((i) => i.n));
    expect((await store().query({ partition, newestFirst: true, limit: 2 })).items.map((i) => i.n)).toEqual([24, 23]);
    expect((await store().query({ partition, beginsWith: 'ROW#1' })).items).toHaveLength(10);
    expect((await store().query({ partition, between: ['ROW#05', 'ROW#07'] })).items.map((i) => i.n)).toEqual([
      5, 6, 7,
    ]);

    const byIndex = await store().queryAll({ index: 'gsi1', partition: `${partition}#IDX`, attributes: ['n'] });
    expect(byIndex.map((i) => i.n)).toEqual([...items].reverse().map((i) => i.n));
    expect(byIndex[0]).not.toHaveProperty('big');
    // A cursor from an index page carries the index's keys too, and works for the next page.
    const indexPage = await store().query({ index: 'gsi1', partition: `${partition}#IDX`, limit: 20 });
    const rest = await store().query({ index: 'gsi1', partition: `${partition}#IDX`, cursor: indexPage.cursor });
    expect(rest.items.map((i) => i.n)).toEqual([4, 3, 2, 1, 0]);
  });

  it('gets and writes in batches, deletes included, with missing keys simply absent', async () => {
    const partition = pk();
    const keys = Array.from({ length: 60 }, (_, i) => ({ pk: partition, sk: `K#${i}` }));
    await store().batchWrite(keys.map((key, i) => ({ put: { ...key, i } })));
    await store().batchWrite(keys.slice(0, 10).map((key) => ({ delete: key })));
    const found = await store().batchGet([...keys.slice(0, 40), { pk: partition, sk: 'MISSING' }]);
    expect(found.map((item) => item.i).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 10),
    );
  });

  it('reports an unreachable table as StoreUnavailableError', async () => {
    const port = await closedPort();
    const unreachable = new DynamoDbTableStore(TRANSPORTS[transport]!(`http://127.0.0.1:${port}`), tableName);
    await expect(unreachable.get({ pk: 'X', sk: 'Y' })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe('both transports', () => {
  it('read what the other wrote, value for value', async () => {
    const [sdk, lite] = Object.values(TRANSPORTS).map(
      (make) => new DynamoDbTableStore(make(inject('dynamoEndpoint')), tableName),
    ) as [DynamoDbTableStore, DynamoDbTableStore];
    const key = { pk: `T#both#${randomUUID()}`, sk: 'ITEM' };
    await sdk.put({ ...key, data: draft, version: 1 });
    expect(await lite.get(key)).toEqual(await sdk.get(key));
    await lite.update(key, { set: { data: { ...draft, q2: 4 } } }, { kind: 'version', expected: 1 });
    expect((await sdk.get(key))?.data).toEqual({ ...draft, q2: 4 });
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
