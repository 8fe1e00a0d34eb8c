package org.cppcc.archive.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.cppcc.archive.document.api.SpeechInput;
import org.cppcc.archive.document.repository.AuditEntryEntity;
import org.cppcc.archive.document.repository.ChangeEventEntity;
import org.cppcc.archive.document.repository.SpeechEntity;
import org.cppcc.archive.document.support.Speeches;
import org.cppcc.archive.document.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The rules of speech writes, at the service (the resource tests see them through HTTP): each write bumps the version
 * once and appends exactly one change in the same transaction; a stale version, a deleted speech or an unknown
 * compilation changes nothing; a speech without region fields gets its committee's region from the gazetteer.
 */
@QuarkusTest
class SpeechServiceTest {

    @Inject
    SpeechService speeches;
    @Inject
    ChangeFeedService feed;
    @Inject
    TestDatabase db;
    @Inject
    ObjectMapper json;

    long compilationId;

    @BeforeEach
    void setUp() {
        db.clean();
        compilationId = db.compilation("服务层");
    }

    SpeechInput input(String title) {
        return input(compilationId, title);
    }

    SpeechInput input(long compilation, String title) {
        Map<String, Object> body = Speeches.input(compilation, 1, title);
        return json.convertValue(body, SpeechInput.class);
    }

    @Test
    void aCreateIsVersionOneWithItsCommitteesRegionAndOneChange() {
        long head = feed.head();
        SpeechEntity s = speeches.create(input("夯实履职基础提升履职质效"), "editor");
        assertEquals(1, s.version);
        assertEquals("成都市", s.region);
        assertEquals("510100", s.regionCode);
        assertEquals(head + 1, feed.head());
        ChangeEventEntity change = feed.read(head, 10).get(0);
        assertEquals(List.of(ChangeLog.UPSERT, s.id, 1L), List.of(change.type, change.speechId, change.version));
        assertEquals(List.of("create"), speeches.history(s.id).orElseThrow().stream().map(a -> a.action).toList());
    }

    @Test
    void aReplaceAtAStaleVersionChangesNothing() {
        SpeechEntity s = speeches.create(input("第一版"), "editor");
        long head = feed.head();
        assertThrows(VersionMismatchException.class, () -> speeches.update(s.id, 7L, input("第二版"), "editor"));
        SpeechEntity unchanged = speeches.find(s.id).orElseThrow();
        assertEquals(List.of("第一版", 1L), List.of(unchanged.title, unchanged.version));
        assertEquals(head, feed.head());

        SpeechEntity replaced = speeches.update(s.id, 1L, input("第二版"), "editor");
        assertEquals(List.of("第二版", 2L), List.of(replaced.title, replaced.version));
        assertEquals(head + 1, feed.head());
    }

    @Test
    void aDeleteIsSoftOnceAndInTheFeedWithoutTheSpeech() {
        SpeechEntity s = speeches.create(input("要删除的发言"), "editor");
        long head = feed.head();
        SpeechEntity deleted = speeches.delete(s.id, 1L, "editor");
        assertEquals(2, deleted.version);
        assertTrue(speeches.find(s.id).orElseThrow().deleted, "kept, marked deleted");
        ChangeEventEntity change = feed.read(head, 10).get(0);
        assertEquals(List.of(ChangeLog.DELETE, 2L), List.of(change.type, change.version));
        assertNull(change.speechJson);
        assertThrows(SpeechGoneException.class, () -> speeches.delete(s.id, 2L, "editor"));
        assertThrows(SpeechGoneException.class, () -> speeches.update(s.id, null, input("复活"), "editor"));
        assertEquals(head + 1, feed.head());
        assertEquals(List.of("create", "delete"),
                AuditEntryEntity.ofSpeech(s.id).stream().map(a -> a.action).toList());
    }

    @Test
    void aSpeechOfNoKnownCompilationOrIdIsRefused() {
        long head = feed.head();
        assertThrows(InvalidReferenceException.class, () -> speeches.create(input(999_999L, "无处安放"), "editor"));
        assertThrows(SpeechNotFoundException.class, () -> speeches.update(999_999L, null, input("无"), "editor"));
        assertEquals(head, feed.head());
        assertEquals(0, db.count("speech"));
    }
}
