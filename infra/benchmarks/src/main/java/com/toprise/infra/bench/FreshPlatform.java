package com.toprise.infra.bench;

import com.toprise.infra.platform.DataDirs;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformPorts;
import com.toprise.infra.platform.PlatformSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** A benchmark's own platform: a fresh temporary data dir, free ports, removed again after the measurement. */
final class FreshPlatform {

    /** The gateway's rate limits raised for load generators (on, so their cost is paid, but not refusing). */
    static final Map<String, String> RAISED_RATE_LIMITS = Map.of("TOPRISE_GATEWAY_RATE_LIMIT_PER_USER", "1000000",
            "TOPRISE_GATEWAY_RATE_LIMIT_PER_IP", "1000000");

    interface Measurement {
        Map<String, Object> on(EmbeddedPlatform platform) throws Exception;
    }

    private FreshPlatform() {
    }

    /** Starts the platform (with or without the Spring services), measures, then stops it and deletes its data. */
    static Map<String, Object> measure(PlatformSettings base, boolean withServices, Measurement measurement)
            throws Exception {
        return measure(base, withServices, Map.of(), measurement);
    }

    /** As above, with extra TOPRISE_* settings for the services. */
    static Map<String, Object> measure(PlatformSettings base, boolean withServices, Map<String, String> serviceSettings,
                                       Measurement measurement) throws Exception {
        Path dataDir = DataDirs.createTemporary("toprise-bench-");
        PlatformSettings settings = new PlatformSettings(base.projectRoot(), dataDir, base.cacheDir(),
                PlatformPorts.free(), withServices);
        EmbeddedPlatform platform = new EmbeddedPlatform(settings, new PrintStream(System.out, true), serviceSettings);
        try {
            platform.start();
            return measurement.on(platform);
        } finally {
            platform.stop();
            DataDirs.deleteTree(dataDir);
        }
    }
}
