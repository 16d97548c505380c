package com.toprise.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A store on a free local port with its file in a test's directory, and a Java driver client connected to it. */
final class RunningStore implements AutoCloseable {

    private final Path file;
    private ReplicaSetMongoServer server;
    private MongoClient client;
    private int port;

    RunningStore(Path directory) {
        this.file = directory.resolve("store.mv");
        start();
    }

    MongoClient client() {
        return client;
    }

    int port() {
        return port;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port + "/?replicaSet=" + ReplicaSetBackend.REPLICA_SET_NAME;
    }

    /** Closes the store and opens the same file again, on the same port. */
    void restart() {
        close();
        start();
    }

    private void start() {
        server = new ReplicaSetMongoServer(new ReplicaSetBackend(file.toString(), 1_000));
        port = server.bind("127.0.0.1", port).getPort();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
