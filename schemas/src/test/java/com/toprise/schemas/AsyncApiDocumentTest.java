package com.toprise.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryLevel;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code docs/asyncapi.yaml}, the topics' contract for downstream subscribers, against the topic registry: the
 * same topic names both ways, and per topic the same partitions and configs (cleanup policy, retention, any other
 * config), a key schema, a value schema (an event topic's is its JSON Schema file) and examples that validate
 * against those schemas and that the registry's serdes read. Written against {@link Topics#all()}, not a list of
 * names, so a topic added to the registry fails here until the document describes it.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig ASSERT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    /** The topic configs the AsyncAPI Kafka binding's TopicConfiguration Object has fields for (binding 0.5.0). */
    private static final Set<String> BINDING_TOPIC_CONFIGS = Set.of("cleanup.policy", "retention.ms",
            "retention.bytes", "delete.retention.ms", "max.message.bytes");
    /** Where the document keeps a registry config the binding has no field for, name to value as the registry says. */
    private static final String OTHER_CONFIGS = "x-topic-configs";
    private static final String EXAMPLE_KEY = "x-key";
    private static final String EVENT_SCHEMAS = "../schemas/src/main/resources";

    private static Path root;
    private static Path docs;
    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        root = projectRoot();
        docs = root.resolve("docs");
        Path file = docs.resolve("asyncapi.yaml");
        assertThat(file).as("the AsyncAPI document").exists();
        document = YAML.readTree(file.toFile());
    }

    static Stream<Named<Topic<?, ?>>> registryTopics() {
        return Topics.all().stream().map(topic -> Named.of(topic.name(), topic));
    }

    @Test
    void isAnAsyncApi3DocumentWithAProductionAndALocalKafkaServer() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(fieldNames(document.path("servers"))).contains("production", "local");
        document.path("servers").forEach(server -> {
            assertThat(server.path("protocol").asText()).isEqualTo("kafka");
            assertThat(server.path("host").asText()).isNotBlank();
        });
    }

    @Test
    void documentsEveryRegistryTopicAndNoOther() {
        List<String> addresses = literalChannels().keySet().stream().toList();
        Set<String> registry = Topics.all().stream().map(Topic::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>(addresses);
        assertThat(documented).as("registry topics missing from docs/asyncapi.yaml")
                .containsAll(registry);
        assertThat(registry).as("topics docs/asyncapi.yaml names that the registry (Topics) lacks")
                .containsAll(documented);
        assertThat(allChannels().values()).extracting(c -> c.path("address").asText())
                .as("one channel per topic").doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registryTopics")
    void describesTheTopicAsTheRegistryDeclaresIt(Topic<?, ?> topic) {
        JsonNode channel = channelOf(topic);
        JsonNode binding = channel.path("bindings").path("kafka");
        assertThat(binding.path("partitions").asInt(-1)).as(topic.name() + " partitions")
                .isEqualTo(topic.partitions());

        JsonNode configuration = binding.path("topicConfiguration");
        Map<String, String> documented = new HashMap<>();
        configuration.fields().forEachRemaining(e -> documented.put(e.getKey(), configValue(e.getKey(), e.getValue())));
        channel.path(OTHER_CONFIGS).fields().forEachRemaining(e -> documented.put(e.getKey(), e.getValue().asText()));
        Map<String, String> declared = new HashMap<>(topic.configs());
        declared.replace(Topic.CLEANUP_POLICY, normalisedPolicy(declared.get(Topic.CLEANUP_POLICY)));
        assertThat(documented).as(topic.name() + " topic configs (bindings.kafka.topicConfiguration and "
                + OTHER_CONFIGS + ")").isEqualTo(declared);
        assertThat(fieldNames(configuration)).as(topic.name() + ": configs the binding has fields for belong there")
                .containsExactlyInAnyOrderElementsOf(declared.keySet().stream()
                        .filter(BINDING_TOPIC_CONFIGS::contains).toList());
        assertThat(policies(configuration.path(Topic.CLEANUP_POLICY)).contains("compact"))
                .as(topic.name() + " compacted").isEqualTo(topic.compacted());

        assertThat(channel.path("x-ordering").asText()).as(topic.name() + " ordering guarantee").isNotBlank();
        assertThat(channel.path("description").asText()).as(topic.name() + " description").isNotBlank();
        assertThat(messagesOf(channel)).as(topic.name() + " messages").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registryTopics")
    void everyMessageHasAKeyAValueSchemaAndExamples(Topic<?, ?> topic) {
        for (JsonNode message : messagesOf(channelOf(topic)).values()) {
            String at = topic.name() + " message " + message.path("name").asText();
            assertThat(message.path("bindings").path("kafka").path("key").isObject()).as(at + " key schema").isTrue();
            assertThat(message.path("payload").isObject()).as(at + " payload schema").isTrue();
            assertThat(message.path("examples").size()).as(at + " examples").isPositive();
        }
    }

    /** A domain event's value is its envelope, described by the event type's JSON Schema file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.toprise.schemas.AsyncApiDocumentTest#eventTypes")
    void anEventTopicsValueIsItsEventTypesSchemaFile(EventType type) {
        Map<String, JsonNode> messages = messagesOf(channelOf(Topics.events(type)));
        assertThat(messages).hasSize(1);
        JsonNode message = messages.values().iterator().next();
        assertThat(message.path("name").asText()).isEqualTo(type.name());
        assertThat(message.path("payload").path("$ref").asText()).isEqualTo(EVENT_SCHEMAS + type.schemaResource());
    }

    static Stream<EventType> eventTypes() {
        return Arrays.stream(EventType.values());
    }

    /**
     * The document's examples are what subscribers copy: each must validate against its message's payload, header
     * and key schemas, carry the key its envelope names, and be readable by the registry's serdes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("registryTopics")
    void theExamplesValidateAndTheRegistrysSerdesReadThem(Topic<?, ?> topic) {
        for (JsonNode message : messagesOf(channelOf(topic)).values()) {
            for (JsonNode example : message.path("examples")) {
                String at = topic.name() + " example " + example.path("name").asText();
                assertValid(example, message, at);

                byte[] key = bytes(example.path(EXAMPLE_KEY));
                assertThat(topic.keySerde().deserializer().deserialize(topic.name(), key)).as(at + " key").isNotNull();
                Object value = topic.valueSerde().deserializer().deserialize(topic.name(), bytes(example.path("payload")));
                assertThat(value).as(at + " value").isNotNull();
                String keyText = example.path(EXAMPLE_KEY).asText();
                if (value instanceof EventEnvelope<?> envelope) {
                    assertThat(envelope.payload()).as(at + " payload type")
                            .isInstanceOf(EventType.valueOf(envelope.type()).payloadType());
                    assertThat(keyText).as(at + ": the key is the aggregateId").isEqualTo(envelope.aggregateId());
                    JsonNode headers = example.path("headers");
                    if (headers.has("eventId")) {
                        assertThat(headers.path("eventId").asText()).as(at + " eventId header")
                                .isEqualTo(envelope.eventId());
                        assertThat(headers.path("type").asText()).as(at + " type header").isEqualTo(envelope.type());
                    }
                }
                if (value instanceof InventoryLevel level) {
                    assertThat(keyText).as(at + " key").isEqualTo(Topics.inventoryKey(level.sku(), level.dealerId()));
                }
                if (example.path("headers").has("target")) {
                    assertThat(example.path("headers").path("target").asText()).as(at + " target header")
                            .isEqualTo(topic.name());
                }
            }
        }
    }

    /** The examples of the channels outside the registry (cdc.*) are checked against their schemas too. */
    @Test
    void theExamplesOfEveryOtherChannelValidate() {
        allChannels().forEach((id, channel) -> {
            if (!isParameterised(channel.path("address").asText())) {
                return;
            }
            messagesOf(channel).values().forEach(message -> {
                assertThat(message.path("examples").size()).as(id + " examples").isPositive();
                message.path("examples").forEach(example ->
                        assertValid(example, message, id + " example " + example.path("name").asText()));
            });
        });
    }

    /**
     * The {@code cdc.{database}.{collection}} channel: one database per Debezium source of connectors/deploy, the
     * partitions those sources create topics with, and no registry topic among the names it stands for.
     */
    @Test
    void theCdcChannelMatchesTheDebeziumSources() throws IOException {
        Map<String, JsonNode> parameterised = new LinkedHashMap<>();
        allChannels().forEach((id, channel) -> {
            if (isParameterised(channel.path("address").asText())) {
                parameterised.put(channel.path("address").asText(), channel);
            }
        });
        assertThat(parameterised).containsOnlyKeys("cdc.{database}.{collection}");
        JsonNode cdc = parameterised.get("cdc.{database}.{collection}");

        Set<String> databases = new TreeSet<>();
        Set<Integer> partitions = new HashSet<>();
        try (Stream<Path> files = Files.list(root.resolve("connectors/deploy"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-cdc-source.json")).toList()) {
                JsonNode config = JSON.readTree(file.toFile()).path("config");
                assertThat(config.path("transforms.toCdcTopic.replacement").asText()).as(file + " topic names")
                        .isEqualTo("cdc.$1");
                databases.add(config.path("capture.target").asText());
                partitions.add(config.path("topic.creation.default.partitions").asInt());
            }
        }
        assertThat(databases).as("Debezium sources").isNotEmpty();
        assertThat(texts(cdc.path("parameters").path("database").path("enum"))).as("cdc databases")
                .containsExactlyInAnyOrderElementsOf(databases);
        assertThat(partitions).as("cdc partitions").containsExactly(cdc.path("bindings").path("kafka")
                .path("partitions").asInt());

        Pattern names = Pattern.compile("cdc\\.[^.]+\\..+");
        assertThat(Topics.all()).extracting(Topic::name).noneMatch(name -> names.matcher(name).matches());
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        walk(document, node -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                try {
                    resolve(ref.asText());
                } catch (RuntimeException | AssertionError e) {
                    unresolved.add(ref.asText() + " (" + e.getMessage() + ")");
                }
            }
        });
        assertThat(unresolved).isEmpty();
    }

    @Test
    void everyChannelHasAnOperationAndOperationsNameTheirChannelsMessages() {
        Set<String> operated = new HashSet<>();
        document.path("operations").fields().forEachRemaining(e -> {
            JsonNode operation = e.getValue();
            String at = "operation " + e.getKey();
            assertThat(operation.path("action").asText()).as(at + " action").isIn("send", "receive");
            String channelRef = operation.path("channel").path("$ref").asText();
            assertThat(channelRef).as(at + " channel").startsWith("#/channels/");
            operated.add(channelRef.substring("#/channels/".length()));
            assertThat(operation.path("messages").size()).as(at + " messages").isPositive();
            operation.path("messages").forEach(m -> assertThat(m.path("$ref").asText()).as(at + " message")
                    .startsWith(channelRef + "/messages/"));
        });
        assertThat(operated).containsExactlyInAnyOrderElementsOf(allChannels().keySet());
    }

    @Test
    void everyComponentMessageIsUsedByAChannel() {
        Set<String> used = new HashSet<>();
        allChannels().values().forEach(channel -> channel.path("messages").forEach(m ->
                used.add(m.path("$ref").asText())));
        assertThat(fieldNames(document.path("components").path("messages")))
                .allSatisfy(name -> assertThat(used).contains("#/components/messages/" + name));
    }

    // --- the document's structure ---

    private static Map<String, JsonNode> allChannels() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        document.path("channels").fields().forEachRemaining(e -> channels.put(e.getKey(), e.getValue()));
        return channels;
    }

    /** Channels whose address is one topic name, by address. */
    private static Map<String, JsonNode> literalChannels() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        allChannels().values().forEach(channel -> {
            String address = channel.path("address").asText();
            assertThat(address).as("a channel's address").isNotBlank();
            if (!isParameterised(address)) {
                channels.put(address, channel);
            }
        });
        return channels;
    }

    private static boolean isParameterised(String address) {
        return address.contains("{");
    }

    private static JsonNode channelOf(Topic<?, ?> topic) {
        JsonNode channel = literalChannels().get(topic.name());
        if (channel == null) {
            fail("docs/asyncapi.yaml has no channel with address " + topic.name());
        }
        return channel;
    }

    /** A channel's messages, references resolved, by their key in the channel. */
    private static Map<String, JsonNode> messagesOf(JsonNode channel) {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        channel.path("messages").fields().forEachRemaining(e -> messages.put(e.getKey(), deref(e.getValue())));
        return messages;
    }

    private static JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.isObject() && current.has("$ref"); hops++) {
            assertThat(hops).as("reference chain at " + node).isLessThan(10);
            current = resolve(current.get("$ref").asText());
        }
        return current;
    }

    /** {@code #/a/b} in the document, or a file relative to docs/ with an optional {@code #/pointer}. */
    private static JsonNode resolve(String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode base;
        if (file.isEmpty()) {
            base = document;
        } else {
            Path path = docs.resolve(file).normalize();
            assertThat(path).as("file of $ref " + ref).exists();
            try {
                base = JSON.readTree(path.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode target = pointer.isEmpty() ? base : base.at(pointer);
        assertThat(target.isMissingNode()).as("target of $ref " + ref).isFalse();
        return target;
    }

    /** A schema with every {@code $ref} replaced by what it points at, for the validator. */
    private static JsonNode inlined(JsonNode schema) {
        JsonNode resolved = deref(schema);
        if (resolved.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            resolved.fields().forEachRemaining(e -> copy.set(e.getKey(), inlined(e.getValue())));
            return copy;
        }
        if (resolved.isArray()) {
            var copy = JSON.createArrayNode();
            resolved.forEach(item -> copy.add(inlined(item)));
            return copy;
        }
        return resolved;
    }

    private static void assertValid(JsonNode example, JsonNode message, String at) {
        assertThat(example.has("payload")).as(at + " payload").isTrue();
        assertThat(example.has(EXAMPLE_KEY)).as(at + " " + EXAMPLE_KEY).isTrue();
        assertThat(violations(message.path("payload"), example.path("payload"))).as(at + " payload").isEmpty();
        assertThat(violations(message.path("bindings").path("kafka").path("key"), example.path(EXAMPLE_KEY)))
                .as(at + " key").isEmpty();
        if (message.has("headers")) {
            assertThat(example.has("headers")).as(at + " headers").isTrue();
            assertThat(violations(message.path("headers"), example.path("headers"))).as(at + " headers").isEmpty();
        }
    }

    private static Set<String> violations(JsonNode schema, JsonNode instance) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(inlined(schema), ASSERT_FORMATS).validate(instance).stream()
                .map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    /** What a producer writes for an example value: text as it is, anything else as JSON. */
    private static byte[] bytes(JsonNode example) {
        try {
            return example.isTextual() ? example.asText().getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(example);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- topic configs ---

    /** The document's value of a binding config in the registry's notation (a policy list as Kafka's comma list). */
    private static String configValue(String name, JsonNode value) {
        if (name.equals(Topic.CLEANUP_POLICY)) {
            return String.join(",", policies(value));
        }
        assertThat(value.isIntegralNumber()).as(name + " is an integer in the binding").isTrue();
        return value.asText();
    }

    private static List<String> policies(JsonNode value) {
        assertThat(value.isArray()).as("cleanup.policy is an array in the binding").isTrue();
        return texts(value).stream().sorted().toList();
    }

    private static String normalisedPolicy(String policy) {
        return Arrays.stream(policy.split(",")).map(String::trim).sorted().collect(Collectors.joining(","));
    }

    // --- helpers ---

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                walk(it.next(), visit);
            }
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, visit));
        }
    }

    /** {@code -Dtoprise.projectRoot}, else the nearest directory up from here that holds {@code mvnw}. */
    private static Path projectRoot() {
        String configured = System.getProperty("toprise.projectRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory holding mvnw above " + Path.of("").toAbsolutePath());
    }
}
