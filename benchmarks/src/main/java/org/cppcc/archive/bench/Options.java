package org.cppcc.archive.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options with defaults; unknown names are refused. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        values.putIfAbsent("gateway", "http://127.0.0.1:8080");
        values.putIfAbsent("keycloak", "http://127.0.0.1:8180");
        values.putIfAbsent("seed", "20210928");
        values.putIfAbsent("corpus", "realistic"); // see CorpusSource
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !values.containsKey(name) || i + 1 == args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i] + "'; options and "
                        + "defaults: " + values);
            }
            values.put(name, args[++i]);
        }
    }

    String get(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    long number(String name) {
        return Long.parseLong(values.get(name));
    }

    Api api(String clientId, String secret) {
        return new Api(get("gateway"), new Api.Tokens(get("keycloak"), clientId, secret));
    }

    Api admin() {
        return api("ops", "ops-dev-secret");
    }

    Api reader() {
        return api("portal", "portal-dev-secret");
    }

    Api analyst() {
        return api("dashboard", "dashboard-dev-secret");
    }

    @Override
    public String toString() {
        return new java.util.TreeMap<>(values).toString();
    }
}
