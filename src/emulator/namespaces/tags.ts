import { emulatorError } from '../errors.js';

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/**
 * Tags of every resource, by ARN, for every namespace: created with a resource (`Tags` of
 * `CreateAppInstance`), changed by the generic tag operations, and gone with the resource.
 */
export class TagStore {
  readonly #tags = new Map<string, Map<string, string>>();

  /** The resource's tags in the order they were first set. */
  list(arn: string): Tag[] {
    return [...(this.#tags.get(arn) ?? [])].map(([Key, Value]) => ({ Key, Value }));
  }

  /** Adds or overwrites tags, refusing to go over `max` per resource (the model's list maximum). */
  tag(arn: string, tags: readonly Tag[] | undefined, max: number): void {
    if (!tags || tags.length === 0) return;
    const current = this.#tags.get(arn) ?? new Map<string, string>();
    const keys = new Set([...current.keys(), ...tags.map((tag) => tag.Key)]);
    if (keys.size > max) {
      throw emulatorError(
        'ResourceLimitExceededException',
        `A resource can have at most ${max} tags; this request would give it ${keys.size}.`,
      );
    }
    for (const tag of tags) current.set(tag.Key, tag.Value);
    this.#tags.set(arn, current);
  }

  untag(arn: string, keys: readonly string[]): void {
    const current = this.#tags.get(arn);
    if (!current) return;
    for (const key of keys) current.delete(key);
    if (current.size === 0) this.#tags.delete(arn);
  }

  /** Forgets the tags of a deleted resource (and of every resource under it, by ARN prefix). */
  forget(arn: string): void {
    for (const key of [...this.#tags.keys()]) {
      if (key === arn || key.startsWith(`${arn}/`)) this.#tags.delete(key);
    }
  }

  clear(): void {
    this.#tags.clear();
  }
}
