package org.cppcc.archive.stats.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.cppcc.archive.stats.config.StatsConfig;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

/** The stored collections as they are, for tests that look behind the repository (or age rows as old stores have them). */
@ApplicationScoped
class StoredRows {

    private final MongoClient client;
    private final StatsConfig config;

    StoredRows(MongoClient client, StatsConfig config) {
        this.client = client;
        this.config = config;
    }

    MongoCollection<Document> facts() {
        return collection("facts");
    }

    MongoCollection<Document> texts() {
        return collection("texts");
    }

    MongoCollection<Document> speeches() {
        return collection("speeches");
    }

    private MongoCollection<Document> collection(String name) {
        return client.getDatabase(config.mongo().database()).getCollection(name);
    }
}
