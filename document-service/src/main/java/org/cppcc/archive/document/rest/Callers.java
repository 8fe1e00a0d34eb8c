package org.cppcc.archive.document.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as written into audit entries: the token's preferred_username, else its client (azp). */
final class Callers {

    private Callers() {
    }

    static String actor(JsonWebToken token) {
        for (String claim : new String[] { "preferred_username", "azp", "client_id" }) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return truncate(value.toString());
            }
        }
        return token.getSubject() == null ? "unknown" : truncate(token.getSubject());
    }

    private static String truncate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100);
    }
}
