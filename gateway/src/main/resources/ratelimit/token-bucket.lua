-- One take from a client's token bucket, kept in Redis so that every gateway charges the same bucket. A script runs
-- alone, so the read-refill-take-write below is atomic however many gateways call it at once. The clock is Redis' own
-- (TIME), so the gateways' clocks never matter.
--   KEYS[1]  the bucket: a hash of tokens (fractional) and at (microseconds when they were counted)
--   ARGV[1]  capacity: tokens when full
--   ARGV[2]  period in milliseconds in which an empty bucket refills completely
-- Returns {allowed (1 or 0), whole tokens left, microseconds until full, microseconds until the next token}.
-- The hash expires when the bucket would be full again: a missing bucket is a full one, so nothing is lost.
local capacity = tonumber(ARGV[1])
local perToken = tonumber(ARGV[2]) * 1000 / capacity
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
elseif now > at then
  tokens = math.min(capacity, tokens + (now - at) / perToken)
else
  now = at -- Redis' clock went back (a failover to a replica): refill from the last take on
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
local toFull = math.ceil((capacity - tokens) * perToken)
local toNext = 0
if allowed == 0 then
  toNext = math.ceil((1 - tokens) * perToken)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', now))
redis.call('PEXPIRE', KEYS[1], math.ceil(toFull / 1000) + 1)
return {allowed, math.floor(tokens), toFull, toNext}
