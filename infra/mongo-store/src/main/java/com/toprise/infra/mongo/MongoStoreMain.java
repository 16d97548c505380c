package com.toprise.infra.mongo;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the Mongo store's JVM: {@code MongoStoreMain <port> <store file> [max oplog entries]}.
 * The store is a one-member replica set with an oplog, so change streams and Debezium work against it.
 */
public final class MongoStoreMain {

    static final long DEFAULT_MAX_OPLOG_ENTRIES = 500_000;

    private MongoStoreMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        int port = Integer.parseInt(args[0]);
        Path storeFile = Path.of(args[1]).toAbsolutePath();
        long maxOplogEntries = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_MAX_OPLOG_ENTRIES;
        Files.createDirectories(storeFile.getParent());

        ReplicaSetMongoServer server = new ReplicaSetMongoServer(
                new ReplicaSetBackend(storeFile.toString(), maxOplogEntries));
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM must flush the MVStore, or the last writes are lost
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "mongo-store-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println("mongo store (replica set " + ReplicaSetBackend.REPLICA_SET_NAME + ") listening on 127.0.0.1:"
                + port + ", file " + storeFile + ", oplog capped at " + maxOplogEntries + " entries");
        stopped.await();
    }
}
