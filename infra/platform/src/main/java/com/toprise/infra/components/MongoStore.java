package com.toprise.infra.components;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.infra.mongo.MongoStoreMain;
import com.toprise.infra.mongo.ReplicaSetBackend;
import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;
import org.bson.Document;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB-wire store: mongo-java-server with its H2 MVStore backend in a file under the data dir,
 * so documents survive a restart. It speaks the MongoDB wire protocol to the real Java driver.
 */
public final class MongoStore extends PlatformComponent {

    public MongoStore(PlatformSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public int port() {
        return settings.ports().mongo();
    }

    @Override
    public String address() {
        return connectionString(port());
    }

    /** The store is replica set rs0, as production is a replica set; Debezium insists on the name in the URI. */
    public static String connectionString(int port) {
        return "mongodb://127.0.0.1:" + port + "/?replicaSet=" + ReplicaSetBackend.REPLICA_SET_NAME;
    }

    @Override
    protected List<String> command() {
        return javaCommand("1g", MongoStoreMain.class.getName(),
                Integer.toString(port()), home().resolve("store.mv").toString());
    }

    /**
     * The serial collector with a young generation of 512 MB: the MVStore keeps its pages on the heap for seconds,
     * long enough to survive young collections, so each one copies a similar amount whatever the young size; a
     * large one collects less often, and every request in flight waits less in all (measurements, and the G1
     * setting that was tried: docs/benchmarks.md).
     */
    @Override
    protected List<String> garbageCollector() {
        return List.of("-XX:+UseSerialGC", "-Xmn512m");
    }

    @Override
    public boolean isReady() {
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(address()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(1, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(clientSettings)) {
            Document reply = client.getDatabase("admin").runCommand(new Document("ping", 1));
            return reply.get("ok") != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
