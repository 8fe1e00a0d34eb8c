/**
 * The OpenSearch schema and queries: the index's settings and mapping (analysed by the archive's own plugin, see
 * opensearch-analysis-plugin), a speech as a document and back ({@link OpenSearchSchema}), a parsed query as the
 * query DSL ({@link OpenSearchQueries}), and the REST calls ({@link OpenSearchClient}); what {@code doc/} and
 * {@code query/} are to the Lucene index. {@code index/OpenSearchSpeechIndex} puts them together.
 */
package org.cppcc.archive.search.opensearch;
