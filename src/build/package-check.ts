/**
 * What the XSDs do not check in a package (see ../shared/scorm-xsd/README.md): every file the
 * manifest lists is in the package, no file of the package is left unlisted, every
 * identifierref names a resource, launch files exist, the 1.2 mastery score is a number
 * from 0 to 100, identifiers are unique. Reads the manifest text; returns problems, never throws.
 */

/** One thing wrong with a package, in words. */
export interface PackageProblem {
  message: string;
}

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]));
const unesc = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const tags = (xml: string, name: string) => [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => attrs(m[0]));

/** Files at the root that belong to packaging, not to a resource (schemas). */
const PACKAGING = /^[^/]+\.(xsd|dtd)$/;

/** Checks a manifest against the files of its package. */
export function checkPackage(manifest: string, files: Iterable<string>): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const present = new Set(files);
  const resources = tags(manifest, 'resource');
  const listed = new Set<string>();
  for (const r of resources) {
    const base = r['xml:base'] ? unesc(r['xml:base']) : '';
    if (r.href && !present.has(base + unesc(r.href))) problems.push({ message: `resource ${r.identifier}: launch file ${r.href} is not in the package` });
  }
  for (const f of tags(manifest, 'file')) {
    const href = unesc(f.href ?? '');
    listed.add(href);
    if (!present.has(href)) problems.push({ message: `listed file ${href} is not in the package` });
  }
  for (const r of resources) if (r.href && !listed.has(unesc(r.href))) problems.push({ message: `resource ${r.identifier}: launch file ${r.href} is not listed as a <file>` });
  for (const f of present) {
    if (f !== 'imsmanifest.xml' && !PACKAGING.test(f) && !listed.has(f)) problems.push({ message: `file ${f} is in the package but not listed in the manifest` });
  }
  const ids = [...tags(manifest, 'manifest'), ...tags(manifest, 'organization'), ...tags(manifest, 'item'), ...resources].map((t) => t.identifier).filter(Boolean);
  for (const id of new Set(ids.filter((x, i) => ids.indexOf(x) !== i))) problems.push({ message: `identifier ${id} is used twice` });
  const resourceIds = new Set(resources.map((r) => r.identifier));
  for (const it of tags(manifest, 'item')) {
    if (it.identifierref && !resourceIds.has(it.identifierref)) problems.push({ message: `item ${it.identifier}: identifierref ${it.identifierref} names no resource` });
  }
  const orgDefault = tags(manifest, 'organizations')[0]?.default;
  if (orgDefault && !tags(manifest, 'organization').some((o) => o.identifier === orgDefault)) problems.push({ message: `organizations default ${orgDefault} names no organization` });
  for (const m of manifest.matchAll(/<adlcp:masteryscore>([^<]*)<\/adlcp:masteryscore>/g)) {
    const n = Number(m[1].trim());
    if (m[1].trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) problems.push({ message: `masteryscore "${m[1]}" is not a number from 0 to 100` });
  }
  return problems;
}
