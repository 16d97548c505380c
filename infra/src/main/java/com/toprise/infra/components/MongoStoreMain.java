package com.toprise.infra.components;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Entry point of the Mongo store's JVM: {@code MongoStoreMain <port> <store file>}. */
public final class MongoStoreMain {

    private MongoStoreMain() {
    }

    public static void main(String[] args) throws InterruptedException, java.io.IOException {
        int port = Integer.parseInt(args[0]);
        Path storeFile = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(storeFile.getParent());

        H2Backend backend = new WireCompatibleH2Backend(storeFile.toString());
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM must flush the MVStore, or the last writes are lost
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
            stopped.countDown();
        }, "mongo-store-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println("mongo store listening on 127.0.0.1:" + port + ", file " + storeFile);
        stopped.await();
    }
}
