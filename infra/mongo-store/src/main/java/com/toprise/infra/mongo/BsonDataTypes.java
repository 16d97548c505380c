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
import java.util.function.Function;

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
    private static final int INITIAL_SCRATCH = 4096;
    private static final int MAX_KEPT_SCRATCH = 1 << 20;
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(INITIAL_SCRATCH));
    private static final ObjectDataType FALLBACK = new ObjectDataType();

    private BsonDataTypes() {
    }

    /**
     * Compares by MongoDB's value order and estimates memory from the sizes it has written. The estimate is what
     * the MVStore's page cache counts against its 16 MB: a decoded document (a LinkedHashMap of boxed values and
     * strings) takes several times its BSON size, and counting only the BSON let the cache hold several times its
     * budget, whose pages then lived just long enough to be promoted and collected by full GCs.
     */
    private abstract static class Type<T> extends BasicDataType<T> {

        private static final int HEAP_BYTES_PER_BSON_BYTE = 6;
        private volatile int averageSize = 512 * HEAP_BYTES_PER_BSON_BYTE;

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
                averageSize = (averageSize * 15 + (buffer.position() - before) * HEAP_BYTES_PER_BSON_BYTE) / 16;
            }
        }
    }

    private static void writeDocument(WriteBuffer buffer, Document document) {
        ByteBuf bson = scratch();
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException unencodable) {
            writeSerialized(buffer, document);
            return;
        }
        buffer.put(BSON_DOCUMENT);
        put(buffer, bson);
    }

    private static void writeValue(WriteBuffer buffer, Object value) {
        if (value instanceof Missing) {
            buffer.put(MISSING);
            return;
        }
        ByteBuf bson = scratch();
        byte type;
        try {
            type = BsonEncoder.determineType(value);
            BsonEncoder.encodeValue(type, value, bson);
        } catch (IllegalArgumentException unencodable) {
            writeSerialized(buffer, value);
            return;
        }
        buffer.put(BSON_VALUE).put(type);
        put(buffer, bson);
    }

    private static Object readValue(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case MISSING -> Missing.getInstance();
            case BSON_VALUE -> {
                byte type = buffer.get();
                yield readBson(buffer, in -> BsonDecoder.decodeValue(type, in));
            }
            case BSON_DOCUMENT -> readBson(buffer, BsonDecoder::decodeBson);
            case SERIALIZED -> FALLBACK.read(buffer);
            default -> throw new IllegalStateException(
                    "unknown value tag " + tag + " in the store: is the file corrupt?");
        };
    }

    /**
     * This thread's encoding buffer, emptied: pages are written value by value, and a buffer per value was a
     * quarter of the store's allocations. One that grew for a very large document is not kept.
     */
    private static ByteBuf scratch() {
        ByteBuf buffer = SCRATCH.get();
        if (buffer.capacity() > MAX_KEPT_SCRATCH) {
            buffer = Unpooled.buffer(INITIAL_SCRATCH);
            SCRATCH.set(buffer);
        }
        return buffer.clear();
    }

    private static void put(WriteBuffer buffer, ByteBuf bson) {
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    private static void writeSerialized(WriteBuffer buffer, Object value) {
        buffer.put(SERIALIZED);
        FALLBACK.write(buffer, value);
    }

    private static <T> T readBson(ByteBuffer buffer, Function<ByteBuf, T> decoder) {
        ByteBuf in = Unpooled.wrappedBuffer(buffer.slice());
        T value = decoder.apply(in);
        buffer.position(buffer.position() + in.readerIndex());
        return value;
    }
}
