// Values computed at most once per tree, model or analysis, and kept on that object.
//
// Not in a module-level WeakMap keyed by the object: V8's young-generation collector keeps
// a WeakMap's values alive whatever becomes of their keys, so a version cached that way
// outlives itself and is copied into the old generation, where only a full collection frees
// it. Measured here with dead keys: young collections that kept every value, 10 ms each,
// where without the WeakMap they kept nothing. Kept on the object, a cache dies with it.

/** Names one kind of value kept in a memo; `T` is its type. */
export class MemoKey<T> {
  declare private readonly type: T;
  constructor(readonly name: string) {}
}

export class Memo {
  private readonly slots = new Map<MemoKey<unknown>, unknown>();

  /** The value under `key` if it has been made, without making it. */
  peek<T>(key: MemoKey<T>): T | undefined {
    return this.slots.get(key) as T | undefined;
  }

  /** The value under `key` if there is one, which is then forgotten. */
  take<T>(key: MemoKey<T>): T | undefined {
    const v = this.slots.get(key) as T | undefined;
    this.slots.delete(key);
    return v;
  }

  /** The value under `key`, made by `make` the first time it is asked for. */
  get<T>(key: MemoKey<T>, make: () => T): T {
    if (this.slots.has(key)) return this.slots.get(key) as T;
    const v = make();
    this.slots.set(key, v);
    return v;
  }
}
