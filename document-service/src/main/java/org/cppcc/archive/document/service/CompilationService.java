package org.cppcc.archive.document.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.cppcc.archive.document.mapping.CompilationMapper;
import org.cppcc.archive.document.mapping.SpeechMapper;
import org.cppcc.archive.document.parsing.CompilationParser;
import org.cppcc.archive.document.divisions.Gazetteer;
import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.parsing.ParsedCompilation;
import org.cppcc.archive.document.parsing.ParsedSpeech;
import org.cppcc.archive.document.repository.CompilationEntity;
import org.cppcc.archive.document.repository.FeedHeadEntity;
import org.cppcc.archive.document.repository.SpeechEntity;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Imports compilations (idempotently, in one transaction) and reads them back. */
@ApplicationScoped
@Transactional
public class CompilationService {

    /** An import's outcome: the compilation and whether this call created it (false: it already existed). */
    public record Imported(CompilationEntity compilation, boolean created) {
    }

    /**
     * A dry run's outcome: what would be stored, the code of the province inferred from its speakers, and the id of
     * an identical import if one exists.
     */
    public record DryRun(ParsedCompilation parsed, String provinceCode, String sha256, Optional<Long> existingId) {
    }

    private final ChangeLog changeLog;
    private final SpeechService speeches;
    private final SpeechMapper speechMapper;
    private final CompilationMapper mapper;
    private final Gazetteer gazetteer;

    public CompilationService(ChangeLog changeLog, SpeechService speeches, SpeechMapper speechMapper,
            CompilationMapper mapper, Gazetteer gazetteer) {
        this.changeLog = changeLog;
        this.speeches = speeches;
        this.speechMapper = speechMapper;
        this.mapper = mapper;
        this.gazetteer = gazetteer;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses without storing anything. Throws CompilationFormatException when nothing speech-like exists or, with
     * {@code strict}, at the first thing the parser does not understand.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DryRun dryRun(byte[] source, ExtractedText text, boolean strict) {
        String sha = sha256(source);
        ParsedCompilation parsed = parse(text, strict);
        return new DryRun(parsed, provinceCode(parsed), sha, CompilationEntity.findBySha256(sha).map(c -> c.id));
    }

    /**
     * Imports a compilation whose source bytes are {@code source} and whose text is {@code text}: either all of it
     * (compilation with its parse report + every speech + their feed and audit entries) or, on a parse error,
     * nothing. Importing the same bytes again returns the existing compilation and changes nothing.
     */
    public Imported importCompilation(byte[] source, ExtractedText text, boolean strict, String actor) {
        String sha = sha256(source);
        ParsedCompilation parsed = parse(text, strict); // before the lock: parsing needs no database
        FeedHeadEntity head = changeLog.lock();
        Optional<CompilationEntity> existing = CompilationEntity.findBySha256(sha);
        if (existing.isPresent()) {
            return new Imported(existing.get(), false);
        }
        CompilationEntity c = new CompilationEntity();
        mapper.apply(parsed, provinceCode(parsed), c);
        c.sourceSha256 = sha;
        c.importedAt = OffsetDateTime.now(ZoneOffset.UTC);
        c.importedBy = actor;
        c.persist();
        for (ParsedSpeech speech : parsed.speeches()) {
            speeches.importSpeech(head, speechMapper.input(c.id, speech), actor);
        }
        return new Imported(c, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<CompilationEntity> list(int page, int size) {
        var query = CompilationEntity.<CompilationEntity>findAll(Sort.by("id"));
        return new Slice<>(query.page(Page.of(page, size)).list(), query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CompilationEntity> find(long id) {
        return CompilationEntity.findByIdOptional(id);
    }

    /** Not deleted speeches of the compilation, in table-of-contents order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SpeechEntity> speechesOf(long compilationId) {
        return SpeechEntity.list("compilationId = ?1 and deleted = false order by speechOrder, id", compilationId);
    }

    /** compilation id → number of its not deleted speeches, for the given compilations. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> speechCounts(List<Long> compilationIds) {
        if (compilationIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = SpeechEntity.getEntityManager()
                .createQuery("select s.compilationId, count(s) from SpeechEntity s where s.deleted = false"
                        + " and s.compilationId in :ids group by s.compilationId", Object[].class)
                .setParameter("ids", compilationIds)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    private ParsedCompilation parse(ExtractedText text, boolean strict) {
        return new CompilationParser(gazetteer).parse(text.text(), text.options().strictly(strict));
    }

    /** The province the speakers belong to, as the gazetteer infers it; its code settles ambiguous names later. */
    private String provinceCode(ParsedCompilation parsed) {
        return gazetteer.inferProvince(parsed.speeches().stream().map(ParsedSpeech::committee).toList())
                .map(Region::code).orElse(null);
    }

}
