package org.cppcc.archive.stats.store;

import java.nio.ByteBuffer;

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
 */
final class BsonDocumentType extends BasicDataType<Object> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Not a tag of {@link ObjectDataType} (0-14, 19, 32-49, 64-119). */
    static final byte BSON = 120;

    private final ObjectDataType earlier = new ObjectDataType();
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
        ByteBuf bson = value instanceof Document d ? encode(d) : null;
        if (bson == null) {
            earlier.write(buffer, value);
            return;
        }
        int size = bson.readableBytes();
        averageSize = (averageSize * 15 + size) / 16;
        buffer.put(BSON).put(bson.nioBuffer());
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return earlier.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /** The document's BSON, or null when it holds a value BSON has no type for. */
    private static ByteBuf encode(Document document) {
        ByteBuf out = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(document, out);
            return out;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
