package com.toprise.infra.components;

import com.toprise.infra.platform.ComponentFailure;
import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;
import com.toprise.infra.platform.Probes;
import com.toprise.infra.platform.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Elasticsearch node from the Maven Central distribution, unpacked once into the cache.
 * ES 9 needs JDK 21+ (ES_JAVA_HOME) and refuses to run as root, so as root it runs as the system user
 * {@value ElasticsearchUser#NAME}, owning its own directory under the data dir.
 */
public final class ElasticsearchNode extends PlatformComponent {

    public static final String VERSION = "9.2.8";

    public ElasticsearchNode(PlatformSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public int port() {
        return settings.ports().elasticsearch();
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(180);
    }

    @Override
    protected void prepare() throws Exception {
        Path distribution = ElasticsearchDistribution.unpacked(settings, VERSION);
        Path config = home().resolve("config");
        Files.createDirectories(config);
        for (String file : List.of("jvm.options", "log4j2.properties")) {
            Files.copy(distribution.resolve("config").resolve(file), config.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(config.resolve("jvm.options.d"));
        Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
                "cluster.name: toprise",
                "node.name: toprise-1",
                "path.data: " + home().resolve("data"),
                "path.logs: " + home().resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + port(),
                "transport.port: " + settings.ports().elasticsearchTransport(),
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                // a shared build disk can be fuller than ES's watermarks; indices must stay writable here
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.auto_create_index: true",
                ""));
        Files.createDirectories(home().resolve("data"));
        Files.createDirectories(home().resolve("logs"));
        Files.createDirectories(home().resolve("tmp"));
        if (Processes.isRoot()) {
            ElasticsearchUser.ensureExists();
            ElasticsearchUser.takeOwnership(home());
            ElasticsearchUser.checkCanReach(List.of(distribution.resolve("bin/elasticsearch"), home().resolve("data")))
                    .ifPresent(problem -> {
                        throw new ComponentFailure(this, problem, null);
                    });
        }
    }

    @Override
    protected List<String> command() throws IOException {
        Path launcher = ElasticsearchDistribution.unpacked(settings, VERSION).resolve("bin/elasticsearch");
        List<String> command = new ArrayList<>();
        if (Processes.isRoot()) {
            command.addAll(ElasticsearchUser.runAsPrefix());
        }
        command.add(launcher.toString());
        return command;
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of(
                "ES_JAVA_HOME", JdkLocator.jdk21OrNewer().toString(),
                "ES_PATH_CONF", home().resolve("config").toString(),
                "ES_TMPDIR", home().resolve("tmp").toString(),
                "HOME", home().toString(),
                "ES_JAVA_OPTS", "-Xms512m -Xmx512m -Dtoprise.platform=" + settings.dataDir());
    }

    @Override
    public boolean isReady() {
        return Probes.httpGet(address() + "/_cluster/health?wait_for_status=yellow&timeout=1s").isPresent();
    }
}
