#!/usr/bin/env bash
# An independent check of `npm run bench`'s SQLite ratios. Nothing of the harness is reused:
# a different load generator (wrk, in C, instead of autocannon), a bare node:http server written
# here (not bench/bare-server.mjs), data made through the CLI and the HTTP API, and the two
# servers alternated round by round in one run. Loopback only; bounded by DUR × ROUNDS.
#
#   bash bench/side-by-side.sh            # needs wrk (Debian: apt-get install wrk)
#   DUR=5 ROUNDS=3 CONNS=32 WARMUP=1 bash bench/side-by-side.sh
#   WORKERS=2 bash bench/side-by-side.sh  # Latchkey as `serve --workers 2` (the bare server stays one process)
set -euo pipefail
cd "$(dirname "$0")/.."

DUR=${DUR:-5}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-32}
WARMUP=${WARMUP:-1}
WORKERS=${WORKERS:-1}
command -v wrk >/dev/null || { echo "side-by-side needs wrk on PATH (Debian: apt-get install wrk)" >&2; exit 2; }

dir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

free_port() { node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_for() { for _ in $(seq 100); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "not serving: $1" >&2; exit 1; }
json_field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)'"$1"'))'; }

db="sqlite:$dir/side.sqlite"
node bin/latchkey migrate --database-url "$db" >/dev/null
api_key=$(node bin/latchkey workspaces create --name side-by-side --json --database-url "$db" | json_field .api_key)

lk_port=$(free_port)
LATCHKEY_SECRET=side-by-side-secret-side-by-side-secret-0123456789 \
  node bin/latchkey serve --port "$lk_port" --database-url "$db" --workers "$WORKERS" >/dev/null 2>"$dir/latchkey.err" &
pids+=($!)
latchkey="http://127.0.0.1:$lk_port"
wait_for "$latchkey/health"

# One session to read, made the way a backend would.
created=$(curl -sf -X PUT "$latchkey/client_sessions/create" -H "authorization: Bearer $api_key" \
  -H 'content-type: application/json' -d '{"user_identifier_key":"side-user"}')
cst=$(echo "$created" | json_field .client_session.token)
body=$(curl -sf "$latchkey/client_sessions/get" -H "authorization: Bearer $cst")

# The ceiling: the smallest correct node:http server, answering the same bytes to everything.
bare_port=$(free_port)
BODY="$body" node -e '
  const body = Buffer.from(process.env.BODY)
  require("http").createServer((req, res) => {
    req.resume()
    req.on("end", () => { res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length }); res.end(body) })
  }).listen(Number(process.argv[1]), "127.0.0.1")' "$bare_port" &
pids+=($!)
bare="http://127.0.0.1:$bare_port"
wait_for "$bare/"

cat >"$dir/create.lua" <<'LUA'
-- New user keys on every request, per thread, so create always inserts.
local n = 0
local prefix
function init(args) prefix = tostring(math.random(1, 1e9)) .. tostring(os.time()) end
function request()
  n = n + 1
  return wrk.format("PUT", nil, nil, '{"user_identifier_key":"side-' .. prefix .. '-' .. n .. '"}')
end
LUA
cat >"$dir/get_or_create.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"user_identifier_key":"side-user"}'
LUA

# scenario | path | credential | extra wrk args
scenarios=(
  "cst_get|/client_sessions/get|$cst|"
  "api_key_get|/client_sessions/get?user_identifier_key=side-user|$api_key|"
  "get_or_create|/client_sessions/get_or_create|$api_key|-s $dir/get_or_create.lua"
  "create|/client_sessions/create|$api_key|-s $dir/create.lua"
)

run() { # url path credential extra -> "req/s p99_ms"
  # shellcheck disable=SC2086
  wrk -t 2 -c "$CONNS" -d "${DUR}s" --latency -H "authorization: Bearer $3" -H 'content-type: application/json' $4 "$1$2" |
    awk '/Requests\/sec/ {rps=$2} $1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; p=v} END {printf "%s %s\n", rps, p}'
}

echo "wrk -t 2 -c $CONNS, ${DUR}s × $ROUNDS rounds, alternating; $(nproc) cores; Latchkey with $WORKERS worker(s)" >&2
printf '| scenario | Latchkey SQLite req/s | bare req/s | × bare | Latchkey p99 ms |\n|---|---:|---:|---:|---:|\n'
for line in "${scenarios[@]}"; do
  IFS='|' read -r name path credential extra <<<"$line"
  : >"$dir/runs"
  # Unrecorded warm-up of both servers: a fresh code path starts with JIT compilation.
  for url in "$latchkey" "$bare"; do DUR=$WARMUP run "$url" "$path" "$credential" "$extra" >/dev/null; done
  for round in $(seq "$ROUNDS"); do
    if (( round % 2 == 1 )); then order="latchkey bare"; else order="bare latchkey"; fi
    for target in $order; do
      url=$latchkey; [[ $target == bare ]] && url=$bare
      read -r rps p99 < <(run "$url" "$path" "$credential" "$extra")
      echo "  $name · $target: $rps req/s, p99 $p99 ms" >&2
      echo "$target $rps $p99" >>"$dir/runs"
    done
  done
  awk -v name="$name" '
    $1 == "latchkey" { lk += $2; n++; if ($3 > worst) worst = $3 }
    $1 == "bare" { bare += $2; m++ }
    END { printf "| %s | %.0f | %.0f | %.2f× | %.1f |\n", name, lk / n, bare / m, (lk / n) / (bare / m), worst }' "$dir/runs"
done
