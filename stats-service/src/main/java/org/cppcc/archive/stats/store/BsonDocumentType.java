package org.cppcc.archive.stats.store;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The documents of the embedded store's collections, stored as BSON.
 * <p>
 * mongo-java-server's H2 backend stores them in H2's default data type, which writes a document with
 * {@code ObjectOutputStream}, class descriptors and all. Every commit writes each page it changed whole, and the facts'
 * ids are hashes, so the pages a commit writes are spread over the whole collection: serializing them was most of
 * what the feed consumer's writes cost (issue 13). BSON is what the server decodes the client's documents from and
 * encodes its answers with, so a stored document reads back as the client sent it.
 * <p>
 * A value is written as {@link #BSON} and its BSON; one BSON cannot hold (none of the server's own types should
 * arise) is written as before. Values written before, by H2's default type, start with one of that type's tags, none
 * of which is {@link #BSON}, and are read by it: a store written by an earlier version opens as it is, and its pages
 * move to BSON as they are written again (by a change, or by compaction).
 * <p>
 * A commit writes every page it changed whole, most of whose documents are the same objects as at the last commit
 * (or as read from the file): each document's BSON is therefore kept with it, by identity and for as long as the
 * document lives, up to {@value #ENCODINGS_BUDGET} bytes in all (past that they are all dropped and kept anew), and
 * written again as it is. Re-encoding them was most of a commit's time, under the lock every write waits for. The
 * server changes a stored document in place on an update and then puts it back ({@link #changed} drops its BSON);
 * nothing else of mongo-java-server 1.47 changes a stored one.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Not a tag of {@link ObjectDataType} (0-14, 19, 32-49, 64-119). */
    static final byte BSON = 120;

    /** The most bytes of BSON {@link #encodings} holds. */
    static final long ENCODINGS_BUDGET = 32L << 20;

    private final ObjectDataType earlier = new ObjectDataType();
    private final Map<Identity, byte[]> encodings = new ConcurrentHashMap<>();
    private final ReferenceQueue<Document> collected = new ReferenceQueue<>();
    private final AtomicLong encodedBytes = new AtomicLong();
    /** H2 splits pages by estimated memory; a running average of the sizes written, as H2's own type keeps. */
    private volatile int averageSize = 1024;

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize : earlier.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        byte[] bson = value instanceof Document d ? encoding(d) : null;
        if (bson == null) {
            earlier.write(buffer, value);
            return;
        }
        averageSize = (averageSize * 15 + bson.length) / 16;
        buffer.put(BSON).put(bson);
    }

    /** The size of the document's BSON. */
    int size(Document document) {
        byte[] bson = encoding(document);
        return bson == null ? 0 : bson.length;
    }

    /** The document is about to be stored again after a change in place: its kept BSON no longer holds. */
    void changed(Document document) {
        byte[] dropped = encodings.remove(new Identity(document, null));
        if (dropped != null) {
            encodedBytes.addAndGet(-dropped.length);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return earlier.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        byte[] bytes = new byte[bson.readerIndex()];
        buffer.get(bytes);
        keep(document, bytes);
        return document;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /** The document's BSON, kept or encoded now; null when it holds a value BSON has no type for. */
    private byte[] encoding(Document document) {
        byte[] kept = encodings.get(new Identity(document, null));
        if (kept != null) {
            return kept;
        }
        ByteBuf out = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(document, out);
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] bson = new byte[out.readableBytes()];
        out.readBytes(bson);
        keep(document, bson);
        return bson;
    }

    private void keep(Document document, byte[] bson) {
        for (Reference<? extends Document> gone = collected.poll(); gone != null; gone = collected.poll()) {
            byte[] dropped = encodings.remove((Identity) gone);
            if (dropped != null) {
                encodedBytes.addAndGet(-dropped.length);
            }
        }
        if (encodedBytes.addAndGet(bson.length) > ENCODINGS_BUDGET) {
            encodings.clear();
            encodedBytes.set(bson.length);
        }
        byte[] replaced = encodings.put(new Identity(document, collected), bson);
        if (replaced != null) {
            encodedBytes.addAndGet(-replaced.length);
        }
    }

    /** A document as a key by identity (a stored document's equality is its content), not keeping it alive. */
    private static final class Identity extends WeakReference<Document> {

        private final int hash;

        Identity(Document document, ReferenceQueue<Document> queue) {
            super(document, queue);
            this.hash = System.identityHashCode(document);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Document document = get();
            return other instanceof Identity identity && document != null && document == identity.get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
