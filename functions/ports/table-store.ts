import type { IndexName, ItemKey } from '../store/table-design';

/** A stored item: its keys plus plain attributes. */
export type Item = ItemKey & Record<string, unknown>;

/**
 * What a conditional write requires. The adapter turns a failed condition into the
 * domain error that fits the kind, so callers never see driver errors.
 */
export type WriteCondition =
  /** Create only: fails with AlreadyExistsError. */
  | { kind: 'absent' }
  /** Update only: fails with NotFoundError. */
  | { kind: 'exists' }
  /** Optimistic locking on `version`; 0 means "must not exist yet". Fails with VersionConflictError. */
  | { kind: 'version'; expected: number }
  /** A one-time claim: fails with AlreadyClaimedError. */
  | { kind: 'claim'; expression: string; names?: Record<string, string>; values?: Record<string, unknown> }
  /** Any other rule; `onFail` builds the domain error to throw. */
  | {
      kind: 'expression';
      expression: string;
      names?: Record<string, string>;
      values?: Record<string, unknown>;
      onFail: () => Error;
    };

export interface UpdateSpec {
  set?: Record<string, unknown>;
  remove?: string[];
  add?: Record<string, number>;
}

export interface QuerySpec {
  index?: IndexName;
  partition: string;
  beginsWith?: string;
  between?: [string, string];
  limit?: number;
  newestFirst?: boolean;
  cursor?: string;
  consistent?: boolean;
  /**
   * Answer only these attributes; the rest stay in the table. `a.b` names a map's field (the item
   * then holds `{a: {b}}`). Paging still works: the cursor is DynamoDB's last key, not an item's.
   */
  attributes?: readonly string[];
}

export interface QueryPage {
  items: Item[];
  /** Present when more items follow; pass it back as `cursor`. */
  cursor?: string;
}

/**
 * The storage port: single-item conditional writes and queries, nothing else.
 * No scans and no transactions, by design (see docs/data-model.md).
 */
export interface TableStore {
  get(key: ItemKey, options?: { consistent?: boolean }): Promise<Item | undefined>;
  /** Up to 100 keys per call; missing items are simply absent from the result. */
  batchGet(keys: ItemKey[]): Promise<Item[]>;
  put(item: Item, condition?: WriteCondition): Promise<void>;
  /** Applies the update and answers the item as it is afterwards. */
  update(key: ItemKey, spec: UpdateSpec, condition?: WriteCondition): Promise<Item>;
  /** Applies the update and answers nothing: for a caller that knows what it wrote (autosave). */
  updateWithoutReturn(key: ItemKey, spec: UpdateSpec, condition?: WriteCondition): Promise<void>;
  delete(key: ItemKey, condition?: WriteCondition): Promise<void>;
  query(spec: QuerySpec): Promise<QueryPage>;
  /** Follows cursors until the collection is exhausted. */
  queryAll(spec: Omit<QuerySpec, 'cursor'>): Promise<Item[]>;
  /** Unconditional batched puts/deletes, 25 per request; for idempotent bulk work only. */
  batchWrite(ops: Array<{ put: Item } | { delete: ItemKey }>): Promise<void>;
}
