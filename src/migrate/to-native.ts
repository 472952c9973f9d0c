import { findCalls } from './analysis/calls.js';
import { Meanings } from './analysis/meaning.js';
import { analyse } from './analysis/scope.js';
import { keep, repoint } from './apis/calls.js';
import { decide } from './apis/decisions.js';
import { configFacts, constructionOf } from './client-instances/clients.js';
import { applyClient, nameClients, planClients } from './client-instances/plan.js';
import { nativeContext } from './context.js';
import { familyPackage } from './knowledge.js';
import { chimeImports } from './modules/imports.js';
import { familiesUsed, nameTarget, pointOtherUses } from './modules/targets.js';
import type { FileOutcome } from './rewrite.js';
import { parseSource } from './source/parse.js';
import { SHIM } from './to-shim.js';

/**
 * `migrate --to native` for one file: code on this package (or on the legacy client) moves to the
 * dedicated Chime SDK clients. Imports come from the family packages; each legacy client becomes
 * one client per family it calls (built from its config, with an explicit region); commands,
 * aggregated methods and paginators are re-pointed; error classes come from the family packages;
 * what this package did at run time becomes code where a tool can write it (a `ChimeBearer`
 * constant, the metadata read-back, defaults), always with a `TODO(chime-migrate)` comment that
 * says so; what it cannot write stays on this package, with a TODO that says what to do.
 *
 * The steps, each in its own module: decide where each call goes (apis/decisions.ts), plan the
 * clients (client-instances/plan.ts), re-point the calls and write their requests (apis/calls.ts),
 * point every other imported name (modules/targets.ts), then write the imports
 * (modules/imports.ts) and the TODOs.
 */
export function migrateToNative(text: string, path: string): FileOutcome {
  if (!/chime/i.test(text)) return { notes: [] };
  const analysis = analyse(parseSource(text, path));
  const meanings = new Meanings(analysis);
  const sites = findCalls(analysis, meanings, text);
  if (sites.some((site) => site.sdk === 'v2' && site.facts.removed)) return { notes: [], v2: true };
  const imports = chimeImports(analysis, meanings);
  const removed = sites.filter((site) => site.facts.removed);
  if (removed.length === 0 && !imports.some((entry) => entry.source.startsWith(SHIM))) return { notes: [] };

  const ctx = nativeContext(text, path, analysis, meanings, sites, imports);
  // Generic tag calls last: without an ARN in the code, they follow the file's other calls.
  for (const site of removed) if (site.facts.family !== 'tagging') ctx.decisions.set(site, decide(ctx, site));
  for (const site of removed) if (site.facts.family === 'tagging') ctx.decisions.set(site, decide(ctx, site));
  planClients(ctx);
  nameClients(ctx);
  for (const plan of ctx.clients.values()) {
    ctx.bearerValue ??= configFacts(text, constructionOf(plan.client.origin)).chimeBearer;
  }
  ctx.plan.unusedTarget = (chimeImport) => nameTarget(ctx, chimeImport, chimeImport.imported);
  for (const [site, decision] of ctx.decisions) {
    if ('family' in decision) repoint(ctx, site, decision.family);
    else keep(ctx, site, decision.keep);
  }
  for (const plan of ctx.clients.values()) applyClient(ctx, plan);
  pointOtherUses(ctx);
  const { resolve } = ctx.plan.finish(ctx.edits, ctx.lineBreak, ctx.topLevel);
  ctx.todos.flush(ctx.edits);
  if (ctx.edits.size === 0) return { notes: [] };

  const moved = [...ctx.decisions.values()].filter((decision) => 'family' in decision).length;
  const kept = ctx.decisions.size - moved;
  const families = familiesUsed(ctx).map((family) => familyPackage(family).packageName);
  const notes = [`${moved} call${moved === 1 ? '' : 's'} moved to ${families.join(', ') || 'no family'}`];
  if (kept > 0) notes.push(`${kept} left on ${SHIM} (see the TODOs)`);
  if (ctx.todos.count > 0) {
    notes.push(`${ctx.todos.count} TODO(chime-migrate) comment${ctx.todos.count === 1 ? '' : 's'}`);
  }
  return { text: resolve(ctx.edits.apply(text)), notes };
}
