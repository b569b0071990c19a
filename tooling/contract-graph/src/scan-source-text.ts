import ts from "typescript";
import { kebabCase } from "./kebab-case.ts";
import { type ContractEventLike, type ContractModule, type Use, type UseKind } from "./types.ts";

/** Contract helpers that build an event to send from the event passed first. */
const PRODUCING_HELPERS = new Set(["createWithDedupe", "scheduleAt"]);
/** Calls that open a realtime subscription (inngest/realtime). */
const SUBSCRIBING_CALLS = new Set(["getSubscriptionToken", "subscribe"]);

/**
 * What one source file does with the contract, read from its syntax (no type checker, so it is
 * fast and needs no build): the contract imports it uses and the calls they appear in.
 *
 * - sends: `E.create(…)`, `createWithDedupe(E, …)`, `scheduleAt(E, …)`, or an object with
 *   `name: "<event name>"` given to a `.send(…)` / `.sendEvent(…)` (every version of that name);
 * - wait: `step.waitForEvent(id, { event: E })` (E a contract event or its name);
 * - invoke: `step.invoke(id, { function: F })`, where F's name in kebab case is a contract
 *   function's id (`analyseBrief` → `analyse-brief`, also `deps.analyseBrief` for a function
 *   passed in); invokes of functions outside the contract are not reported;
 * - publish / subscribe: a file that builds a contract channel (`workflowProgress(…)`) and calls
 *   `.publish(…)`, or `getSubscriptionToken(…)` / `subscribe(…)`.
 * Triggers and cancelOn come from the registered functions instead (registeredUses).
 */
export function scanSourceText(file: string, text: string, contract: ContractModule, moduleName = "@studio/events"): Use[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imported = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== moduleName) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly || !clause.namedBindings) continue;
    if (ts.isNamespaceImport(clause.namedBindings)) namespaces.add(clause.namedBindings.name.text);
    else for (const element of clause.namedBindings.elements) if (!element.isTypeOnly) imported.set(element.name.text, (element.propertyName ?? element.name).text);
  }

  const uses: Use[] = [];
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const add = (kind: UseKind, keys: readonly string[], node: ts.Node) => {
    for (const key of keys) uses.push({ kind, key, where: where(node) });
  };

  /** The contract export an expression names (`briefApproved`, `contract.briefApproved`). */
  const exportNameOf = (node: ts.Expression): string | undefined => {
    const expr = unwrap(node);
    if (ts.isIdentifier(expr)) return imported.get(expr.text);
    if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && namespaces.has(expr.expression.text)) return expr.name.text;
    return undefined;
  };
  const eventKeysOf = (node: ts.Expression): string[] => {
    const expr = unwrap(node);
    if (ts.isStringLiteralLike(expr)) return contract.allEvents.filter((e) => e.contract.name === expr.text).map((e) => e.contract.key);
    const name = exportNameOf(expr);
    const value = name === undefined ? undefined : contract[name];
    return contract.allEvents.includes(value as ContractEventLike) ? [(value as ContractEventLike).contract.key] : [];
  };
  const functionKeysOf = (node: ts.Expression): string[] => {
    const expr = unwrap(node);
    const name = exportNameOf(expr) ?? (ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) ? expr.name.text : undefined);
    if (name === undefined) return [];
    return contract.allFunctions.filter((f) => f.functionId === kebabCase(name)).map((f) => f.key);
  };

  const channels = new Map<string, ts.Node>();
  let publishes = false;
  let subscribes = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const helper = exportNameOf(callee);
      const [first] = node.arguments;
      if (method === "create" && ts.isPropertyAccessExpression(callee)) add("sends", eventKeysOf(callee.expression), node);
      if (helper !== undefined && PRODUCING_HELPERS.has(helper) && first) add("sends", eventKeysOf(first), node);
      if (method === "send" || method === "sendEvent") {
        for (const object of node.arguments.flatMap(objectLiterals)) {
          const name = property(object, "name");
          if (name && ts.isStringLiteralLike(unwrap(name))) add("sends", eventKeysOf(name), node);
        }
      }
      if (method === "waitForEvent" || method === "invoke") {
        for (const object of node.arguments.filter(ts.isObjectLiteralExpression)) {
          const target = property(object, method === "waitForEvent" ? "event" : "function");
          if (target) add(method === "waitForEvent" ? "wait" : "invoke", method === "waitForEvent" ? eventKeysOf(target) : functionKeysOf(target), node);
        }
      }
      const channel = contract.allChannels.find((c) => c.exportName === helper);
      if (channel && !channels.has(channel.key)) channels.set(channel.key, node);
      if (method === "publish") publishes = true;
      if (SUBSCRIBING_CALLS.has(method ?? (ts.isIdentifier(callee) ? callee.text : ""))) subscribes = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const [key, node] of channels) {
    if (publishes) add("publish", [key], node);
    if (subscribes) add("subscribe", [key], node);
  }
  return uses;
}

function unwrap(node: ts.Expression): ts.Expression {
  let expr = node;
  while (
    ts.isParenthesizedExpression(expr) ||
    ts.isAsExpression(expr) ||
    ts.isSatisfiesExpression(expr) ||
    ts.isNonNullExpression(expr) ||
    ts.isTypeAssertionExpression(expr)
  ) {
    expr = expr.expression;
  }
  return expr;
}

function objectLiterals(node: ts.Expression): ts.ObjectLiteralExpression[] {
  const expr = unwrap(node);
  if (ts.isObjectLiteralExpression(expr)) return [expr];
  if (ts.isArrayLiteralExpression(expr)) return expr.elements.flatMap((e) => objectLiterals(e));
  return [];
}

/** The value of `{ key: value }` or `{ key }` in an object literal. */
function property(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const prop of object.properties) {
    if (ts.isShorthandPropertyAssignment(prop) && prop.name.text === key) return prop.name;
    if (ts.isPropertyAssignment(prop) && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) && prop.name.text === key) return prop.initializer;
  }
  return undefined;
}
