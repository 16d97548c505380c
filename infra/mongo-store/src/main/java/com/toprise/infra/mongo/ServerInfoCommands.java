package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.BsonConstants;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands a client asks to learn what it is talking to: {@code buildInfo} and {@code getParameter} as MongoDB
 * {@link StoreVersion 7.0} answers them, and the additions {@code hello} needs beyond mongo-java-server's. mongosh
 * sends these when it connects (it also asks {@code atlasVersion}, which a mongod that is not Atlas refuses with 59
 * CommandNotFound, as the base server already does). What is not MongoDB is said where a field leaves room:
 * the storage engine, the JavaScript engine (none: no {@code $where}, no {@code $function}).
 */
final class ServerInfoCommands {

    private static final String FEATURE_COMPATIBILITY_VERSION = "featureCompatibilityVersion";

    private ServerInfoCommands() {
    }

    static Document buildInfo() {
        List<Integer> versionArray = new ArrayList<>(StoreVersion.MONGO_7_0.getVersionArray());
        versionArray.add(0); // MongoDB's has four parts: major, minor, patch, pre-release
        return new Document("version", StoreVersion.MONGO_7_0.toVersionString())
                .append("gitVersion", "toprise-mongo-store")
                .append("modules", List.of())
                .append("allocator", "system")
                .append("javascriptEngine", "none")
                .append("sysInfo", "deprecated")
                .append("versionArray", versionArray)
                .append("bits", 64)
                .append("debug", Boolean.FALSE)
                .append("maxBsonObjectSize", BsonConstants.MAX_BSON_OBJECT_SIZE)
                .append("storageEngines", List.of("h2-mvstore"))
                .append("ok", 1.0);
    }

    /**
     * The one parameter the store has, {@code featureCompatibilityVersion}; {@code getParameter: "*"} lists it, a
     * request that names none of the store's parameters fails with 72 InvalidOptions, as on MongoDB.
     */
    static Document getParameter(Document query) {
        Object selector = query.get("getParameter");
        boolean all = "*".equals(selector) || selector instanceof Document options && Boolean.TRUE.equals(options.get("allParameters"));
        boolean showDetails = selector instanceof Document options && Boolean.TRUE.equals(options.get("showDetails"));
        Document reply = new Document();
        if (all || query.containsKey(FEATURE_COMPATIBILITY_VERSION)) {
            Document value = new Document("version", StoreVersion.FEATURE_COMPATIBILITY_VERSION);
            reply.put(FEATURE_COMPATIBILITY_VERSION, showDetails
                    ? new Document("value", value).append("settableAtRuntime", Boolean.FALSE).append("settableAtStartup", Boolean.FALSE)
                    : value);
        }
        if (reply.isEmpty()) {
            throw new MongoServerError(72, "InvalidOptions", "no option found to get");
        }
        return reply.append("ok", 1.0);
    }

    /**
     * Completes the base server's {@code isMaster} reply as MongoDB 7.0 does: {@code helloOk} when the client asks
     * for it (the Node.js driver then sends {@code hello}). No {@code topologyVersion}: a client that sees it sends
     * awaitable hellos with exhaust replies, which the wire codec cannot stream. No
     * {@code logicalSessionTimeoutMinutes}: the store has no sessions, and without it drivers use none.
     */
    static Document completeHello(Document reply, Document query) {
        if (Boolean.TRUE.equals(query.get("helloOk"))) {
            reply.put("helloOk", Boolean.TRUE);
        }
        reply.put("readOnly", Boolean.FALSE);
        return reply;
    }
}
