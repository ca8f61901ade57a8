import {
  type KyselyPlugin,
  type LimitNode,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  ValueNode,
} from 'kysely'

/**
 * Writes a LIMIT into the SQL text instead of binding it. SQLite's planner uses a LIMIT's value,
 * so a statement whose LIMIT is a bound parameter is recompiled every time it runs, which cost
 * the session read by user key most of its time (docs/performance.md). A limit is
 * always a number from our own code or a validated page size, so writing it out is safe; anything
 * that is not a safe integer stays bound. Distinct page sizes give distinct statement texts, which
 * the bounded statement cache absorbs.
 */
class LiteralLimitTransformer extends OperationNodeTransformer {
  protected override transformLimit(node: LimitNode): LimitNode {
    const { limit } = node
    if (ValueNode.is(limit) && Number.isSafeInteger(limit.value)) return { ...node, limit: ValueNode.createImmediate(limit.value) }
    return node
  }
}

export class SqliteLiteralLimits implements KyselyPlugin {
  readonly #transformer = new LiteralLimitTransformer()

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(node, queryId)
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result)
  }
}
