package org.cppcc.archive.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The search box language, parsed by hand so raw input never reaches Lucene's own query syntax.
 *
 * <ul>
 * <li>words, separated by white space, all required: {@code 协商 平台};</li>
 * <li>{@code "quoted phrases"}, matched as written;</li>
 * <li>{@code -word} or {@code -"phrase"}: exclude speeches that contain it;</li>
 * <li>{@code a OR b}: either; {@code OR} binds tighter than the implicit AND.</li>
 * </ul>
 * Everything else is plain text: an unbalanced quote is a space, {@code title:*} is the word {@code title:*}
 * (which the analyzers reduce to {@code title}), backslashes and emoji are characters like any other. Input
 * longer than {@link #MAX_LENGTH} characters or with more than {@link #MAX_TERMS} terms is refused.
 */
public final class QueryParser {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_TERMS = 16;

    private QueryParser() {
    }

    /** A word or phrase as the user wrote it (not yet normalized or analyzed). */
    public record Term(String text, boolean phrase) {
    }

    /** One required clause: any of its alternatives (more than one when joined by OR). */
    public record Clause(List<Term> alternatives) {
    }

    /** The parsed query: every clause must match, no excluded term may. */
    public record ParsedQuery(List<Clause> required, List<Term> excluded) {

        public boolean isEmpty() {
            return required.isEmpty() && excluded.isEmpty();
        }

        /** All positive terms, for highlighting and suggestions. */
        public List<Term> positiveTerms() {
            return required.stream().flatMap(c -> c.alternatives().stream()).toList();
        }
    }

    /** Input the language refuses; the message is safe to show to the caller. */
    public static final class InvalidQueryException extends RuntimeException {
        public InvalidQueryException(String message) {
            super(message);
        }
    }

    private record Token(String text, boolean phrase, boolean negated, boolean or) {
    }

    public static ParsedQuery parse(String input) {
        if (input == null) {
            return new ParsedQuery(List.of(), List.of());
        }
        if (input.codePointCount(0, input.length()) > MAX_LENGTH) {
            throw new InvalidQueryException("The query is longer than " + MAX_LENGTH + " characters.");
        }
        List<Token> tokens = tokenize(clean(input));
        List<Clause> required = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        List<Term> group = null;
        boolean pendingOr = false;
        int terms = 0;
        for (Token token : tokens) {
            if (token.or()) {
                pendingOr = group != null;
                continue;
            }
            if (++terms > MAX_TERMS) {
                throw new InvalidQueryException("The query has more than " + MAX_TERMS + " terms.");
            }
            Term term = new Term(token.text(), token.phrase());
            if (token.negated()) {
                excluded.add(term);
                pendingOr = false;
                continue;
            }
            if (pendingOr && group != null) {
                group.add(term);
            } else {
                group = new ArrayList<>();
                group.add(term);
                required.add(new Clause(group));
            }
            pendingOr = false;
        }
        return new ParsedQuery(required.stream().map(c -> new Clause(List.copyOf(c.alternatives()))).toList(),
                List.copyOf(excluded));
    }

    /** Controls become spaces; the full-width quote and minus count as their ASCII forms. */
    private static String clean(String input) {
        StringBuilder out = new StringBuilder(input.length());
        input.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) || cp == 0x3000) {
                out.append(' ');
            } else if (cp == 0xFF02) {
                out.append('"');
            } else if (cp == 0xFF0D) {
                out.append('-');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int quotes = (int) text.chars().filter(c -> c == '"').count();
        // An odd quote count: the last quote opens nothing and is read as a space.
        int lastQuote = quotes % 2 == 1 ? text.lastIndexOf('"') : -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || i == lastQuote) {
                i++;
                continue;
            }
            boolean negated = false;
            if ((c == '-' || c == '+') && i + 1 < n && text.charAt(i + 1) != ' ') {
                negated = c == '-';
                i++;
                c = text.charAt(i);
                if (i == lastQuote) {
                    i++;
                    continue;
                }
            }
            if (c == '"') {
                int end = text.indexOf('"', i + 1);
                String phrase = text.substring(i + 1, end).trim();
                if (!phrase.isEmpty()) {
                    tokens.add(new Token(phrase, true, negated, false));
                }
                i = end + 1;
                continue;
            }
            int end = i;
            while (end < n && text.charAt(end) != ' ' && text.charAt(end) != '"') {
                end++;
            }
            String word = text.substring(i, end);
            if (!negated && word.equals("OR")) {
                tokens.add(new Token(word, false, false, true));
            } else {
                tokens.add(new Token(word, false, negated, false));
            }
            i = end;
        }
        return tokens;
    }
}
