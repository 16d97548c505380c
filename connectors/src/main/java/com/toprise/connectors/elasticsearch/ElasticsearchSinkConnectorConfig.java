package com.toprise.connectors.elasticsearch;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The sink's settings, each documented and validated: {@link #CONFIG_DEF} is what Connect shows and checks. */
public final class ElasticsearchSinkConnectorConfig extends AbstractConfig {

    public static final String URLS = "elasticsearch.urls";
    public static final String USERNAME = "elasticsearch.username";
    public static final String PASSWORD = "elasticsearch.password";
    public static final String CONNECTION_TIMEOUT_MS = "elasticsearch.connection.timeout.ms";
    public static final String READ_TIMEOUT_MS = "elasticsearch.read.timeout.ms";
    public static final String INDEX_MAPPING = "index.mapping";
    public static final String DOCUMENT_FORMAT = "document.format";
    public static final String DOCUMENT_ID_SOURCE = "document.id.source";
    public static final String DROP_FIELDS = "document.drop.fields";
    public static final String BATCH_SIZE = "batch.size";
    public static final String FLUSH_INTERVAL_MS = "flush.interval.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String BEHAVIOR_ON_ERROR = "behavior.on.error";
    /** Connect's own setting, read here only to check that each listed topic has a valid index name. */
    private static final String TOPICS = "topics";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(URLS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ElasticsearchSinkConnectorConfig::validateUrls,
                    Importance.HIGH, "Elasticsearch HTTP(S) URLs, comma separated, e.g. http://es-1:9200,http://es-2:9200.")
            .define(USERNAME, Type.STRING, null, Importance.MEDIUM, "User for HTTP basic authentication; none when empty.")
            .define(PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of elasticsearch.username.")
            .define(CONNECTION_TIMEOUT_MS, Type.INT, 5_000, ConfigDef.Range.between(1, 600_000), Importance.LOW,
                    "How long to wait for a TCP connection to Elasticsearch; a timeout is retried like any "
                            + "unreachable node.")
            .define(READ_TIMEOUT_MS, Type.INT, 60_000, ConfigDef.Range.between(1, 3_600_000), Importance.LOW,
                    "How long to wait for the answer to one bulk request (the client's own default is to wait "
                            + "forever, which would hang the task on a stuck node); a timeout is retried.")
            .define(INDEX_MAPPING, Type.LIST, "", ElasticsearchSinkConnectorConfig::validateIndexMapping, Importance.HIGH,
                    "topic:index pairs, comma separated, each topic at most once. A topic not listed is written "
                            + "to the index named like the topic, lower-cased (cdc.Orders -> cdc.orders). Index names "
                            + "must follow Elasticsearch's rules.")
            .define(DOCUMENT_FORMAT, Type.STRING, DocumentFormat.PLAIN.configName(),
                    ConfigDef.ValidString.in(DocumentFormat.configNames()), Importance.HIGH,
                    "'plain': the value is the document and a null value (tombstone) deletes it. 'debezium.mongodb': "
                            + "the value is a Debezium MongoDB change event; c/r/u index its 'after' document "
                            + "(MongoDB extended JSON, turned into plain JSON), d and tombstones delete.")
            .define(DOCUMENT_ID_SOURCE, Type.STRING, "key", ElasticsearchSinkConnectorConfig::validateIdSource,
                    Importance.HIGH, "'key': the record key is the document id (a string, a number, or Debezium's "
                            + "{\"id\": \"<extended JSON of _id>\"}); 'field:<name>': that field of the document.")
            .define(DROP_FIELDS, Type.LIST, "", Importance.LOW,
                    "Top-level fields removed from every document before it is indexed (for example the services' "
                            + "'outbox' and Spring Data's '_class').")
            .define(BATCH_SIZE, Type.INT, 500, ConfigDef.Range.between(1, 10_000), Importance.MEDIUM,
                    "Operations per bulk request; a full batch is sent at once. Of several writes of one document "
                            + "in a batch only the last is sent.")
            .define(FLUSH_INTERVAL_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "A batch that is not full is sent at the latest this long after its first operation; "
                            + "everything buffered is also sent before Connect commits offsets, so only records "
                            + "Elasticsearch acknowledged are committed.")
            .define(MAX_RETRIES, Type.INT, -1, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
                    "Retries after a bulk request or bulk items failed transiently (unreachable, timeout, HTTP 429, "
                            + "502-504, es_rejected_execution_exception...); only the failed items are sent again. "
                            + "-1 (the default) retries until Elasticsearch answers, so an outage of any length is "
                            + "waited out. When retries run out the task fails, so no record is skipped silently.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "First wait between retries; it doubles per attempt, with jitter.")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Longest wait between retries.")
            .define(BEHAVIOR_ON_ERROR, Type.STRING, "fail", ConfigDef.ValidString.in("fail", "log"), Importance.MEDIUM,
                    "What to do with a record that cannot be indexed (Elasticsearch rejects it, or it has no id or "
                            + "unreadable JSON) when Connect gives the task no errant record reporter, i.e. neither "
                            + "errors.deadletterqueue.topic.name nor errors.log.enable is set: 'fail' the task or "
                            + "'log' it and go on. With a reporter, Connect's errors.tolerance decides: 'all' sends "
                            + "the record to the dead-letter topic (error in __connect.errors.* headers) and the task "
                            + "goes on; 'none' fails the task.");

    /** Ours plus Connect's "topics", which the worker defines and validates itself but which we also read. */
    private static final ConfigDef PARSING_DEF = new ConfigDef(CONFIG_DEF)
            .define(TOPICS, Type.LIST, "", Importance.HIGH, "Connect's list of topics to consume.");

    private final Map<String, String> indexByTopic;

    /** Throws {@link ConfigException} for any invalid setting, including the rules between settings. */
    public ElasticsearchSinkConnectorConfig(Map<String, String> props) {
        this(props, true);
    }

    private ElasticsearchSinkConnectorConfig(Map<String, String> props, boolean checkCrossField) {
        super(PARSING_DEF, props);
        this.indexByTopic = parseIndexMapping(getList(INDEX_MAPPING));
        if (checkCrossField) {
            crossFieldErrors().entrySet().stream().findFirst().ifPresent(error -> {
                throw new ConfigException(error.getKey() + " " + error.getValue());
            });
        }
    }

    /**
     * Rules that involve more than one setting, which ConfigDef's per-key validators cannot express, as
     * setting → message; the connector adds them to {@code validate()}'s answer so they show per field.
     * Call only with settings that are each valid.
     */
    static Map<String, String> crossFieldErrors(Map<String, String> props) {
        return new ElasticsearchSinkConnectorConfig(props, false).crossFieldErrors();
    }

    private Map<String, String> crossFieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (getLong(RETRY_BACKOFF_MAX_MS) < getLong(RETRY_BACKOFF_MS)) {
            errors.put(RETRY_BACKOFF_MAX_MS, "must not be less than " + RETRY_BACKOFF_MS + " ("
                    + getLong(RETRY_BACKOFF_MS) + ")");
        }
        if (getPassword(PASSWORD) != null && username().isEmpty()) {
            errors.put(PASSWORD, "is set but " + USERNAME + " is not");
        }
        for (String topic : getList(TOPICS)) {
            if (!indexByTopic.containsKey(topic)) {
                try {
                    IndexNames.check(indexFor(topic));
                } catch (IllegalArgumentException e) {
                    errors.put(INDEX_MAPPING, "topic '" + topic + "' needs a mapping: " + e.getMessage());
                }
            }
        }
        return errors;
    }

    public List<URI> urls() {
        return getList(URLS).stream().map(URI::create).toList();
    }

    public Optional<String> username() {
        return Optional.ofNullable(getString(USERNAME)).filter(u -> !u.isBlank());
    }

    public Optional<String> password() {
        return Optional.ofNullable(getPassword(PASSWORD)).map(Password::value);
    }

    public String indexFor(String topic) {
        return indexByTopic.getOrDefault(topic, topic.toLowerCase(Locale.ROOT));
    }

    public DocumentFormat documentFormat() {
        return DocumentFormat.ofConfigName(getString(DOCUMENT_FORMAT));
    }

    /** The document field holding the id, or empty when the id is the record key. */
    public Optional<String> idField() {
        String source = getString(DOCUMENT_ID_SOURCE);
        return source.startsWith("field:") ? Optional.of(source.substring("field:".length())) : Optional.empty();
    }

    public List<String> dropFields() {
        return getList(DROP_FIELDS);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public long flushIntervalMs() {
        return getLong(FLUSH_INTERVAL_MS);
    }

    public int connectionTimeoutMs() {
        return getInt(CONNECTION_TIMEOUT_MS);
    }

    public int readTimeoutMs() {
        return getInt(READ_TIMEOUT_MS);
    }

    public Backoff backoff() {
        return new Backoff(getInt(MAX_RETRIES), getLong(RETRY_BACKOFF_MS), getLong(RETRY_BACKOFF_MAX_MS));
    }

    public boolean failOnRejected() {
        return "fail".equals(getString(BEHAVIOR_ON_ERROR));
    }

    private static void validateUrls(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) value;
        if (urls == null) {
            return; // "Missing required configuration" is reported by ConfigDef itself
        }
        if (urls.isEmpty()) {
            throw new ConfigException(name, value, "at least one URL is needed");
        }
        for (String url : urls) {
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, url, "not a URL: " + e.getMessage());
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(name, url, "must be an http:// or https:// URL with a host");
            }
        }
    }

    private static void validateIndexMapping(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> pairs = (List<String>) value;
        if (pairs == null) {
            return;
        }
        try {
            parseIndexMapping(pairs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    private static void validateIdSource(String name, Object value) {
        String source = (String) value;
        if (source == null) {
            return;
        }
        if (!"key".equals(source) && !(source.startsWith("field:") && source.length() > "field:".length())) {
            throw new ConfigException(name, value, "must be 'key' or 'field:<name>'");
        }
    }

    static Map<String, String> parseIndexMapping(List<String> pairs) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : pairs) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("'" + pair + "' is not topic:index");
            }
            String topic = pair.substring(0, colon).trim();
            String index = pair.substring(colon + 1).trim();
            IndexNames.check(index);
            if (mapping.put(topic, index) != null) {
                throw new IllegalArgumentException("topic '" + topic + "' is mapped more than once");
            }
        }
        return mapping;
    }
}
