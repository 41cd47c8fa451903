-- One purchase attempt, atomically: the buyer's earlier attempt with the same idempotency key
-- answers again; else the time window, the buyer's limit and the remaining units are checked,
-- and an accepted buy takes a unit and records its ticket (QUEUED).
-- KEYS: meta, stock, buyers, tickets, idempotency keys (one hash slot)
-- ARGV: user id, idempotency key, new ticket id, now (epoch ms), address id (0: default), passport
local keyOfBuyer = ARGV[1] .. ':' .. ARGV[2]
local earlier = redis.call('HGET', KEYS[5], keyOfBuyer)
if earlier then
  return {'REPLAY', earlier}
end
local meta = redis.call('HMGET', KEYS[1], 'startsAt', 'endsAt', 'limit', 'expireAt')
if not meta[1] then
  return {'NOT_LOADED', ''}
end
local now = tonumber(ARGV[4])
if now < tonumber(meta[1]) then
  return {'NOT_STARTED', ''}
end
if now >= tonumber(meta[2]) then
  return {'ENDED', ''}
end
if tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0') >= tonumber(meta[3]) then
  return {'PURCHASE_LIMIT', ''}
end
if tonumber(redis.call('GET', KEYS[2]) or '0') <= 0 then
  return {'SOLD_OUT', ''}
end
redis.call('DECR', KEYS[2])
redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
redis.call('HSET', KEYS[4], ARGV[3], cjson.encode({
  status = 'QUEUED', user = tonumber(ARGV[1]), key = ARGV[2], address = tonumber(ARGV[5]), acceptedAt = now,
  passport = ARGV[6]
}))
redis.call('HSET', KEYS[5], keyOfBuyer, ARGV[3])
for i = 3, 5 do
  redis.call('PEXPIREAT', KEYS[i], meta[4])
end
return {'ACCEPTED', ARGV[3]}
