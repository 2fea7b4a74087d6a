import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script run by its SHA1 (`EVALSHA`), loaded again when the server lost it (a restart). */
export interface Script {
  run(redis: Redis, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown>;
}

function script(source: string): Script {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    run: async (redis, keys, args) => {
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (e) {
        if (!(e instanceof Error) || !e.message.startsWith('NOSCRIPT')) throw e;
        return redis.eval(source, keys.length, ...keys, ...args);
      }
    },
  };
}

/**
 * Takes a free lease. KEYS: lease, epoch. ARGV: owner, ttl ms. Returns the new epoch (a fencing token), or 0
 * when someone else holds it.
 */
export const ACQUIRE = script(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local epoch = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. epoch, 'PX', ARGV[2])
return epoch`);

/** Renews a lease still ours. KEYS: lease. ARGV: `<owner>|<epoch>`, ttl ms. Returns 1, or 0 when lost. */
export const RENEW = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`);

/** Gives a lease up if still ours. KEYS: lease. ARGV: `<owner>|<epoch>`. */
export const RELEASE = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);

/**
 * Refreshes a worker's membership and lists the live workers (server clock, so hosts need no synchronised
 * clocks). KEYS: members. ARGV: member, ttl ms (0 leaves).
 */
export const MEMBERS = script(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if tonumber(ARGV[2]) > 0 then redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
else redis.call('ZREM', KEYS[1], ARGV[1]) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZRANGE', KEYS[1], 0, -1)`);

/**
 * Claims an action's idempotency key, fenced by the partition epoch. KEYS: idempotency record, partition epoch
 * (any key when unfenced), stats. ARGV: epoch ('' = unfenced), ttl ms, claimant (`<gateway>:<action entry id>`).
 * Returns {'new'}, {'stale', current}, or {'dup', record} (the record is `P|<claimant>` while the first run is
 * in flight, then its outcome). The same claimant claiming again (its first answer was lost with the
 * connection, so it never ran) gets {'new'} again.
 */
export const CLAIM = script(`
if ARGV[1] ~= '' then
  local current = tonumber(redis.call('GET', KEYS[2]) or '0')
  if tonumber(ARGV[1]) < current then return {'stale', tostring(current)} end
end
local mine = 'P|' .. ARGV[3]
if redis.call('SET', KEYS[1], mine, 'NX', 'PX', ARGV[2]) then return {'new'} end
local record = redis.call('GET', KEYS[1]) or mine
if record == mine then return {'new'} end
redis.call('HINCRBY', KEYS[3], 'duplicatesSuppressed', 1)
return {'dup', record}`);

/** Whether an idempotency record says the first run is still in flight (no outcome stored yet). */
export const isInFlightRecord = (record: string): boolean => record.startsWith('P|');

/**
 * Trims a partition stream to MAXLEN exactly and counts the trimmed entries no consumer group had handled
 * (never read, or read and still pending). KEYS: stream, stats. ARGV: max length, most entries per run.
 * Returns the number of unhandled entries trimmed.
 */
export const TRIM = script(`
local excess = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[1])
if excess <= 0 then return 0 end
if excess > tonumber(ARGV[2]) then excess = tonumber(ARGV[2]) end
local entries = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', excess)
local first, last = entries[1][1], entries[#entries][1]
local function after(a, b)
  local am, as = string.match(a, '(%d+)-(%d+)')
  local bm, bs = string.match(b, '(%d+)-(%d+)')
  am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
  return am > bm or (am == bm and as > bs)
end
local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
local unhandled = #entries
if #groups > 0 then
  unhandled = 0
  for _, g in ipairs(groups) do
    local name, delivered
    for i = 1, #g, 2 do
      if g[i] == 'name' then name = g[i + 1] elseif g[i] == 'last-delivered-id' then delivered = g[i + 1] end
    end
    local count = #redis.call('XPENDING', KEYS[1], name, first, last, excess)
    for _, e in ipairs(entries) do if after(e[1], delivered) then count = count + 1 end end
    if count > unhandled then unhandled = count end
  end
end
local lm, ls = string.match(last, '(%d+)-(%d+)')
redis.call('XTRIM', KEYS[1], 'MINID', lm .. '-' .. (tonumber(ls) + 1))
if unhandled > 0 then redis.call('HINCRBY', KEYS[2], 'trimmed', unhandled) end
return unhandled`);
