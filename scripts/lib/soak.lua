-- wrk script for scripts/soak.sh: a fixed mix of valid requests, so any 4xx or 5xx is a
-- finding. Every connection cycles through SCHEDULE (20 requests):
--   3 POST /v1/cases with a new externalId (a real insert)
--   1 POST /v1/cases repeating a seeded case's externalId: a deliberate duplicate, 409
--   2 PUT /v1/cases/{seeded id} (same externalId, another age: a real update)
--   6 GET /v1/cases/{seeded id}
--   2 GET /v1/cases?limit=20
--   3 POST /v1/assessment (stateless, the whole engine)
--   3 GET /v1/cases/{seeded id}/assessment (engine + an audit row written)
-- Environment: BENCH_LUA (Benchmarks/scripts/wrk, for summary.lua), SOAK_CASE (the case
-- template), SOAK_SEEDS (lines "id externalId" of the seeded cases), SOAK_RUN (a tag unique
-- to this run and slice, so new externalIds never repeat across slices).
-- done() prints summary.lua's BENCH line, then one SOAK line with the answers by status:
-- SOAK sent_duplicates=N s2xx=N s409=N s4xx=N s5xx=N other=N statuses=CODE:N,...
-- (s4xx excludes 409; a 409 whose body lacks existingId counts in s4xx).
dofile(os.getenv("BENCH_LUA") .. "/summary.lua")
local bench_done = done

local function read_file(path)
   local file = assert(io.open(path, "rb"))
   local text = file:read("*a")
   file:close()
   return text
end

local template = read_file(os.getenv("SOAK_CASE"))
local first, last = template:find('"externalId"%s*:%s*"[^"]*"')
assert(first, "the case file needs an externalId")
local head = template:sub(1, first - 1)
local tail = template:sub(last + 1)
assert(template:find('"ageYears"%s*:%s*%d+'), "the case file needs patient.ageYears")

local seeds = {}
for line in io.lines(os.getenv("SOAK_SEEDS")) do
   local id, external = line:match("^(%S+)%s+(%S+)$")
   if id then seeds[#seeds + 1] = { id = id, external = external } end
end
assert(#seeds > 0, "no seeded cases in SOAK_SEEDS")

local function case_body(external, age)
   local body = head .. '"externalId": "' .. external .. '"' .. tail
   if age then body = body:gsub('"ageYears"%s*:%s*%d+', '"ageYears": ' .. age, 1) end
   return body
end

local SCHEDULE = {
   "create", "get", "assess", "case-assess", "list",
   "get", "put", "create", "get", "assess",
   "duplicate", "case-assess", "get", "list", "create",
   "get", "put", "assess", "get", "case-assess",
}

local threads = {}
function setup(thread)
   threads[#threads + 1] = thread
   thread:set("thread_number", #threads)
end

local json_headers = { ["Content-Type"] = "application/json" }
local prefix
local counter = 0
local step = 0
sent_duplicates = 0
statuses = {}

function init(args)
   math.randomseed(os.time() + 7919 * thread_number)
   prefix = string.format("SOAK-%s-%d-", os.getenv("SOAK_RUN"), thread_number)
   -- Threads start at different points of the schedule so the mix is spread in time.
   step = (thread_number * 7) % #SCHEDULE
end

function request()
   step = step % #SCHEDULE + 1
   local kind = SCHEDULE[step]
   local seed = seeds[math.random(#seeds)]
   if kind == "create" then
      counter = counter + 1
      return wrk.format("POST", "/v1/cases", json_headers, case_body(prefix .. counter))
   elseif kind == "duplicate" then
      sent_duplicates = sent_duplicates + 1
      return wrk.format("POST", "/v1/cases", json_headers, case_body(seed.external))
   elseif kind == "put" then
      return wrk.format("PUT", "/v1/cases/" .. seed.id, json_headers,
                        case_body(seed.external, math.random(30, 85)))
   elseif kind == "get" then
      return wrk.format("GET", "/v1/cases/" .. seed.id)
   elseif kind == "list" then
      return wrk.format("GET", "/v1/cases?limit=20")
   elseif kind == "assess" then
      return wrk.format("POST", "/v1/assessment", json_headers, case_body("SOAK-STATELESS"))
   else
      return wrk.format("GET", "/v1/cases/" .. seed.id .. "/assessment")
   end
end

function response(status, headers, body)
   local key = tostring(status)
   -- A 409 is the deliberate duplicate only when the problem names the existing case.
   if status == 409 and not (body and body:find('"existingId"', 1, true)) then key = "409-unexpected" end
   statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
   bench_done(summary, latency, requests)
   local total = { sent_duplicates = 0, s2xx = 0, s409 = 0, s4xx = 0, s5xx = 0, other = 0 }
   local merged = {}
   for _, thread in ipairs(threads) do
      total.sent_duplicates = total.sent_duplicates + (thread:get("sent_duplicates") or 0)
      for key, count in pairs(thread:get("statuses") or {}) do
         merged[key] = (merged[key] or 0) + count
         local code = tonumber(key)
         if key == "409" then total.s409 = total.s409 + count
         elseif code == nil then total.s4xx = total.s4xx + count
         elseif code >= 200 and code < 300 then total.s2xx = total.s2xx + count
         elseif code >= 400 and code < 500 then total.s4xx = total.s4xx + count
         elseif code >= 500 then total.s5xx = total.s5xx + count
         else total.other = total.other + count end
      end
   end
   local keys = {}
   for key in pairs(merged) do keys[#keys + 1] = key end
   table.sort(keys)
   local parts = {}
   for _, key in ipairs(keys) do parts[#parts + 1] = key .. ":" .. merged[key] end
   io.write(string.format("SOAK sent_duplicates=%d s2xx=%d s409=%d s4xx=%d s5xx=%d other=%d statuses=%s\n",
      total.sent_duplicates, total.s2xx, total.s409, total.s4xx, total.s5xx, total.other,
      table.concat(parts, ",")))
end
