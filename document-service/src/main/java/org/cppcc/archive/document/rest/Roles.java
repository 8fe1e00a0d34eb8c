package org.cppcc.archive.document.rest;

/** Keycloak realm roles (realm_access.roles). Composite: admin ⊇ editor, analyst, reader. */
final class Roles {

    static final String READER = "reader";
    static final String EDITOR = "editor";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
