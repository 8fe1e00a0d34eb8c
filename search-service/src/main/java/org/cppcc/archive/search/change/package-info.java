/**
 * document-service's change feed as typed records (no framework but Jackson's annotations): the pages, their
 * items and the speech and compilation they carry, which is what the index stores.
 */
package org.cppcc.archive.search.change;
