import { StoreUnavailableError } from '../../functions/errors/domain-errors';
import type { Item, TableStore } from '../../functions/ports/table-store';
import type { DynamoDbClients } from '../../functions/store/dynamodb-client';

/** An error shaped like the SDK's throttling error, so the real adapter's translation is exercised. */
export function throttlingError(): Error {
  const error = new Error('Rate of requests exceeds the allowed throughput (injected)');
  error.name = 'ProvisionedThroughputExceededException';
  Object.assign(error, { $fault: 'client', $metadata: { httpStatusCode: 400 } });
  return error;
}

export interface DynamoFault {
  /** Whether the fault has been thrown yet. */
  readonly fired: boolean;
  /** Matching commands seen since injection. */
  readonly seen: string[];
  remove(): void;
}

/**
 * Injects a fault at the SDK level: the `nth` DynamoDB command whose name matches `commands`
 * (e.g. /UpdateItem/) throws `error` (default: ProvisionedThroughputExceededException) before it
 * is sent, and `times` following matches too (default: only the nth). The adapter above sees
 * exactly what a throttled DynamoDB would give it.
 */
export function injectDynamoFault(
  clients: DynamoDbClients,
  options: { nth: number; commands?: RegExp; times?: number; error?: () => Error },
): DynamoFault {
  const name = `injectDynamoFault${Math.random()}`;
  const seen: string[] = [];
  const state = { fired: false };
  const last = options.nth + (options.times ?? 1) - 1;
  clients.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName);
      if (!(options.commands ?? /./).test(command)) return next(args);
      seen.push(command);
      if (seen.length >= options.nth && seen.length <= last) {
        state.fired = true;
        throw (options.error ?? throttlingError)();
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    get fired() {
      return state.fired;
    },
    seen,
    remove: () => {
      clients.doc.middlewareStack.remove(name);
    },
  };
}

/**
 * A TableStore wrapper that fails the Nth call of the port (any method) with `error`. For faults
 * above the adapter, e.g. a crash between two writes of one operation.
 */
export class FaultyTableStore implements TableStore {
  calls = 0;
  constructor(
    private readonly inner: TableStore,
    private readonly failAt: { nth: number; methods?: Array<keyof TableStore>; error?: () => Error },
  ) {}

  private async around<T>(method: keyof TableStore, run: () => Promise<T>): Promise<T> {
    if (!this.failAt.methods || this.failAt.methods.includes(method)) {
      this.calls++;
      if (this.calls === this.failAt.nth) throw (this.failAt.error ?? (() => new Error('injected fault')))();
    }
    return run();
  }

  get: TableStore['get'] = (key, options) => this.around('get', () => this.inner.get(key, options));
  batchGet: TableStore['batchGet'] = (keys) => this.around('batchGet', () => this.inner.batchGet(keys));
  put: TableStore['put'] = (item: Item, condition) => this.around('put', () => this.inner.put(item, condition));
  update: TableStore['update'] = (key, spec, condition) =>
    this.around('update', () => this.inner.update(key, spec, condition));
  updateWithoutReturn: TableStore['updateWithoutReturn'] = (key, spec, condition) =>
    this.around('updateWithoutReturn', () => this.inner.updateWithoutReturn(key, spec, condition));
  delete: TableStore['delete'] = (key, condition) => this.around('delete', () => this.inner.delete(key, condition));
  query: TableStore['query'] = (spec) => this.around('query', () => this.inner.query(spec));
  queryAll: TableStore['queryAll'] = (spec) => this.around('queryAll', () => this.inner.queryAll(spec));
  batchWrite: TableStore['batchWrite'] = (ops) => this.around('batchWrite', () => this.inner.batchWrite(ops));
}

/** A TableStore call as `StoreFault` matches it. */
export type StoreOp = 'put' | 'delete' | 'update' | 'query';
/** What the fault sees of a call: the key (or item), what an update sets, and a query's partition. */
export type SeenCall = Partial<Item> & { set?: Record<string, unknown>; partition?: string };

/**
 * Fails the first store call matching `when` once armed, as a throttled DynamoDB would (the port's
 * StoreUnavailableError); `before` runs once before the first call it matches (another request
 * landing meanwhile). Build the context with `wrapStore: fault.wrap`.
 */
export class StoreFault {
  when: ((seen: SeenCall, op: StoreOp) => boolean) | undefined;
  before: { matches: (seen: SeenCall, op: StoreOp) => boolean; run: () => Promise<void> } | undefined;
  failed = 0;

  wrap = (inner: TableStore): TableStore =>
    new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (!['put', 'delete', 'update', 'queryAll'].includes(String(prop))) return value.bind(target);
        const op = (prop === 'queryAll' ? 'query' : prop) as StoreOp;
        return async (first: SeenCall, ...rest: unknown[]) => {
          // An update is matched on its key and what it sets.
          const seen = op === 'update' ? { ...first, ...(rest[0] as object) } : first;
          const hook = this.before;
          if (hook?.matches(seen, op)) {
            this.before = undefined;
            await hook.run();
          }
          if (this.when?.(seen, op)) {
            this.when = undefined;
            this.failed++;
            throw new StoreUnavailableError('Lagringen svarar inte just nu.');
          }
          return value.call(target, first, ...rest);
        };
      },
    });
}
