-- An accepted buy that could not be queued: as if it never happened (unit, quota, ticket and the
-- idempotency key all go), so the buyer may try again with the same key. Only while QUEUED.
-- KEYS: stock, buyers, tickets, idempotency keys
-- ARGV: ticket id
local raw = redis.call('HGET', KEYS[3], ARGV[1])
if not raw then
  return 0
end
local ticket = cjson.decode(raw)
if ticket.status ~= 'QUEUED' then
  return 0
end
redis.call('INCR', KEYS[1])
redis.call('HINCRBY', KEYS[2], ticket.user, -1)
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ticket.user .. ':' .. ticket.key)
return 1
