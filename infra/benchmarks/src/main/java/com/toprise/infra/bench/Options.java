package com.toprise.infra.bench;

import java.util.Map;

/** A benchmark's {@code key=value} options from the command line, read with the benchmark's own defaults. */
final class Options {

    private Options() {
    }

    static int intOption(Map<String, String> options, String name, int defaultValue) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(defaultValue)));
    }

    static double doubleOption(Map<String, String> options, String name, double defaultValue) {
        return Double.parseDouble(options.getOrDefault(name, Double.toString(defaultValue)));
    }
}
