package org.cppcc.archive.stats.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index of the embedded store whose keys are stored as bytes ({@link #encode}) and compared as bytes.
 * <p>
 * mongo-java-server's own H2 index keeps its keys as {@link KeyValue}s in a map of H2's default data type, which
 * cannot compare a KeyValue except by serializing both with {@code ObjectOutputStream}: every step of every lookup by
 * {@code _id} serialized two objects, and that was half of what the feed consumer's writes cost (issue 13). Here a
 * key is encoded once per operation and the map compares byte arrays. Keys are equal exactly when they were under the
 * library's index (same types, same values, documents in the same field order), so uniqueness decides as before.
 * <p>
 * The map has a name of its own ({@link #mapName}): a store written with the library's index opens with an empty map
 * under the new name, which the collection fills from its documents (as for any index created on a collection that
 * has some), and the old map is removed in the same commit. Index maps hold only what the documents say.
 */
final class EncodedKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<byte[], Object> keys;

    private EncodedKeyIndex(MVMap<byte[], Object> keys, String name, List<IndexKey> indexKeys, boolean sparse) {
        super(name, indexKeys, sparse);
        this.keys = keys;
    }

    /** Opens (or creates) the index map of {@code collectionNamespace}'s index {@code indexName}. */
    static EncodedKeyIndex open(MVStore store, String collectionNamespace, String indexName, List<IndexKey> indexKeys,
            boolean sparse) {
        String libraryMap = collectionNamespace + "._index_" + indexName;
        if (store.hasMap(libraryMap)) {
            store.removeMap(libraryMap);
        }
        MVMap<byte[], Object> keys = store.openMap(mapName(collectionNamespace, indexName),
                new MVMap.Builder<byte[], Object>().keyType(EncodedKeyType.INSTANCE));
        return new EncodedKeyIndex(keys, indexName, indexKeys, sparse);
    }

    static String mapName(String collectionNamespace, String indexName) {
        return collectionNamespace + "._keys_" + indexName;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return keys.remove(encode(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return keys.putIfAbsent(encode(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return () -> keys.entrySet().stream().map(e -> Map.entry(decode(e.getKey()), e.getValue())).iterator();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return keys.get(encode(key));
    }

    @Override
    public long getCount() {
        return keys.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    // ---- the encoding: a tag per value, then its content; anything unusual as Java serialization, as before ----

    private static final int NULL = 0;
    private static final int DOUBLE = 1;
    private static final int LONG = 2;
    private static final int STRING = 3;
    private static final int TRUE = 4;
    private static final int FALSE = 5;
    private static final int DOCUMENT = 6;
    private static final int LIST = 7;
    private static final int SERIALIZED = 8;

    static byte[] encode(KeyValue key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(key.size());
            for (Object value : key) {
                write(out, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static KeyValue decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int size = in.readInt();
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(read(in));
            }
            return new KeyValue(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToLongBits(d));
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof String s) {
            // UTF-16 code units: lossless for any string, unpaired surrogates included
            out.writeByte(STRING);
            out.writeInt(s.length());
            out.writeChars(s);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Document d) {
            out.writeByte(DOCUMENT);
            out.writeInt(d.size());
            for (Entry<String, Object> field : d.entrySet()) {
                write(out, field.getKey());
                write(out, field.getValue());
            }
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                write(out, element);
            }
        } else {
            ByteArrayOutputStream serialized = new ByteArrayOutputStream();
            try (ObjectOutputStream objects = new ObjectOutputStream(serialized)) {
                objects.writeObject(value);
            }
            out.writeByte(SERIALIZED);
            out.writeInt(serialized.size());
            serialized.writeTo(out);
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case DOUBLE:
                return Double.longBitsToDouble(in.readLong());
            case LONG:
                return in.readLong();
            case STRING: {
                char[] chars = new char[in.readInt()];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = in.readChar();
                }
                return new String(chars);
            }
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case DOCUMENT: {
                int size = in.readInt();
                Document d = new Document();
                for (int i = 0; i < size; i++) {
                    d.put((String) read(in), read(in));
                }
                return d;
            }
            case LIST: {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                return list;
            }
            case SERIALIZED: {
                byte[] serialized = in.readNBytes(in.readInt());
                try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
                    return objects.readObject();
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("an index key of an unknown class: " + e.getMessage(), e);
                }
            }
            default:
                throw new IllegalStateException("an index key with the unknown tag " + tag);
        }
    }

    /** Byte arrays, compared unsigned: what the map holds as keys. */
    static final class EncodedKeyType extends BasicDataType<byte[]> {

        static final EncodedKeyType INSTANCE = new EncodedKeyType();

        @Override
        public int compare(byte[] a, byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }

        @Override
        public int getMemory(byte[] key) {
            return 24 + key.length;
        }

        @Override
        public void write(WriteBuffer buffer, byte[] key) {
            buffer.putVarInt(key.length).put(key);
        }

        @Override
        public byte[] read(ByteBuffer buffer) {
            byte[] key = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(key);
            return key;
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }
}
