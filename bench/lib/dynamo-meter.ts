import type { DynamoDbClients } from '../../functions/store/dynamodb-client';
import { TABLE_DESIGN } from '../../functions/store/table-design';

/** What a piece of work cost in DynamoDB. */
export interface DynamoCost {
  /** Requests by command name, e.g. { GetCommand: 1, UpdateCommand: 1 }. */
  commands: Record<string, number>;
  reads: number;
  writes: number;
  scans: number;
  /** Read capacity units as DynamoDB reports them (dynalite computes them per DynamoDB's rules). */
  readUnits: number;
  /** Write capacity units on the table as reported, plus the index writes we compute (dynalite omits them). */
  writeUnits: number;
  /** The part of writeUnits that is index writes, computed here from item sizes. */
  indexWriteUnits: number;
}

// The DocumentClient's commands reach the middleware under the low-level names (GetItemCommand, …).
const READ = /^(Get|GetItem|BatchGet|BatchGetItem|Query)Command$/;
const WRITE = /^(Put|PutItem|Update|UpdateItem|Delete|DeleteItem|BatchWrite|BatchWriteItem)Command$/;
const INDEX_KEYS = Object.values(TABLE_DESIGN.indexes).map((index) => [index.partitionKey, index.sortKey] as const);

export function emptyCost(): DynamoCost {
  return { commands: {}, reads: 0, writes: 0, scans: 0, readUnits: 0, writeUnits: 0, indexWriteUnits: 0 };
}

export function addCosts(a: DynamoCost, b: DynamoCost): DynamoCost {
  const commands = { ...a.commands };
  for (const [name, count] of Object.entries(b.commands)) commands[name] = (commands[name] ?? 0) + count;
  return {
    commands,
    reads: a.reads + b.reads,
    writes: a.writes + b.writes,
    scans: a.scans + b.scans,
    readUnits: a.readUnits + b.readUnits,
    writeUnits: a.writeUnits + b.writeUnits,
    indexWriteUnits: a.indexWriteUnits + b.indexWriteUnits,
  };
}

/**
 * Meters every command the DocumentClient sends: counts them and asks DynamoDB for the
 * consumed capacity (ReturnConsumedCapacity: TOTAL). dynalite answers ConsumedCapacity for the
 * table only, computed by DynamoDB's size rules; writes to the two GSIs (projection ALL) are
 * added here: ceil(item size / 1 KB) per index the written item appears in. A key change,
 * which costs DynamoDB a delete as well, is not counted, so index writes are a slight underestimate.
 */
export function meterDynamo(clients: DynamoDbClients) {
  let cost = emptyCost();
  let enabled = true;
  clients.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (!enabled) return next(args);
      const name = String(context.commandName);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const output = out.output as Record<string, unknown>;
      cost.commands[name] = (cost.commands[name] ?? 0) + 1;
      if (READ.test(name)) cost.reads++;
      if (WRITE.test(name)) cost.writes++;
      if (/^Scan/.test(name)) cost.scans++;
      const units = consumedUnits(output.ConsumedCapacity);
      if (READ.test(name)) cost.readUnits += units;
      else if (WRITE.test(name)) {
        const indexUnits = indexWriteUnits(name, input, output);
        cost.writeUnits += units + indexUnits;
        cost.indexWriteUnits += indexUnits;
      }
      return out;
    },
    { step: 'initialize', name: `benchMeter${Math.random()}` },
  );
  return {
    /** Answers the cost since the last take and starts counting afresh. */
    take(): DynamoCost {
      const taken = cost;
      cost = emptyCost();
      return taken;
    },
    pause: () => {
      enabled = false;
    },
    resume: () => {
      enabled = true;
    },
  };
}

export type DynamoMeter = ReturnType<typeof meterDynamo>;

function consumedUnits(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum: number, entry) => sum + Number((entry as { CapacityUnits?: number }).CapacityUnits ?? 0), 0);
}

function indexWriteUnits(name: string, input: Record<string, unknown>, output: Record<string, unknown>): number {
  const items: Record<string, unknown>[] = [];
  if (/^Put/.test(name) && input.Item) items.push(input.Item as Record<string, unknown>);
  if (/^Update/.test(name) && output.Attributes) items.push(output.Attributes as Record<string, unknown>);
  if (/^BatchWrite/.test(name)) {
    for (const requests of Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>)) {
      for (const request of requests) {
        const put = (request as { PutRequest?: { Item?: Record<string, unknown> } }).PutRequest?.Item;
        if (put) items.push(put);
      }
    }
  }
  let units = 0;
  for (const item of items) {
    const size = Math.max(1, Math.ceil(dynamoItemSize(item) / 1024));
    for (const [pk, sk] of INDEX_KEYS) if (item[pk] !== undefined && item[sk] !== undefined) units += size;
  }
  return units;
}

/**
 * An item's size by DynamoDB's rules: attribute names plus values (strings as UTF-8 bytes,
 * numbers about 1 byte per 2 digits + 1, booleans and null 1 byte, lists and maps 3 bytes
 * plus 1 per element). Used for index writes, cost estimates and the floor's PutItem size.
 */
export function dynamoItemSize(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name) + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').length / 2) + 1;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (value instanceof Uint8Array) return value.length;
  if (typeof value === 'object')
    return 3 + dynamoItemSize(value as Record<string, unknown>) + Object.keys(value).length;
  return 0;
}

/** "1 Get, 1 Update" from a command tally. */
export function describeCommands(commands: Record<string, number>): string {
  return Object.entries(commands)
    .map(([name, count]) => `${count} ${name.replace(/(Item)?Command$/, '')}`)
    .join(', ');
}
