-- GET of the URL's path (headers such as `Connection: close` come from wrk -H).
dofile(os.getenv("BENCH_LUA") .. "/summary.lua")
