import pg from 'pg';

/** The tables the pipeline writes for each item, parents first. */
export const PIPELINE_TABLES = ['event_streams', 'events', 'processed_events', 'articles', 'article_revisions', 'article_sources', 'coverage_links'];
const PAGE = 5_000;

export interface PostgresLimit {
  rows: number;
  byTable: Record<string, number>;
  seconds: number;
  itemsPerSecond: number;
}

/**
 * Postgres's own limit for the same rows: the rows the pipeline wrote (the first `share` of
 * each table), read back and inserted again into an empty database of the same schema, 5,000
 * rows a statement, by one client. Only the inserts are timed; the rate is in items (the same
 * share of them) per second.
 */
export async function measurePostgresLimit(sourceUrl: string, targetUrl: string, items: number, share = 1): Promise<PostgresLimit> {
  const byTable: Record<string, number> = {};
  let insertMs = 0;
  const source = new pg.Client({ connectionString: sourceUrl });
  const target = new pg.Client({ connectionString: targetUrl });
  await Promise.all([source.connect(), target.connect()]);
  try {
    for (const table of PIPELINE_TABLES) {
      byTable[table] = 0;
      await source.query('BEGIN');
      const total = Number((await source.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
      await source.query(`DECLARE rows CURSOR FOR SELECT to_json(t) AS row FROM ${table} t LIMIT ${Math.ceil(total * share)}`);
      for (;;) {
        const { rows } = await source.query<{ row: unknown }>(`FETCH ${PAGE} FROM rows`);
        if (rows.length === 0) break;
        const page = JSON.stringify(rows.map((r) => r.row));
        const started = performance.now();
        await target.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [page]);
        insertMs += performance.now() - started;
        byTable[table] += rows.length;
      }
      await source.query('COMMIT');
    }
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
  const rows = Object.values(byTable).reduce((sum, n) => sum + n, 0);
  return { rows, byTable, seconds: Number((insertMs / 1000).toFixed(1)), itemsPerSecond: Math.round((items * share) / (insertMs / 1000)) };
}
