/**
 * Where a terminal's session survives a reload: one IndexedDB record per terminal id holding the
 * Session's snapshot, the speed the clock ran at and when it was saved.
 *
 * The snapshot is stored as JSON text. IndexedDB structured-clones what it stores, synchronously,
 * in the worker that runs the cluster: for a cluster with 100 pods (about 1 MB) cloning the object
 * tree costs 15–25 ms, while JSON.stringify and copying one string cost about 5 ms — time the next
 * command would otherwise wait for.
 */

export interface SavedTerminal {
  /** Format of this record; records of another version are ignored. */
  version: 1;
  /** What the terminal was started with; a saved session of another lab or preset is not resumed. */
  origin: string;
  /** Wall-clock ms when saved. */
  savedAt: number;
  speed: number;
  /** The Session's snapshot as JSON text (records written by earlier builds hold the object). */
  session: string | object;
  /** A lab terminal's progress (checks passed, hints taken). */
  progress?: unknown;
}

const DB_NAME = 'kubelab';
const STORE = 'terminals';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opening;
}

async function withStore<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  const tx = db.transaction(STORE, mode);
  const result = await request(f(tx.objectStore(STORE)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return result;
}

/** The saved record of terminal `id`, its snapshot parsed back into an object. */
export async function loadTerminal(id: string): Promise<(SavedTerminal & { session: object }) | undefined> {
  const rec = (await withStore('readonly', (s) => s.get(id))) as SavedTerminal | undefined;
  if (rec?.version !== 1) return undefined;
  return { ...rec, session: typeof rec.session === 'string' ? (JSON.parse(rec.session) as object) : rec.session };
}

export async function saveTerminal(id: string, rec: SavedTerminal): Promise<void> {
  await withStore('readwrite', (s) => s.put(rec, id));
}

export async function forgetTerminal(id: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(id));
}
