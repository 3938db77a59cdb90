-- wrk: heartbeat reports of one bot, each with a new event id but one in ten a redelivery of the one before.
-- Set BOT and TOKEN in the environment. Counts 202 (taken) and 200 (duplicate) answers.
local bot, token = os.getenv("BOT"), os.getenv("TOKEN")
local n, last = 0, "first"
local taken, duplicates, other = 0, 0, 0

request = function()
  n = n + 1
  local id = last
  if n % 10 ~= 0 then
    id = string.format("%d-%d-%d", os.time(), math.random(1, 1e9), n)
  end
  last = id
  return wrk.format("POST", "/api/v1/bots/" .. bot .. "/reports", {
    ["Authorization"] = "Bearer " .. token, ["ce-specversion"] = "1.0", ["ce-id"] = id, ["ce-source"] = "/bench",
    ["ce-type"] = "io.knag.bot.heartbeat", ["ce-subject"] = bot, ["Content-Type"] = "application/json" }, "{}")
end

response = function(status)
  if status == 202 then taken = taken + 1 elseif status == 200 then duplicates = duplicates + 1 else other = other + 1 end
end

done = function(summary)
  -- per-thread counters are not shared with done(); the totals come from summary
  io.write(string.format("responses %d, non-2xx %d\n", summary.requests, summary.errors.status))
end
