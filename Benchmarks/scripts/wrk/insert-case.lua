-- POST /v1/cases with a new externalId on every request, so each one is a real insert
-- (a repeated externalId would be a 409). The id is
-- BENCH-<time>-<thread>-<random>-<counter>: unique per thread, per run and across runs.
dofile(os.getenv("BENCH_LUA") .. "/summary.lua")

local file = assert(io.open(os.getenv("BENCH_CASE"), "rb"))
local template = file:read("*a")
file:close()

-- The case around its externalId value, split once.
local first, last = template:find('"externalId"%s*:%s*"[^"]*"')
assert(first, "the case file needs an externalId")
local head = template:sub(1, first - 1)
local tail = template:sub(last + 1)

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("thread_number", threads)
end

local prefix
local counter = 0
function init(args)
   math.randomseed(os.time() + 7919 * thread_number)
   prefix = string.format("BENCH-%d-%d-%06d-", os.time(), thread_number, math.random(0, 999999))
end

function request()
   counter = counter + 1
   local body = head .. '"externalId": "' .. prefix .. counter .. '"' .. tail
   return wrk.format(nil, nil, nil, body)
end
