package org.cppcc.archive.document.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.cppcc.archive.document.api.SpeechDetail;
import org.cppcc.archive.document.api.SpeechInput;
import org.cppcc.archive.document.api.SpeechSplitInput;
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
        CompilationEntity compilation = requireCompilation(input.compilationId());
        SpeechEntity s = new SpeechEntity();
        mapper.apply(input, regionOf(input, compilation), s);
        persistNew(head, s, actor, "created");
        return s;
    }

    /**
     * Stores a speech of an import inside its transaction, which already holds the feed lock: exactly as the parser
     * read it, its region too (a region the parser left open stays open; its warning says why).
     */
    public SpeechEntity importSpeech(FeedHeadEntity head, SpeechInput input, String actor) {
        requireCompilation(input.compilationId());
        SpeechEntity s = new SpeechEntity();
        mapper.apply(input, null, s);
        persistNew(head, s, actor, "imported");
        return s;
    }

    /**
     * Replaces the content of a speech if its current version is {@code expectedVersion} (null = any version,
     * for {@code If-Match: *}), and bumps the version.
     */
    public SpeechEntity update(long id, Long expectedVersion, SpeechInput input, String actor) {
        FeedHeadEntity head = changeLog.lock();
        SpeechEntity s = current(id, expectedVersion);
        CompilationEntity compilation = requireCompilation(input.compilationId());
        SpeechEntity before = copyOf(s);
        mapper.apply(input, regionOf(input, compilation), s);
        bump(s, actor);
        changeLog.append(head, s, ChangeLog.UPSERT, mapper.snapshot(s), "update", actor, changes(before, s));
        return s;
    }

    /** Soft-deletes a speech (it leaves lists, export and GET, stays in history and the feed); bumps the version. */
    public SpeechEntity delete(long id, Long expectedVersion, String actor) {
        FeedHeadEntity head = changeLog.lock();
        SpeechEntity s = current(id, expectedVersion);
        s.deleted = true;
        bump(s, actor);
        changeLog.append(head, s, ChangeLog.DELETE, null, "delete", actor,
                "deleted #" + s.speechOrder + " " + s.committee + ": " + s.title);
        return s;
    }

    /** Both halves of a split: the speech as it now ends and the new speech after it. */
    public record Split(SpeechEntity first, SpeechEntity second) {
    }

    /**
     * Splits a speech where the parser missed a speech header: from {@code in.at()} on, its body becomes a new
     * speech right after it with the header given in {@code in} (see {@link SpeechBody#split}). One transaction:
     * the speech's new version, the new speech, and the speeches after it renumbered when the new one needs their
     * order number, each with its feed and audit entry.
     */
    public Split split(long id, Long expectedVersion, SpeechSplitInput in, String actor) {
        FeedHeadEntity head = changeLog.lock();
        SpeechEntity s = current(id, expectedVersion);
        SpeechDetail whole = mapper.detail(s);
        SpeechBody.Halves halves = SpeechBody.split(whole, in.at());
        CompilationEntity compilation = CompilationEntity.findById(s.compilationId);
        List<SpeechEntity> later = after(s);
        SpeechInput second = new SpeechInput(s.compilationId, s.speechOrder + 1, in.committee(), in.speakerKind(),
                in.speakerName(), in.region(), in.regionCode(), in.level(), in.parentRegion(), in.title(),
                in.subtitle(), in.date(), in.tocPage(), true, s.truncated, halves.second().lead(),
                halves.second().sections(), List.of());
        SpeechEntity created = new SpeechEntity();
        mapper.apply(second, regionOf(second, compilation), created);
        // its row before any feed row: inserts go out table by table, in the order the tables are first written to
        insertNew(head, created, actor);
        if (!later.isEmpty() && later.get(0).speechOrder == s.speechOrder + 1) {
            renumber(head, later, +1, actor, "speech " + s.id + " was split");
        }
        SpeechEntity before = copyOf(s);
        mapper.applyBody(s, halves.first().lead(), halves.first().sections(), whole.outline());
        s.truncated = false; // it now ends where the next speech begins
        bump(s, actor);
        changeLog.append(head, s, ChangeLog.UPSERT, mapper.snapshot(s), "update", actor,
                "split at " + in.at() + ": " + changes(before, s));
        appendCreated(head, created, actor, "split from speech " + s.id + " at " + in.at() + " as");
        return new Split(s, created);
    }

    /**
     * Merges the speech {@code nextId} into the speech {@code id} it follows, where the parser took a line for a
     * speech header: its body is appended ({@link SpeechBody#followedBy}), its outline too, and it is deleted; its
     * title and speaker stay in its history. One transaction: both versions, and the speeches after it renumbered
     * to close the gap its order number leaves, each with its feed and audit entry. Undoes a split exactly.
     */
    public SpeechEntity merge(long id, Long expectedVersion, long nextId, Long nextExpectedVersion, String actor) {
        FeedHeadEntity head = changeLog.lock();
        if (nextId == id) {
            throw new InvalidReferenceException("speechId", "A speech cannot be merged with itself.");
        }
        SpeechEntity s = current(id, expectedVersion);
        SpeechEntity next = current(nextId, nextExpectedVersion);
        if (!next.compilationId.equals(s.compilationId)) {
            throw new InvalidReferenceException("speechId", "Speech " + nextId + " belongs to compilation "
                    + next.compilationId + ", speech " + id + " to compilation " + s.compilationId
                    + "; only speeches of one compilation can be merged.");
        }
        List<SpeechEntity> later = after(s);
        if (later.isEmpty() || !later.get(0).id.equals(next.id)) {
            throw new InvalidReferenceException("speechId", "Speech " + nextId + " does not follow speech " + id
                    + (later.isEmpty() ? ", which is the last of its compilation."
                            : "; the speech that does is " + later.get(0).id + "."));
        }
        SpeechDetail first = mapper.detail(s);
        SpeechDetail second = mapper.detail(next);
        SpeechBody body = SpeechBody.of(first).followedBy(SpeechBody.of(second));
        List<String> outline = new ArrayList<>(first.outline());
        outline.addAll(second.outline());
        SpeechEntity before = copyOf(s);
        mapper.applyBody(s, body.lead(), body.sections(), outline);
        s.bodyAvailable = s.bodyAvailable || next.bodyAvailable;
        s.truncated = next.bodyAvailable ? next.truncated : s.truncated;
        bump(s, actor);
        changeLog.append(head, s, ChangeLog.UPSERT, mapper.snapshot(s), "update", actor, "merged speech " + next.id
                + " (#" + next.speechOrder + " " + next.committee + ": " + next.title + ") into it: " + changes(before, s));
        next.deleted = true;
        bump(next, actor);
        changeLog.append(head, next, ChangeLog.DELETE, null, "delete", actor,
                "merged into speech " + s.id + " (#" + s.speechOrder + " " + s.committee + ": " + s.title + ")");
        List<SpeechEntity> rest = later.subList(1, later.size());
        if (next.speechOrder > s.speechOrder && !rest.isEmpty() && rest.get(0).speechOrder == next.speechOrder + 1) {
            renumber(head, rest, -1, actor, "speech " + next.id + " was merged into speech " + s.id);
        }
        return s;
    }

    /** The not deleted speeches that come after {@code s} in its compilation, in order. */
    private static List<SpeechEntity> after(SpeechEntity s) {
        return SpeechEntity.list("compilationId = ?1 and deleted = false and (speechOrder > ?2 or speechOrder = ?2"
                + " and id > ?3) order by speechOrder, id", s.compilationId, s.speechOrder, s.id);
    }

    /** Moves each speech's order number by {@code delta}: a new version, in the feed and the history. */
    private void renumber(FeedHeadEntity head, List<SpeechEntity> speeches, int delta, String actor, String why) {
        for (SpeechEntity later : speeches) {
            int from = later.speechOrder;
            later.speechOrder += delta;
            bump(later, actor);
            changeLog.append(head, later, ChangeLog.UPSERT, mapper.snapshot(later), "update", actor,
                    "renumbered #" + from + " → #" + later.speechOrder + " (" + why + ")");
        }
    }

    private void persistNew(FeedHeadEntity head, SpeechEntity s, String actor, String how) {
        insertNew(head, s, actor);
        appendCreated(head, s, actor, how);
    }

    /**
     * Stores a new speech in version 1. Hibernate sends a transaction's inserts table by table, in the order the
     * tables are first written to (ordered inserts, for JDBC batches), so a new speech's row must be persisted
     * before the transaction's first feed or audit row: those refer to it.
     */
    private void insertNew(FeedHeadEntity head, SpeechEntity s, String actor) {
        OffsetDateTime now = now();
        s.id = ++head.lastSpeechId;
        s.version = 1;
        s.createdAt = now;
        s.createdBy = actor;
        s.updatedAt = now;
        s.updatedBy = actor;
        s.deleted = false;
        s.persist();
    }

    private void appendCreated(FeedHeadEntity head, SpeechEntity s, String actor, String how) {
        changeLog.append(head, s, ChangeLog.UPSERT, mapper.snapshot(s), "create", actor,
                how + " #" + s.speechOrder + " " + s.committee + ": " + s.title);
    }

    private static void bump(SpeechEntity s, String actor) {
        s.version++;
        s.updatedAt = now();
        s.updatedBy = actor;
    }

    /** Read after the feed lock is held, so two writers with the same expected version cannot both pass. */
    private SpeechEntity current(long id, Long expectedVersion) {
        SpeechEntity s = SpeechEntity.<SpeechEntity>findByIdOptional(id)
                .orElseThrow(() -> new SpeechNotFoundException(id));
        if (s.deleted) {
            throw new SpeechGoneException(id);
        }
        if (expectedVersion != null && s.version != expectedVersion) {
            throw new VersionMismatchException(id, s.version);
        }
        return s;
    }

    /**
     * The region to store, or null to take the input's region fields as given. Left out entirely: resolved from the
     * committee within the compilation's province (朝阳区 in a Jilin compilation is Changchun's, not Beijing's). Only a
     * known regionCode given: its name, level and parent filled in from the gazetteer.
     */
    private Region regionOf(SpeechInput input, CompilationEntity compilation) {
        if (input.region() == null && input.regionCode() == null) {
            return gazetteer.resolve(input.committee(), compilation.provinceCode).orElse(null);
        }
        if (input.region() == null && input.level() == null && input.parentRegion() == null) {
            return gazetteer.byCode(input.regionCode()).orElse(null);
        }
        return null;
    }

    private static CompilationEntity requireCompilation(Long compilationId) {
        CompilationEntity c = compilationId == null ? null : CompilationEntity.findById(compilationId);
        if (c == null) {
            throw new InvalidReferenceException("compilationId", "No compilation " + compilationId + ".");
        }
        return c;
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
        c.subtitle = s.subtitle;
        c.date = s.date;
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
        diff(changed, "subtitle", a.subtitle, b.subtitle);
        diff(changed, "date", a.date, b.date);
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
