-- The ticket's order was cancelled: its unit and the buyer's quota go back to the activity, once.
-- KEYS: stock, buyers, tickets
-- ARGV: ticket id, order number
local raw = redis.call('HGET', KEYS[3], ARGV[1])
if not raw then
  return 0
end
local ticket = cjson.decode(raw)
-- QUEUED: the order committed, and was cancelled before its ticket was marked ORDERED
if not (ticket.status == 'QUEUED' or (ticket.status == 'ORDERED' and ticket.orderNo == ARGV[2])) then
  return 0
end
ticket.status = 'RELEASED'
ticket.orderNo = ARGV[2]
redis.call('INCR', KEYS[1])
redis.call('HINCRBY', KEYS[2], ticket.user, -1)
redis.call('HSET', KEYS[3], ARGV[1], cjson.encode(ticket))
return 1
