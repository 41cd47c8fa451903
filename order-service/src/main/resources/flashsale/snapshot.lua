-- The units left and every ticket, read at one moment (reconciliation compares them with the
-- orders read afterwards; two separate reads could see a unit both as given back and as left).
-- KEYS: stock, tickets
return {redis.call('GET', KEYS[1]) or '', redis.call('HGETALL', KEYS[2])}
