package com.toprise.infra.bench;

import com.toprise.infra.platform.PlatformSettings;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/toprise bench <name> [key=value ...]}: runs one benchmark and writes its JSON result to
 * infra/benchmarks/results/ (or {@code out=<file>}), with the machine facts needed to compare runs.
 */
public final class BenchmarkRunner {

    private static final List<Benchmark> BENCHMARKS = List.of(new ColdStartBenchmark(), new CdcLatencyBenchmark(),
            new SinkThroughputBenchmark(), new GatewayBenchmark(), new OrderIntakeBenchmark(), new FulfilmentBenchmark());

    private BenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        // initialise logging before the parallel start-up threads race to do it (SLF4J's "substitute loggers" warning)
        org.slf4j.LoggerFactory.getLogger(BenchmarkRunner.class);
        System.exit(run(PlatformSettings.fromEnvironment(PlatformSettings.locateProjectRoot()), args));
    }

    public static int run(PlatformSettings settings, String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("benchmarks:");
            BENCHMARKS.forEach(b -> System.out.printf("  %-14s %s%n", b.name(), b.description()));
            return 2;
        }
        Benchmark benchmark = BENCHMARKS.stream().filter(b -> b.name().equals(args[0])).findFirst().orElse(null);
        if (benchmark == null) {
            System.err.println("unknown benchmark " + args[0]);
            return 2;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", benchmark.name());
        result.put("startedAt", Instant.now().toString());
        result.put("options", options);
        result.put("results", benchmark.run(settings, options));
        result.put("machine", machineFacts());

        String json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(result);
        Path out = options.containsKey("out") ? Path.of(options.get("out"))
                : settings.projectRoot().resolve("infra/benchmarks/results").resolve(benchmark.name() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".json");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json + "\n");
        System.out.println(json);
        System.out.println("written to " + out);
        return 0;
    }

    static Map<String, Object> machineFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cores", Runtime.getRuntime().availableProcessors());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        facts.put("memoryBytes", os.getTotalMemorySize());
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        facts.put("cpuModel", cpuModel());
        return facts;
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
