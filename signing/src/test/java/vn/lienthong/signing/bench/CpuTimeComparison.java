package vn.lienthong.signing.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The benchmark's operations measured in CPU time of this process instead of wall-clock throughput:
 * on a shared 2-core machine other builds steal wall-clock time, CPU time per operation stays
 * comparable. The whole process is counted (garbage collection included) because verification runs
 * on the verifier's worker threads. Run after test-compile with the test class path: {@code java
 * -cp ... vn.lienthong.signing.bench.CpuTimeComparison [seconds-per-operation]}.
 */
public final class CpuTimeComparison {

  private CpuTimeComparison() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 4;
    ThreadMXBean process = ManagementFactory.getThreadMXBean();
    for (String size : new String[] {"small", "large"}) {
      SigningBenchmark bench = new SigningBenchmark();
      bench.size = size;
      bench.setUp();
      Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
      operations.put("rawRsaPkcs12", bench::rawRsaPkcs12);
      operations.put("rawRsaSoftHsm", bench::rawRsaSoftHsm);
      operations.put("signBbPkcs12", bench::signBbPkcs12);
      operations.put("signBbPkcs12Cookbook", bench::signBbPkcs12Cookbook);
      operations.put("signBbPkcs12Seal", bench::signBbPkcs12Seal);
      operations.put("signBbSoftHsm", bench::signBbSoftHsm);
      operations.put("signBbSoftHsmCookbook", bench::signBbSoftHsmCookbook);
      operations.put("verifyBltOurs", bench::verifyBltOurs);
      operations.put("verifyBltOursNoVisual", bench::verifyBltOursNoVisual);
      operations.put("verifyBltCookbook", bench::verifyBltCookbook);
      for (Map.Entry<String, Supplier<Object>> operation : operations.entrySet()) {
        // warm up, then measure
        run(operation.getValue(), process, seconds / 2);
        double[] result = run(operation.getValue(), process, seconds);
        System.out.printf(
            "%-24s %-6s %9.2f ms CPU/op %9.1f ops per CPU-second (%d ops)%n",
            operation.getKey(), size, result[0], 1000 / result[0], (long) result[1]);
      }
      bench.tearDown();
    }
    System.exit(0);
  }

  private static double[] run(Supplier<Object> operation, ThreadMXBean process, double seconds) {
    long cpuStart = workCpu(process);
    long wallEnd = System.nanoTime() + (long) (seconds * 1e9);
    long count = 0;
    while (System.nanoTime() < wallEnd || count < 3) {
      operation.get();
      count++;
    }
    double cpuMillis = (workCpu(process) - cpuStart) / 1e6;
    return new double[] {cpuMillis / count, count};
  }

  /** CPU time of this thread and of the verifier's workers (whose names say what they are). */
  private static long workCpu(ThreadMXBean threads) {
    long total = threads.getCurrentThreadCpuTime();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("lienthong-verify-")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }
}
