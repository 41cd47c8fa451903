-- A queued ticket's outcome: ORDERED (ARGV[3] = its order number) or FAILED (ARGV[3] = the code;
-- the unit and the buyer's quota go back). Only a QUEUED ticket changes; answers its status before.
-- KEYS: stock, buyers, tickets
-- ARGV: ticket id, ORDERED | FAILED, order number | code
local raw = redis.call('HGET', KEYS[3], ARGV[1])
if not raw then
  return 'NONE'
end
local ticket = cjson.decode(raw)
if ticket.status ~= 'QUEUED' then
  return ticket.status
end
ticket.status = ARGV[2]
if ARGV[2] == 'ORDERED' then
  ticket.orderNo = ARGV[3]
else
  ticket.code = ARGV[3]
  redis.call('INCR', KEYS[1])
  redis.call('HINCRBY', KEYS[2], ticket.user, -1)
end
redis.call('HSET', KEYS[3], ARGV[1], cjson.encode(ticket))
return 'QUEUED'
