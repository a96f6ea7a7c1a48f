import type pg from 'pg';
import { SchemaTooNew } from './migrations.js';

/**
 * The Postgres schema, built by numbered steps like the SQLite one (server/store/migrations.ts),
 * recorded in `schema_migrations`. Several instances may start at once against an empty
 * database: each step runs in one transaction under an advisory lock, so exactly one of
 * them applies it and the others find it done. Never edit or reorder a step that has shipped.
 *
 * The tables mirror SQLite's (sessions, events with the idempotency answer on the last
 * row of a command, ops for commands that changed nothing), plus what several instances
 * need: who owns each session (`session_owners`), the instances themselves, and the keys
 * they must share (`shared_secrets`).
 */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'sessions, their event logs, idempotency answers, owners, instances, shared secrets',
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        deck_id TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        started_by TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE events (
        session_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        actor TEXT NOT NULL,
        data TEXT NOT NULL,
        at BIGINT NOT NULL,
        op_key TEXT,
        response TEXT,
        v INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (session_id, seq)
      );
      CREATE TABLE ops (
        session_id TEXT NOT NULL,
        op_key TEXT NOT NULL,
        response TEXT NOT NULL,
        PRIMARY KEY (session_id, op_key)
      );
      -- One row per session that an instance has taken: the epoch goes up by one at every
      -- taking, and a commit is refused unless the committing instance holds the current one.
      CREATE TABLE session_owners (
        session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        owner TEXT NOT NULL,
        owner_url TEXT NOT NULL,
        epoch BIGINT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX session_owners_by_owner ON session_owners (owner);
      CREATE TABLE instances (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE shared_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      -- A turn's writes in one statement (one round trip): the rows of every session whose
      -- owner row still names this instance at the epoch it took, and whose log continues
      -- where the batch says it does. The owner rows are share-locked first, so a taking
      -- (an UPDATE of the row) waits for this commit and then reads a log that includes it;
      -- a commit after the taking finds a new epoch and writes nothing for that session.
      -- Returns the sessions refused.
      CREATE FUNCTION partnerdeck_commit(
        p_owner TEXT, p_sessions TEXT[], p_epochs BIGINT[], p_first_seqs INTEGER[], p_v INTEGER,
        e_session TEXT[], e_seq INTEGER[], e_type TEXT[], e_actor TEXT[], e_data TEXT[], e_at BIGINT[], e_op_key TEXT[], e_response TEXT[],
        o_session TEXT[], o_key TEXT[], o_response TEXT[]
      ) RETURNS TEXT[] LANGUAGE plpgsql AS $$
      DECLARE
        refused TEXT[];
      BEGIN
        PERFORM 1 FROM session_owners WHERE session_id = ANY (p_sessions) ORDER BY session_id FOR SHARE;
        SELECT coalesce(array_agg(b.sid), '{}') INTO refused
          FROM unnest(p_sessions, p_epochs, p_first_seqs) AS b (sid, ep, first_seq)
          WHERE NOT EXISTS (SELECT 1 FROM session_owners o WHERE o.session_id = b.sid AND o.owner = p_owner AND o.epoch = b.ep)
             OR (b.first_seq IS NOT NULL
                 AND b.first_seq <> coalesce((SELECT max(e.seq) FROM events e WHERE e.session_id = b.sid), 0) + 1);
        INSERT INTO events (session_id, seq, type, actor, data, at, op_key, response, v)
          SELECT r.session_id, r.seq, r.type, r.actor, r.data, r.at, r.op_key, r.response, p_v
            FROM unnest(e_session, e_seq, e_type, e_actor, e_data, e_at, e_op_key, e_response)
              AS r (session_id, seq, type, actor, data, at, op_key, response)
            WHERE r.session_id <> ALL (refused);
        INSERT INTO ops (session_id, op_key, response)
          SELECT r.session_id, r.op_key, r.response
            FROM unnest(o_session, o_key, o_response) AS r (session_id, op_key, response)
            WHERE r.session_id <> ALL (refused);
        RETURN refused;
      END
      $$;
    `,
  },
  {
    // An operator's start with an Idempotency-Key keeps the key and the request's digest on
    // the session's row, unique: a retry that a proxy sends to another instance finds the
    // session there, and two instances starting with one key at the same moment make one
    // session. (Sessions started before keep their key in their first event only.)
    version: 2,
    name: 'the Idempotency-Key that started each session (start_key, start_digest), unique',
    sql: `
      ALTER TABLE sessions ADD COLUMN start_key TEXT, ADD COLUMN start_digest TEXT;
      CREATE UNIQUE INDEX sessions_by_start_key ON sessions (start_key);
    `,
  },
];

export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1].version;

/**
 * Brings the database (its current schema, as search_path names it) up to the last step;
 * returns the steps applied here. A database from a newer version is refused before
 * anything is written to it.
 */
export async function migratePostgres(client: pg.ClientBase, where: string, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<PostgresMigration[]> {
  const known = migrations[migrations.length - 1].version;
  const applied: PostgresMigration[] = [];
  for (;;) {
    await client.query('BEGIN');
    try {
      // One instance at a time per schema; the others wait here and then find the step done.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('partnerdeck migrations ' || current_schema()))");
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      const current = rows[0].version ?? 0;
      if (current > known) throw schemaTooNew(where, current, known);
      const next = migrations.find((m) => m.version > current);
      if (!next) {
        await client.query('COMMIT');
        return applied;
      }
      await client.query(next.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [next.version, next.name]);
      await client.query('COMMIT');
      applied.push(next);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }
}

function schemaTooNew(where: string, found: number, known: number): SchemaTooNew {
  const error = new SchemaTooNew(where, found, known);
  error.message =
    `The database ${where} was written by a newer version of Partnerdeck (its schema is version ${found}; this version knows up to ${known}). ` +
    'It was left as it is. Run the newer version on it, or point DATABASE_URL at another database.';
  return error;
}
