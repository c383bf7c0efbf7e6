// Catalog versions: a second import makes version 2 current, a request submitted before it keeps
// matching against version 1 to the end, and a later request uses version 2.

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import type { MaterialInput } from '../../src-main/engine/engine-types.js';
import { UserError } from '../../src-main/errors.js';
import { azapMaterials, EngineHarness, waitForFinalStatus } from './helpers.js';

/** SKU of the first azap026 line's catalog item. Version 2 gives the item a new SKU and keeps its name. */
const OLD_SKU = 'TER-12202';
const NEW_SKU = 'TER-12202-V2';

const harness = new EngineHarness();

afterEach(() => harness.stopEngines());
afterAll(() => harness.dispose());

describe('catalog versions', () => {
  it('running request keeps its version', async () => {
    const engine = await harness.start(harness.makeDataDir(), { withCatalog: true });
    const items = await harness.catalogItems();
    const changed = items.map((item) => (item.sku === OLD_SKU ? { ...item, sku: NEW_SKU } : item));
    const materials = await azapMaterials(1000);
    const target = materials[0] as MaterialInput;
    // The target line goes last, so version 1 must still be in use after the import.
    const before = engine.submit({ materials: [...materials.slice(1), target] });

    const manifest = await engine.importCatalog(changed, { file: 'catalog-v2.csv' });
    const beforeAtImport = engine.status(before.requestId);
    const beforeFinal = await waitForFinalStatus(engine, before.requestId, 60_000);
    const after = engine.submit({ materials: [target, ...materials.slice(1, 20)] });
    const afterFinal = await waitForFinalStatus(engine, after.requestId, 30_000);

    const beforeRows = engine.results(before.requestId, { page: 1, pageSize: 1000 })?.items ?? [];
    const afterRows = engine.results(after.requestId, { page: 1, pageSize: 100 })?.items ?? [];

    expect(manifest.version).toBe(2);
    expect(manifest.itemCount).toBe(items.length);
    expect(engine.catalogInfo().manifest?.version).toBe(2);
    expect(engine.catalogInfo().itemCount).toBe(items.length);
    expect(engine.health().catalog).toEqual({ version: 2, itemCount: items.length });

    expect(beforeAtImport?.status).toBe('running');
    expect(beforeAtImport?.pending).toBeGreaterThan(0);
    expect(beforeFinal.status).toBe('completed');
    expect(beforeFinal.catalogVersion).toBe('1');
    expect(beforeFinal.completed).toBe(materials.length);
    expect(beforeRows.find((row) => row.materialId === target.id)?.sku).toBe(OLD_SKU);
    expect(beforeRows.filter((row) => row.sku === NEW_SKU)).toEqual([]);
    expect(beforeRows.filter((row) => row.candidates.some((candidate) => candidate.sku === NEW_SKU))).toEqual([]);

    expect(afterFinal.status).toBe('completed');
    expect(afterFinal.catalogVersion).toBe('2');
    expect(afterRows.find((row) => row.materialId === target.id)?.sku).toBe(NEW_SKU);
    expect(afterRows.filter((row) => row.sku === OLD_SKU)).toEqual([]);

    const hits = await engine.searchCatalog(target.name, 5);

    expect(hits[0]?.sku).toBe(NEW_SKU);
    expect(hits[0]?.name).toBe(target.name);
    expect(hits.map((hit) => hit.sku)).not.toContain(OLD_SKU);
  });

  it('first import makes version 1', async () => {
    const engine = await harness.start(harness.makeDataDir());
    const items = (await harness.catalogItems()).slice(0, 300);

    expect(engine.catalogInfo()).toEqual({ manifest: null, itemCount: 0 });
    expect(() => engine.submit({ materials: [{ id: '1', name: 'Труба', unit: 'шт' }] })).toThrow(UserError);

    const manifest = await engine.importCatalog(items, { file: 'catalog-300.csv' });
    const { requestId } = engine.submit({ materials: await azapMaterials(5) });
    const final = await waitForFinalStatus(engine, requestId, 30_000);

    expect(manifest.version).toBe(1);
    expect(manifest.itemCount).toBe(300);
    expect(manifest.catalogFile).toBe('catalog-300.csv');
    expect(engine.catalogInfo().itemCount).toBe(300);
    expect(final.catalogVersion).toBe('1');
    expect(final.completed).toBe(5);
  });
});
