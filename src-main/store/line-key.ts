/**
 * Builds the key under which a reviewer's decision on a supplier line is stored. Name and unit are
 * brought to NFKC form, lower case, `е` for `ё` and single spaces, then joined by a tab. Neither part
 * can contain a tab after that, so two different lines never share a key.
 *
 * Stored keys must stay comparable across app versions, so this deliberately avoids the pipeline's
 * richer text normalization, whose rules change as matching improves.
 */
export function supplierLineKey(name: string, unit: string): string {
  return `${normalizeKeyPart(name)}\t${normalizeKeyPart(unit)}`;
}

function normalizeKeyPart(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
