package org.cppcc.archive.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package structure of the main sources, read from their imports: no cycle between packages, and the repository
 * owns every MongoDB call (no class outside {@code repository/} and {@code store/}, which starts the embedded server,
 * imports the MongoDB driver or BSON).
 */
class PackageDependenciesTest {

    private static final String ROOT = "org.cppcc.archive.stats.";
    private static final Path SOURCES = Path.of("src/main/java/org/cppcc/archive/stats");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?" + Pattern.quote(ROOT)
            + "([a-z]+)\\.", Pattern.MULTILINE);
    private static final Pattern MONGO = Pattern.compile("^import (?:static )?(?:com\\.mongodb|org\\.bson)\\.",
            Pattern.MULTILINE);
    /** The HTTP plumbing (rest ↔ web) that the shared contract module takes over. */
    private static final Set<String> PLUMBING = Set.of("web");

    @Test
    void noPackageDependsOnOneThatDependsOnIt() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (from.compareTo(to) < 0 && reaches(uses, to, from, new TreeSet<>())) {
                    cycles.add(from + " <-> " + to);
                }
            }
        }
        assertEquals(List.of(), cycles, uses.toString());
    }

    @Test
    void onlyTheRepositoryTouchesMongoDb() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            if (!pkg.equals("repository") && !pkg.equals("store") && MONGO.matcher(read(file)).find()) {
                offenders.add(SOURCES.relativize(file).toString());
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return uses.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(uses, next, to, seen));
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            if (PLUMBING.contains(pkg)) {
                continue;
            }
            Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = IMPORT.matcher(read(file));
            while (m.find()) {
                if (!m.group(1).equals(pkg) && !PLUMBING.contains(m.group(1))) {
                    used.add(m.group(1));
                }
            }
        }
        return uses;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace('/', '.');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
