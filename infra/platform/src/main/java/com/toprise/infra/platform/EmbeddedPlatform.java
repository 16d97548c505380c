package com.toprise.infra.platform;

import com.toprise.infra.components.AmqpBroker;
import com.toprise.infra.components.ConnectWorker;
import com.toprise.infra.components.ElasticsearchNode;
import com.toprise.infra.components.KafkaBroker;
import com.toprise.infra.components.MongoStore;
import com.toprise.infra.components.PlatformServices;
import com.toprise.infra.components.RedisServer;
import com.toprise.infra.components.SpringService;
import com.toprise.infra.components.StreamsApp;
import com.toprise.infra.provisioning.Provisioner;
import com.toprise.infra.provisioning.ProvisioningFailure;
import com.toprise.infra.provisioning.ProvisioningReport;
import com.toprise.infra.provisioning.ProvisioningTarget;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole local platform: real Kafka (KRaft), a Connect worker, Elasticsearch, Redis, an AMQP broker and the
 * MongoDB-wire store, then every service. Started in dependency order (independent components of a stage start
 * together); a failure stops whatever was started and names the component, its port and its log.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private final PlatformSettings settings;
    private final PrintStream progress;
    private final KafkaBroker kafka;
    private final ElasticsearchNode elasticsearch;
    private final MongoStore mongo;
    private final RedisServer redis;
    private final AmqpBroker amqp;
    private final ConnectWorker connect;
    private final StreamsApp topology;
    private final List<SpringService> services;
    private final List<PlatformComponent> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Double> readySeconds = new java.util.concurrent.ConcurrentHashMap<>();
    private long startNanos;
    private Thread stopOnExit;

    public EmbeddedPlatform(PlatformSettings settings, PrintStream progress) {
        this(settings, progress, Map.of());
    }

    /**
     * @param serviceSettings TOPRISE_* variables given to every Spring service on top of the platform's addresses,
     *                        e.g. raised gateway rate limits for a benchmark
     */
    public EmbeddedPlatform(PlatformSettings settings, PrintStream progress, Map<String, String> serviceSettings) {
        this.settings = settings;
        this.progress = progress;
        this.kafka = new KafkaBroker(settings);
        this.elasticsearch = new ElasticsearchNode(settings);
        this.mongo = new MongoStore(settings);
        this.redis = new RedisServer(settings);
        this.amqp = new AmqpBroker(settings);
        this.connect = new ConnectWorker(settings, kafka.bootstrapServers(), PlatformServices.connectorEnvironment(settings.ports()));
        this.topology = new StreamsApp(settings, kafka.bootstrapServers());
        this.services = PlatformServices.create(settings, serviceSettings);
    }

    public EmbeddedPlatform start() {
        startNanos = System.nanoTime();
        readySeconds.clear();
        registerStopOnExit();
        progress.printf("starting the TopRise platform in %s%n", settings.dataDir());
        try {
            startStage(List.of(kafka, elasticsearch, mongo, redis, amqp));
            provisioner().applyTopics(provisioningReport());
            // what needs only Kafka starts beside Connect; services that write to their databases wait for the CDC
            // sources, because an outbox entry written before its source's snapshot would never become an event
            List<PlatformComponent> besideConnect = new ArrayList<>(List.of(connect, topology));
            List<SpringService> afterSources = new ArrayList<>();
            if (settings.withServices()) {
                for (SpringService service : services) {
                    if (service.writesToItsDatabase()) {
                        afterSources.add(service);
                    } else {
                        besideConnect.add(service);
                    }
                }
            }
            startStage(besideConnect, () -> awaitAndDeploy(connect));
            startStage(afterSources);
            progress.printf("[%5.1fs] all components ready%n", elapsedSeconds());
            return this;
        } catch (RuntimeException e) {
            progress.printf("FAILED: %s%n", e.getMessage());
            stop();
            throw e;
        }
    }

    /** Whoever started the platform (a benchmark, a test run) may be killed: its children must not outlive it. */
    private synchronized void registerStopOnExit() {
        if (stopOnExit == null) {
            stopOnExit = new Thread(this::stop, "embedded-platform-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    private synchronized void unregisterStopOnExit() {
        if (stopOnExit != null && Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it stops what is left
            }
        }
        stopOnExit = null;
    }

    /** Stops in reverse start order: services before the brokers they use. */
    public void stop() {
        unregisterStopOnExit();
        List<PlatformComponent> reverse;
        synchronized (started) {
            reverse = new ArrayList<>(started);
            started.clear();
        }
        Collections.reverse(reverse);
        for (PlatformComponent component : reverse) {
            component.stop();
            progress.printf("stopped %s%n", component.name());
        }
    }

    /** Fault drills: stop one running component (by name), leaving the rest up. */
    public void stopComponent(String name) {
        component(name).stop();
    }

    /** Fault drills: kill one running component (by name) the way a crash would, leaving the rest up. */
    public void killComponent(String name) {
        component(name).kill();
    }

    /** Starts a component stopped by {@link #stopComponent} again, on the same port and data, and waits for it. */
    public void startComponent(String name) {
        PlatformComponent component = component(name);
        component.launch();
        component.awaitReady();
    }

    private PlatformComponent component(String name) {
        return components().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + name));
    }

    public void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    private void deployConnectors() {
        Provisioner provisioner = provisioner();
        ProvisioningReport report = provisioningReport();
        provisioner.applyIndexTemplates(report);
        try {
            provisioner.applyConnectors(report);
        } catch (ProvisioningFailure e) {
            throw new ComponentFailure(connect, e.getMessage(), e);
        }
    }

    /** The same provisioning as {@code bin/toprise provision} against real clusters, one replica per topic. */
    private Provisioner provisioner() {
        return new Provisioner(new ProvisioningTarget(kafka.bootstrapServers(), connect.address(),
                elasticsearch.address(), (short) 1), settings.projectRoot());
    }

    private ProvisioningReport provisioningReport() {
        return new ProvisioningReport(line -> progress.printf("[%5.1fs] %-22s %s%n", elapsedSeconds(),
                line.kind() + " " + line.name(), line.action().name().toLowerCase()));
    }

    private void awaitAndDeploy(ConnectWorker worker) {
        awaitReady(worker);
        deployConnectors();
    }

    private void awaitReady(PlatformComponent c) {
        c.awaitReady();
        double at = elapsedSeconds();
        readySeconds.put(c.name(), at);
        progress.printf("[%5.1fs] %-22s ready  %-32s pid %d%n", at, c.name(), c.address(), c.pid());
    }

    private void startStage(List<? extends PlatformComponent> stage) {
        startStage(stage, null);
    }

    /** Launches a stage at once and waits for all of it; {@code connectStep} waits for Connect itself, then deploys. */
    private void startStage(List<? extends PlatformComponent> stage, Runnable connectStep) {
        for (PlatformComponent component : stage) {
            started.add(component);
            component.launch();
        }
        List<CompletableFuture<Void>> waits = stage.stream()
                .map(c -> CompletableFuture.runAsync(connectStep != null && c == connect ? connectStep
                        : () -> awaitReady(c)))
                .toList();
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Every component, infrastructure first, in start order. */
    public List<PlatformComponent> components() {
        List<PlatformComponent> all = new ArrayList<>(List.of(kafka, elasticsearch, mongo, redis, amqp, connect, topology));
        if (settings.withServices()) {
            all.addAll(services);
        }
        return all;
    }

    /** Seconds from {@link #start} until each component was ready, in the order they became ready. */
    public Map<String, Double> readySeconds() {
        Map<String, Double> ordered = new LinkedHashMap<>();
        readySeconds.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> ordered.put(e.getKey(), Math.round(e.getValue() * 10) / 10.0));
        return ordered;
    }

    public long totalRssBytes() {
        return components().stream().mapToLong(PlatformComponent::rssBytes).sum();
    }

    public PlatformSettings settings() {
        return settings;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String connectUrl() {
        return connect.address();
    }

    public ConnectWorker connectWorker() {
        return connect;
    }

    public String elasticsearchUrl() {
        return elasticsearch.address();
    }

    public String redisAddress() {
        return redis.address();
    }

    public int amqpPort() {
        return amqp.port();
    }

    public String mongoUri() {
        return mongo.address();
    }

    /**
     * The inventory topology's own query server: {@code GET /inventory/{sku}}, {@code GET /dealers/{id}} (what the
     * dealer assignment knows of a dealer). Internal and unauthenticated, so only tests and services call it.
     */
    public String topologyQueryUrl() {
        return topology.address();
    }

    public String serviceUrl(String module) {
        return services.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module)).address();
    }

    public String gatewayUrl() {
        return serviceUrl("gateway");
    }

    public List<SpringService> services() {
        return services;
    }
}
