-- POSTs the same case (the file named by BENCH_CASE) on every request.
dofile(os.getenv("BENCH_LUA") .. "/summary.lua")

local file = assert(io.open(os.getenv("BENCH_CASE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
