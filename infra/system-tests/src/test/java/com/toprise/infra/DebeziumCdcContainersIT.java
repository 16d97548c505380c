package com.toprise.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.infra.provisioning.ConnectorDeployer;
import com.toprise.infra.provisioning.IndexTemplates;
import com.toprise.infra.provisioning.ProjectFiles;
import com.toprise.infra.provisioning.ProvisioningReport;
import com.toprise.infra.support.ElasticsearchDocs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.containers.BindMode;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import com.toprise.infra.platform.PlatformSettings;
import com.toprise.infra.support.TopicReader;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The CDC test of {@link DebeziumCdcIT} and {@link ElasticsearchSinkIT} against the real thing: a MongoDB 7 replica
 * set, Apache Kafka, Elasticsearch 9.2.8 and Debezium's Connect image with our sink plugin, deploying the same
 * connector files from connectors/deploy (only the connection settings, env vars of the worker, differ). Runs where Docker is present; JUnit reports it skipped, with the reason,
 * where it is not (as on the CI machines of this project, which have no Docker daemon).
 */
@Testcontainers(disabledWithoutDocker = true)
class DebeziumCdcContainersIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final GenericContainer<?> MONGO = new GenericContainer<>("mongo:7.0")
            .withNetwork(NETWORK).withNetworkAliases("mongo")
            .withCommand("--replSet", "rs0", "--bind_ip_all")
            .withExposedPorts(27017)
            .waitingFor(Wait.forLogMessage(".*Waiting for connections.*", 1));

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1")
            .withNetwork(NETWORK).withListener("kafka:19092");

    @Container
    static final ElasticsearchContainer ELASTICSEARCH = new ElasticsearchContainer(
            "docker.elastic.co/elasticsearch/elasticsearch:9.2.8")
            .withNetwork(NETWORK).withNetworkAliases("elasticsearch")
            .withEnv("xpack.security.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");

    @Container
    static final GenericContainer<?> CONNECT = new GenericContainer<>("quay.io/debezium/connect:3.5.0.Final")
            .withNetwork(NETWORK).dependsOn(KAFKA, MONGO, ELASTICSEARCH)
            // our sink, as `./mvnw package` leaves it in connectors/
            .withFileSystemBind(PlatformSettings.locateProjectRoot().resolve("connectors/target/connect-plugin/toprise-connectors")
                    .toString(), "/kafka/connect/toprise-connectors", BindMode.READ_ONLY)
            .withEnv("TOPRISE_ELASTICSEARCH_URIS", "http://elasticsearch:9200")
            .withEnv("BOOTSTRAP_SERVERS", "kafka:19092")
            .withEnv("GROUP_ID", "toprise-connect")
            .withEnv("CONFIG_STORAGE_TOPIC", "connect-configs")
            .withEnv("OFFSET_STORAGE_TOPIC", "connect-offsets")
            .withEnv("STATUS_STORAGE_TOPIC", "connect-status")
            .withEnv("KEY_CONVERTER_SCHEMAS_ENABLE", "false")
            .withEnv("VALUE_CONVERTER_SCHEMAS_ENABLE", "false")
            .withEnv("CONNECT_CONFIG_PROVIDERS", "env")
            .withEnv("CONNECT_CONFIG_PROVIDERS_ENV_CLASS", "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
            .withEnv("TOPRISE_CDC_MONGODB_CONNECTION_STRING", "mongodb://mongo:27017/?replicaSet=rs0")
            .withExposedPorts(8083)
            .waitingFor(Wait.forHttp("/connectors").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

    @Document("products")
    record Part(@Id String id, String name, int price) {
    }

    @Test
    void theSameConnectorFileStreamsARealReplicaSet() throws Exception {
        var initiated = MONGO.execInContainer("mongosh", "--quiet", "--eval",
                "rs.initiate({_id: 'rs0', members: [{_id: 0, host: 'mongo:27017'}]})");
        assertThat(initiated.getExitCode()).as(initiated.getStderr()).isZero();
        String hostUri = "mongodb://" + MONGO.getHost() + ":" + MONGO.getMappedPort(27017) + "/?directConnection=true";
        awaitPrimary(hostUri);

        String connectUrl = "http://" + CONNECT.getHost() + ":" + CONNECT.getMappedPort(8083);
        Path projectRoot = PlatformSettings.locateProjectRoot();
        Path sourceFile = projectRoot.resolve("connectors/deploy/products-cdc-source.json");
        ConnectorDeployer deployer = new ConnectorDeployer(connectUrl);
        ProvisioningReport report = new ProvisioningReport();
        deployer.apply(sourceFile, report);
        String elasticsearchUrl = "http://" + ELASTICSEARCH.getHttpHostAddress();
        IndexTemplates templates = new IndexTemplates(elasticsearchUrl);
        ProjectFiles.indexTemplateFiles(projectRoot).forEach(template -> templates.apply(template, report));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.ELASTICSEARCH_SINK_DEAD_LETTER.name(), 1, (short) 1))).all().get();
        }
        deployer.apply(projectRoot.resolve("connectors/deploy/products-elasticsearch-sink.json"), report);
        ElasticsearchDocs es = new ElasticsearchDocs(elasticsearchUrl);

        String id = "part-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(hostUri);
             var reader = TopicReader.changeStream(KAFKA.getBootstrapServers(), "products", "products")) {
            MongoTemplate products = new MongoTemplate(client, "products");
            products.insert(new Part(id, "Oil filter", 100));
            assertThat(es.await("products", id, doc -> doc.isPresent(), Duration.ofSeconds(90))).isTrue();
            products.updateFirst(query(where("_id").is(id)), new Update().set("price", 120), Part.class);
            assertThat(es.await("products", id, doc -> doc.isPresent() && doc.get().path("price").asInt() == 120,
                    Duration.ofSeconds(60))).isTrue();
            products.remove(query(where("_id").is(id)), Part.class);
            assertThat(es.await("products", id, doc -> doc.isEmpty(), Duration.ofSeconds(60))).isTrue();

            List<ConsumerRecord<String, String>> records = reader.read(r -> r.key().contains(id), 4, Duration.ofSeconds(90));
            assertThat(records).hasSize(4);
            assertThat(records.subList(0, 3)).extracting(r -> JSON.readTree(r.value()).path("op").asString())
                    .containsExactly("c", "u", "d");
            JsonNode after = JSON.readTree(JSON.readTree(records.get(1).value()).path("after").asString());
            assertThat(after.path("price").asInt()).isEqualTo(120);
            assertThat(records.get(3).value()).isNull();
        }
    }

    private static void awaitPrimary(String uri) throws InterruptedException {
        try (MongoClient client = MongoClients.create(uri)) {
            for (int i = 0; i < 60; i++) {
                org.bson.Document hello = client.getDatabase("admin").runCommand(new org.bson.Document("hello", 1));
                if (Boolean.TRUE.equals(hello.getBoolean("isWritablePrimary"))) {
                    return;
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the replica set did not elect a primary");
    }
}
