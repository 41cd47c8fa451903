-- Puts an activity into Redis unless it is there: its window, limit and the units left to sell.
-- KEYS: meta, stock
-- ARGV: startsAt, endsAt, per-user limit, quantity, units left, expireAt (all epoch ms or counts)
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'startsAt', ARGV[1], 'endsAt', ARGV[2], 'limit', ARGV[3], 'quantity', ARGV[4],
  'expireAt', ARGV[6])
redis.call('SET', KEYS[2], ARGV[5])
redis.call('PEXPIREAT', KEYS[1], ARGV[6])
redis.call('PEXPIREAT', KEYS[2], ARGV[6])
return 1
