package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How the store writes documents, {@code _id}s and index keys into its MVStore maps: as BSON, ordered by MongoDB's
 * value order. H2's default type Java-serializes every object it does not know, and compares two such keys by
 * serializing both: each index lookup serialized a few dozen {@code KeyValue}s, and each commit every changed
 * document, which was half of the store's CPU under load. A value BSON cannot hold (none is expected) falls back to
 * Java serialization rather than failing the write.
 */
final class BsonDataTypes {

    /** Documents: the values of the collections' data maps and of the oplog. */
    static final BasicDataType<Document> DOCUMENT = new Type<>() {
        @Override
        public void write(WriteBuffer buffer, Document document) {
            writeDocument(buffer, document);
        }

        @Override
        public Document read(ByteBuffer buffer) {
            return (Document) readValue(buffer);
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    };

    /** Single values: the {@code _id} keys of the data maps and the positions the indexes point to. */
    static final BasicDataType<Object> VALUE = new Type<>() {
        @Override
        public void write(WriteBuffer buffer, Object value) {
            writeValue(buffer, value);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return readValue(buffer);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    };

    /** The keys of unique indexes: one value per indexed field, compared field by field. */
    static final BasicDataType<KeyValue> INDEX_KEY = new Type<>() {
        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            buffer.putVarInt(key.size());
            key.forEach(value -> writeValue(buffer, value));
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            int size = DataUtils.readVarInt(buffer);
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(readValue(buffer));
            }
            return new KeyValue(values);
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                int order = ORDER.compare(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    };

    private static final Comparator<Object> ORDER = ValueComparator.ascWithoutListHandling();
    private static final byte MISSING = 0;
    private static final byte BSON_VALUE = 1;
    private static final byte BSON_DOCUMENT = 2;
    private static final byte SERIALIZED = 3;
    private static final String WRAPPED = "v";
    private static final ObjectDataType FALLBACK = new ObjectDataType();

    private BsonDataTypes() {
    }

    /** Compares by MongoDB's value order and estimates memory from the sizes it has written. */
    private abstract static class Type<T> extends BasicDataType<T> {

        private volatile int averageSize = 512;

        @Override
        public int compare(T a, T b) {
            return ORDER.compare(a, b);
        }

        @Override
        public int getMemory(T value) {
            return averageSize;
        }

        @Override
        public boolean isMemoryEstimationAllowed() {
            return true;
        }

        @Override
        public void write(WriteBuffer buffer, Object storage, int len) {
            for (int i = 0; i < len; i++) {
                int before = buffer.position();
                write(buffer, cast(storage)[i]);
                averageSize = (averageSize * 15 + (buffer.position() - before) + 64) / 16;
            }
        }
    }

    private static void writeDocument(WriteBuffer buffer, Document document) {
        ByteBuf bson = bsonOf(document);
        if (bson == null) {
            writeSerialized(buffer, document);
        } else {
            buffer.put(BSON_DOCUMENT);
            put(buffer, bson);
        }
    }

    private static void writeValue(WriteBuffer buffer, Object value) {
        if (value instanceof Missing) {
            buffer.put(MISSING);
            return;
        }
        ByteBuf bson = bsonOf(new Document(WRAPPED, value));
        if (bson == null) {
            writeSerialized(buffer, value);
        } else {
            buffer.put(BSON_VALUE);
            put(buffer, bson);
        }
    }

    private static Object readValue(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case MISSING -> Missing.getInstance();
            case BSON_VALUE -> readBson(buffer).get(WRAPPED);
            case BSON_DOCUMENT -> readBson(buffer);
            case SERIALIZED -> FALLBACK.read(buffer);
            default -> throw new IllegalStateException("unknown value tag " + tag + " in the store: is the file corrupt?");
        };
    }

    /** The document as BSON, or null when it holds a value BSON cannot encode. */
    private static ByteBuf bsonOf(Document document) {
        ByteBuf out = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, out);
            return out;
        } catch (IllegalArgumentException unencodable) {
            return null;
        }
    }

    private static void put(WriteBuffer buffer, ByteBuf bson) {
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    private static void writeSerialized(WriteBuffer buffer, Object value) {
        buffer.put(SERIALIZED);
        FALLBACK.write(buffer, value);
    }

    private static Document readBson(ByteBuffer buffer) {
        ByteBuf in = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(in);
        buffer.position(buffer.position() + in.readerIndex());
        return document;
    }
}
