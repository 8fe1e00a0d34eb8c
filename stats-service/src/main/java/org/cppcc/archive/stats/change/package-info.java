/**
 * document-service's change feed as typed records (no framework but Jackson's annotations): the pages, their items
 * and the speech they carry, which is what the facts are extracted from.
 */
package org.cppcc.archive.stats.change;
