/**
 * Help text for every command. Kept apart from the commands themselves (and free of imports) so
 * `latchkey --help` prints without loading the server, the store drivers or the crypto code.
 */
const DATABASE = `  --database-url URL   sqlite:<path> (default sqlite:./data/latchkey.sqlite) or postgres://…
                       (env DATABASE_URL)
  --create             create a SQLite file that does not exist yet (the default path is
                       always created); without it a mistyped path is refused
  --json               print one JSON object instead of text`

export const COMMAND_USAGE: Record<string, string> = {
  serve: `usage: latchkey serve [options]

Starts the API server. Each option can also be set by the environment variable shown.

  --host HOST                       address to bind (HOST, default 127.0.0.1)
  --port PORT                       port to bind, 0 for any free one (PORT, default 3000)
  --database-url URL                sqlite:<path> or postgres://… (DATABASE_URL,
                                    default sqlite:./data/latchkey.sqlite)
  --create                          create a SQLite file that does not exist yet
  --session-lifetime-seconds N      default client session lifetime
                                    (LATCHKEY_SESSION_LIFETIME_SECONDS, default one year)
  --rate-limit-per-minute N         API requests per minute per client address, 0 = off
                                    (LATCHKEY_RATE_LIMIT_PER_MINUTE, default off)
  --public-url URL                  origin browsers use to reach this server, for webview
                                    URLs (LATCHKEY_PUBLIC_URL, default: from each request)
  --cors-origins LIST               comma-separated origins allowed to read answers
                                    (LATCHKEY_CORS_ORIGINS, default any origin)
  --trust-proxy VALUE               trust X-Forwarded-For/-Proto from: a hop count (1),
                                    comma-separated addresses or CIDRs, or true
                                    (LATCHKEY_TRUST_PROXY, default none)
  --bootstrap-sandbox               on an empty database, create a sandbox workspace
  --no-bootstrap-sandbox            never do that (LATCHKEY_BOOTSTRAP_SANDBOX=true|false;
                                    default on for the default SQLite path and sqlite::memory:)
  --sandbox-keys-file PATH          where the sandbox keys are written, mode 0600 (default
                                    next to the SQLite file, or ./latchkey-sandbox-keys.json)
  --log-level LEVEL                 fatal, error, warn, info, debug, trace or silent
                                    (LATCHKEY_LOG_LEVEL, default info)
  --drain-seconds N                 on SIGTERM, answer /ready with 503 for N seconds before
                                    closing, so load balancers stop sending
                                    (LATCHKEY_DRAIN_SECONDS, default 0)
  --request-timeout SECONDS         how long a request may take to arrive, headers and body;
                                    later it is answered 408 and closed
                                    (LATCHKEY_REQUEST_TIMEOUT, default 30)
  --workers N                       processes answering on the one port, N or auto for one
                                    per CPU; needs a SQLite file or PostgreSQL
                                    (LATCHKEY_WORKERS, default 1)
  --seed FILE                       before listening, add the workspaces, fixed keys and data
                                    a JSON seed file declares (LATCHKEY_SEED; docs/ci.md)

Secrets: LATCHKEY_SECRET (32+ characters; required with PostgreSQL; SQLite otherwise keeps a
key file next to the database) and LATCHKEY_PREVIOUS_SECRETS (comma-separated, while rotating).`,

  migrate: `usage: latchkey migrate [--database-url URL] [--json]

Creates the database if needed (a SQLite file, or a PostgreSQL database through the server's
"postgres" database with the same role) and applies pending schema migrations.

${DATABASE}`,

  workspaces: `usage: latchkey workspaces <action> [options]

  create --name NAME [--sandbox]     a workspace with one API key and one publishable key
  list                               every workspace
  delete --workspace ID [--force]    delete a workspace; refused while it holds client
                                     sessions, accounts, devices or identities unless --force

${DATABASE}`,

  'api-keys': `usage: latchkey api-keys <action> [options]

  create --workspace ID [--name NAME]   a new API key (shown once)
  list --workspace ID                   the workspace's API keys (never the secrets)
  revoke --api-key-id ID                stop a key from working

${DATABASE}`,

  'publishable-keys': `usage: latchkey publishable-keys <action> [options]

  create --workspace ID                   a new publishable key (shown once)
  list --workspace ID                     the workspace's publishable keys
  revoke --publishable-key-id ID          stop a key from working; sessions it created
                                          keep working until revoked themselves

${DATABASE}`,

  pats: `usage: latchkey pats <action> [options]

  create --email EMAIL --workspace ID     a personal access token (shown once); the person
                                          becomes a member of the workspace
  list [--workspace ID] [--email EMAIL]   tokens, newest first (never the secrets)
  revoke --pat-id ID                      stop a token from working

${DATABASE}`,

  backup: `usage: latchkey backup --to PATH [--database-url sqlite:<path>] [--json]

Copies a SQLite database to PATH (a new file) while servers keep serving: SQLite's online
backup, consistent, WAL included. The key file (<database>.key) is not copied: keep it apart
from the copies. To restore: stop the server, put the copy back as the database (removing any
<database>-wal and -shm beside it), put the key file back beside it, and run
"latchkey secrets check". For PostgreSQL use pg_dump.`,
  webhooks: `usage: latchkey webhooks <action> [options]

  deliveries [--webhook ID] [--failed]   deliveries, newest first, with their attempts and
                                         last answer (--json for every attempt)
  redeliver --delivery ID                make a delivery due again (a failed one included);
                                         a running server sends it, with the same svix-id

${DATABASE}`,

  secrets: `usage: latchkey secrets <action> [options]

  check     verify LATCHKEY_SECRET (or the SQLite key file) matches the database
  rotate    re-encrypt every stored client session token under LATCHKEY_SECRET; run it
            after every server has LATCHKEY_SECRET=new and LATCHKEY_PREVIOUS_SECRETS=old;
            safe while servers run

${DATABASE}`,
}

export const USAGE = `usage: latchkey <command> [options]

Latchkey: a self-hosted, Seam-compatible client session server.

Commands:
  serve             start the API server
  migrate           create or upgrade the database schema
  workspaces        create | list | delete
  api-keys          create | list | revoke
  publishable-keys  create | list | revoke
  pats              create | list | revoke (personal access tokens)
  secrets           check | rotate (the token encryption key)
  webhooks          deliveries | redeliver
  backup            copy a SQLite database while it serves

Run "latchkey <command> --help" for every option of a command, "latchkey --version" for the version.
Database: --database-url or DATABASE_URL, sqlite:<path> (default sqlite:./data/latchkey.sqlite)
or postgres://… (then LATCHKEY_SECRET is required).`
