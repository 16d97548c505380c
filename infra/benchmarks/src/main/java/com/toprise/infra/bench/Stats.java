package com.toprise.infra.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles by the nearest-rank method, the way latency figures are usually reported. */
public final class Stats {

    /** Small samples (runs of a benchmark) are listed whole; large ones (latencies) only summarised. */
    private static final int MAX_LISTED_VALUES = 100;

    private Stats() {
    }

    public static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static Map<String, Object> summary(List<Double> values) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", values.size());
        s.put("min", values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
        s.put("p50", percentile(values, 50));
        s.put("p95", percentile(values, 95));
        s.put("p99", percentile(values, 99));
        s.put("max", values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        if (values.size() <= MAX_LISTED_VALUES) {
            s.put("values", Arrays.asList(values.toArray()));
        }
        return s;
    }
}
