package com.toprise.infra.components;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Entry point of the AMQP broker's JVM: {@code AmqpBrokerMain <port> <work dir>}. */
public final class AmqpBrokerMain {

    private AmqpBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(work);

        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.TYPE, "JSON");
        attributes.put("storePath", work.resolve("config.json").toString());
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION,
                AmqpBrokerMain.class.getResource("/platform/qpid-initial-config.json").toExternalForm());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, Boolean.TRUE);
        attributes.put(SystemConfig.CONTEXT, Map.of(
                SystemConfig.QPID_WORK_DIR, work.toString(),
                "qpid.amqp_port", Integer.toString(port)));

        SystemLauncher launcher = new SystemLauncher();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.shutdown();
            stopped.countDown();
        }, "amqp-broker-shutdown"));
        launcher.startup(attributes);
        stopped.await();
    }
}
