/** The Lucene schema: field names and analyzers ({@link Fields}), a speech as a document and back. */
package org.cppcc.archive.search.doc;
