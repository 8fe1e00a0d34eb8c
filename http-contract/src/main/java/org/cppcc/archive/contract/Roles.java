package org.cppcc.archive.contract;

/**
 * Keycloak realm roles (the token's {@code realm_access.roles}), as {@code @RolesAllowed} names them.
 * Composite in the realm: admin ⊇ editor, analyst, reader.
 */
public final class Roles {

    /** Reads speeches and compilations, searches. */
    public static final String READER = "reader";
    /** Reads statistics. */
    public static final String ANALYST = "analyst";
    /** Creates, replaces and deletes speeches. */
    public static final String EDITOR = "editor";
    /** Imports, restructuring, reindex, fact curation: everything. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
