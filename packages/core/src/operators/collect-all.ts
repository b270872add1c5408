import { type Observable, lastValueFrom, toArray } from 'rxjs';

/**
 * Runs `stream` to completion and resolves to everything it emitted, in order: RxJS's `toArray`
 * then `lastValueFrom`, in one place. An empty stream gives `[]`; an error rejects.
 *
 * @example
 * const batches = await collectAll(source.sample(ctx).pipe(stage));
 */
export function collectAll<T>(stream: Observable<T>): Promise<T[]> {
  return lastValueFrom(stream.pipe(toArray()));
}
