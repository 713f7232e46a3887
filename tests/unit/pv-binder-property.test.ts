import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseQuantity } from '../../src/sim/apiserver/quantity.ts';
import { isApiError } from '../../src/sim/apiserver/errors.ts';
import { claim, hostPathPV, storageCluster, storageViolations } from './storage-fixtures.ts';

const SIZES = ['100Mi', '500Mi', '1Gi', '2Gi', '5Gi'];
const MODES = [['ReadWriteOnce'], ['ReadWriteMany'], ['ReadOnlyMany'], ['ReadWriteOnce', 'ReadOnlyMany']];
const CLASSES = ['', 'local', 'slow'];

type Step =
  | { op: 'pv'; id: number; size: number; modes: number; cls: number; retain: boolean }
  | { op: 'pvc'; id: number; size: number; modes: number; cls: number; wants?: number }
  | { op: 'deletePvc'; id: number }
  | { op: 'deletePv'; id: number }
  | { op: 'release'; id: number }
  | { op: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('pv' as const), id: fc.nat(5), size: fc.nat(SIZES.length - 1), modes: fc.nat(MODES.length - 1), cls: fc.nat(CLASSES.length - 1), retain: fc.boolean() }),
  fc.record({
    op: fc.constant('pvc' as const),
    id: fc.nat(5),
    size: fc.nat(SIZES.length - 1),
    modes: fc.nat(MODES.length - 1),
    cls: fc.nat(CLASSES.length - 1),
    wants: fc.option(fc.nat(5), { nil: undefined }),
  }),
  fc.record({ op: fc.constant('deletePvc' as const), id: fc.nat(5) }),
  fc.record({ op: fc.constant('deletePv' as const), id: fc.nat(5) }),
  fc.record({ op: fc.constant('release' as const), id: fc.nat(5) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
);

describe('binder properties', () => {
  test('any sequence of volumes and claims keeps bindings one-to-one and satisfying', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const c = storageCluster(3);
        const ignoreConflicts = (f: () => void) => {
          try {
            f();
          } catch (e) {
            if (!isApiError(e) || (e.reason !== 'AlreadyExists' && e.reason !== 'NotFound')) throw e;
          }
        };
        for (const s of steps) {
          if (s.op === 'pv') {
            ignoreConflicts(() =>
              c.api.create(
                hostPathPV(`pv-${s.id}`, SIZES[s.size]!, {
                  accessModes: MODES[s.modes],
                  storageClassName: CLASSES[s.cls],
                  persistentVolumeReclaimPolicy: s.retain ? 'Retain' : 'Delete',
                }),
              ),
            );
          } else if (s.op === 'pvc') {
            ignoreConflicts(() =>
              c.api.create(
                claim(`pvc-${s.id}`, {
                  accessModes: MODES[s.modes],
                  storageClassName: CLASSES[s.cls],
                  resources: { requests: { storage: SIZES[s.size] } },
                  ...(s.wants !== undefined ? { volumeName: `pv-${s.wants}` } : {}),
                }),
              ),
            );
          } else if (s.op === 'deletePvc') {
            ignoreConflicts(() => c.api.delete('PersistentVolumeClaim', 'default', `pvc-${s.id}`));
          } else if (s.op === 'deletePv') {
            ignoreConflicts(() => c.api.delete('PersistentVolume', undefined, `pv-${s.id}`));
          } else if (s.op === 'release') {
            ignoreConflicts(() =>
              c.api.mutate('PersistentVolume', undefined, `pv-${s.id}`, (v) => {
                if (v.status?.phase !== 'Released') return false;
                delete v.spec.claimRef;
              }),
            );
          } else {
            c.advance(s.ms);
          }
          c.settle();
        }
        c.advance(16_000);
        expect(c.violations).toEqual([]);
        expect(storageViolations(c)).toEqual([]);
        expect(c.failures).toEqual([]);
        // Every Bound claim sits on a volume that satisfies it and points back at it.
        for (const pvc of c.api.list('PersistentVolumeClaim')) {
          if (pvc.status?.phase !== 'Bound') continue;
          const pv = c.api.get('PersistentVolume', undefined, pvc.spec.volumeName);
          expect(pv.spec.claimRef.uid).toBe(pvc.metadata.uid);
          expect(parseQuantity(pv.spec.capacity.storage)! >= parseQuantity(pvc.spec.resources.requests.storage)!).toBe(true);
          for (const m of pvc.spec.accessModes) expect(pv.spec.accessModes).toContain(m);
          expect(pv.spec.storageClassName ?? '').toBe(pvc.spec.storageClassName ?? '');
        }
        // Every Available volume that fits a Pending claim without volumeName of its class is a bug after a resync.
        for (const pvc of c.api.list('PersistentVolumeClaim')) {
          if (pvc.status?.phase !== 'Pending' || pvc.spec.volumeName || pvc.spec.storageClassName !== '') continue;
          const fits = c.api.list('PersistentVolume').filter(
            (pv) =>
              !pv.spec.claimRef &&
              !pv.metadata.deletionTimestamp &&
              (pv.spec.storageClassName ?? '') === '' &&
              parseQuantity(pv.spec.capacity.storage)! >= parseQuantity(pvc.spec.resources.requests.storage)! &&
              pvc.spec.accessModes.every((m: string) => pv.spec.accessModes.includes(m)),
          );
          expect(fits.map((pv) => pv.metadata.name)).toEqual([]);
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
