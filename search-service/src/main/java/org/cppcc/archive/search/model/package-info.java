/**
 * What a search asks and answers, independent of HTTP and of the index implementation: the types of
 * {@link org.cppcc.archive.search.index.SpeechIndex}'s signature.
 */
package org.cppcc.archive.search.model;
