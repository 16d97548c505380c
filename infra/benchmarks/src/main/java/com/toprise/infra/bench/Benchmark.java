package com.toprise.infra.bench;

import com.toprise.infra.platform.PlatformSettings;

import java.util.Map;

/** One named benchmark: it runs on demand and returns its figures for the JSON result. */
public interface Benchmark {

    String name();

    String description();

    /** The figures of one run; the runner adds machine facts and writes the file. */
    Map<String, Object> run(PlatformSettings settings, Map<String, String> options) throws Exception;
}
