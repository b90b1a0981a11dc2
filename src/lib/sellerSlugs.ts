/**
 * URL slugs for seller pages. Seller ids come from user exports, so a slug keeps only a-z, 0-9 and
 * "-" (accents folded); an id that folds to nothing, to the slug of another id or to a report page under
 * /vendedores/ (RESERVED_SLUGS) gets a short hash of the exact id appended, so every seller has exactly one
 * page, no id can reach outside /vendedores/ and none can take the place of a report page.
 */

/** Report pages that live under /vendedores/ beside the sellers' own pages. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['equilibrio']);

/** FNV-1a of the UTF-16 code units, as 8 hex digits: stable across builds and machines. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The readable part of a slug: lowercase ASCII letters, digits and single dashes, at most 60 characters. */
export function slugBase(id: string): string {
  return id
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A slug for every id, unique across the set; the same ids always give the same slugs. */
export function sellerSlugs(ids: Iterable<string>): Map<string, string> {
  const unique = [...new Set(ids)].sort();
  const bases = new Map(unique.map((id) => [id, slugBase(id)]));
  const uses = new Map<string, number>();
  for (const base of bases.values()) uses.set(base, (uses.get(base) ?? 0) + 1);
  const slugs = new Map<string, string>();
  for (const id of unique) {
    const base = bases.get(id)!;
    // A hash whenever the readable part is empty or shared: then no id's slug depends on which others exist.
    slugs.set(id, !base || uses.get(base)! > 1 || RESERVED_SLUGS.has(base) ? `${base ? `${base}-` : 'vendedor-'}${shortHash(id)}` : base);
  }
  // A readable slug could still equal another id's hashed one (e.g. an id "v-1a2b3c4d"): hash the readable one too.
  const taken = new Set<string>();
  for (const id of unique) {
    let slug = slugs.get(id)!;
    if (taken.has(slug)) slug = `${slug}-${shortHash(`${id}\u0000`)}`;
    taken.add(slug);
    slugs.set(id, slug);
  }
  return slugs;
}
