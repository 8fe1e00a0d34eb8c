package org.cppcc.archive.document.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.cppcc.archive.document.api.SpeechInput;
import org.cppcc.archive.document.mapping.SpeechMapper;
import org.cppcc.archive.document.divisions.Gazetteer;
import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.repository.AuditEntryEntity;
import org.cppcc.archive.document.repository.CompilationEntity;
import org.cppcc.archive.document.repository.FeedHeadEntity;
import org.cppcc.archive.document.repository.SpeechEntity;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

/** Reading and editing speeches. Every write goes through {@link ChangeLog} (lock, feed entry, audit entry). */
@ApplicationScoped
@Transactional
public class SpeechService {

    private final ChangeLog changeLog;
    private final SpeechMapper mapper;
    private final Gazetteer gazetteer;

    public SpeechService(ChangeLog changeLog, SpeechMapper mapper, Gazetteer gazetteer) {
        this.changeLog = changeLog;
        this.mapper = mapper;
        this.gazetteer = gazetteer;
    }

    /** Not deleted speeches matching {@code filter}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<SpeechEntity> list(SpeechFilter filter, int page, int size, SpeechSort sort) {
        StringBuilder where = new StringBuilder("deleted = false");
        Parameters params = new Parameters();
        if (filter.compilationId() != null) {
            where.append(" and compilationId = :compilationId");
            params.and("compilationId", filter.compilationId());
        }
        if (filter.region() != null) {
            where.append(" and region = :region");
            params.and("region", filter.region());
        }
        if (filter.regionCode() != null) {
            where.append(" and regionCode = :regionCode");
            params.and("regionCode", filter.regionCode());
        }
        if (filter.level() != null) {
            where.append(" and level = :level");
            params.and("level", filter.level());
        }
        if (filter.committee() != null) {
            where.append(" and committee = :committee");
            params.and("committee", filter.committee());
        }
        if (filter.bodyAvailable() != null) {
            where.append(" and bodyAvailable = :bodyAvailable");
            params.and("bodyAvailable", filter.bodyAvailable());
        }
        var query = SpeechEntity.<SpeechEntity>find(where + " order by " + sort.orderBy(), params);
        return new Slice<>(query.page(Page.of(page, size)).list(), query.count());
    }

    /** The speech, deleted or not (callers decide what a deleted one means). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SpeechEntity> find(long id) {
        return SpeechEntity.findByIdOptional(id);
    }

    /** The audit trail of a speech (also of a deleted one), oldest first; empty if there is no such speech. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<AuditEntryEntity>> history(long id) {
        return find(id).map(s -> AuditEntryEntity.ofSpeech(id));
    }

    public SpeechEntity create(SpeechInput input, String actor) {
        FeedHeadEntity head = changeLog.lock();
        return create(head, input, actor, "created");
    }

    /** Creates a speech inside a write transaction that already holds the feed lock (imports, seed). */
    public SpeechEntity create(FeedHeadEntity head, SpeechInput input, String actor, String how) {
        requireCompilation(input.compilationId());
        SpeechEntity s = new SpeechEntity();
        mapper.apply(input, regionOf(input), s);
        OffsetDateTime now = now();
        s.version = 1;
        s.createdAt = now;
        s.createdBy = actor;
        s.updatedAt = now;
        s.updatedBy = actor;
        s.deleted = false;
        s.persist();
        changeLog.append(head, s, ChangeLog.UPSERT, mapper.snapshot(s), "create", actor,
                how + " #" + s.speechOrder + " " + s.committee + ": " + s.title);
        return s;
    }

    /**
     * Replaces the content of a speech if its current version is {@code expectedVersion} (null = any version,
     * for {@code If-Match: *}), and bumps the version.
     */
    public SpeechEntity update(long id, Long expectedVersion, SpeechInput input, String actor) {
        FeedHeadEntity head = changeLog.lock();
        SpeechEntity s = current(id, expectedVersion);
        requireCompilation(input.compilationId());
        SpeechEntity before = copyOf(s);
        mapper.apply(input, regionOf(input), s);
        s.version++;
        s.updatedAt = now();
        s.updatedBy = actor;
        changeLog.append(head, s, ChangeLog.UPSERT, mapper.snapshot(s), "update", actor, changes(before, s));
        return s;
    }

    /** Soft-deletes a speech (it leaves lists, export and GET, stays in history and the feed); bumps the version. */
    public SpeechEntity delete(long id, Long expectedVersion, String actor) {
        FeedHeadEntity head = changeLog.lock();
        SpeechEntity s = current(id, expectedVersion);
        s.deleted = true;
        s.version++;
        s.updatedAt = now();
        s.updatedBy = actor;
        changeLog.append(head, s, ChangeLog.DELETE, null, "delete", actor,
                "deleted #" + s.speechOrder + " " + s.committee + ": " + s.title);
        return s;
    }

    /** Read after the feed lock is held, so two writers with the same expected version cannot both pass. */
    private SpeechEntity current(long id, Long expectedVersion) {
        SpeechEntity s = SpeechEntity.<SpeechEntity>findByIdOptional(id)
                .orElseThrow(() -> new SpeechNotFoundException(id, false));
        if (s.deleted) {
            throw new SpeechNotFoundException(id, true);
        }
        if (expectedVersion != null && s.version != expectedVersion) {
            throw new VersionMismatchException(id, s.version);
        }
        return s;
    }

    private Region regionOf(SpeechInput input) {
        if (input.region() != null || input.regionCode() != null) {
            return null; // the editor said it; take it as given
        }
        return gazetteer.resolve(input.committee(), null).orElse(null);
    }

    private static void requireCompilation(Long compilationId) {
        if (compilationId == null || CompilationEntity.findById(compilationId) == null) {
            throw new InvalidReferenceException("compilationId", "No compilation " + compilationId + ".");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static SpeechEntity copyOf(SpeechEntity s) {
        SpeechEntity c = new SpeechEntity();
        c.compilationId = s.compilationId;
        c.speechOrder = s.speechOrder;
        c.committee = s.committee;
        c.speakerKind = s.speakerKind;
        c.speakerName = s.speakerName;
        c.region = s.region;
        c.regionCode = s.regionCode;
        c.level = s.level;
        c.parentRegion = s.parentRegion;
        c.title = s.title;
        c.tocPage = s.tocPage;
        c.bodyAvailable = s.bodyAvailable;
        c.truncated = s.truncated;
        c.leadJson = s.leadJson;
        c.sectionsJson = s.sectionsJson;
        c.outlineJson = s.outlineJson;
        return c;
    }

    /** "changed title, sections" — the short "what" of an audit entry. */
    private static String changes(SpeechEntity a, SpeechEntity b) {
        List<String> changed = new ArrayList<>();
        diff(changed, "compilationId", a.compilationId, b.compilationId);
        diff(changed, "order", a.speechOrder, b.speechOrder);
        diff(changed, "committee", a.committee, b.committee);
        diff(changed, "speakerKind", a.speakerKind, b.speakerKind);
        diff(changed, "speakerName", a.speakerName, b.speakerName);
        diff(changed, "region", a.region + a.regionCode + a.level + a.parentRegion,
                b.region + b.regionCode + b.level + b.parentRegion);
        diff(changed, "title", a.title, b.title);
        diff(changed, "tocPage", a.tocPage, b.tocPage);
        diff(changed, "bodyAvailable", a.bodyAvailable, b.bodyAvailable);
        diff(changed, "truncated", a.truncated, b.truncated);
        diff(changed, "lead", a.leadJson, b.leadJson);
        diff(changed, "sections", a.sectionsJson, b.sectionsJson);
        diff(changed, "outline", a.outlineJson, b.outlineJson);
        return changed.isEmpty() ? "updated (no field changed)" : "changed " + String.join(", ", changed);
    }

    private static void diff(List<String> changed, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(name);
        }
    }
}
