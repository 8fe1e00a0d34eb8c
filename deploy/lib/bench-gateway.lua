-- wrk script of deploy/bench gateway (GatewayBenchmark): every request carries the bearer token given in the
-- environment (BENCH_TOKEN), and the run ends with one line of figures that the benchmark program parses.
-- Latencies are wrk's own (microseconds, from the request written to the response read).

local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  error("BENCH_TOKEN is not set")
end
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "wrk-result requests=%d duration_us=%d connect_errors=%d read_errors=%d write_errors=%d status_errors=%d "
      .. "timeouts=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
