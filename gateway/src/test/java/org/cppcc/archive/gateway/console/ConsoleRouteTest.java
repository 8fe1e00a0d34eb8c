package org.cppcc.archive.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleRouteTest {

    @Test
    void thePolicyAllowsScriptsFromThisOriginOnlyAndKeycloakForTokens() {
        String policy = ConsoleRoute.contentSecurityPolicy("https://sso.example.gov.cn:8443/auth/realms/speech-archive");
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertFalse(policy.matches(".*script-src[^;]*unsafe.*"), policy);
        assertTrue(policy.contains("connect-src 'self' https://sso.example.gov.cn:8443;"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
    }

    @Test
    void theBrowserIsToldKeycloaksUrlTheRealmAndTheClient() {
        var config = ConsoleRoute.browserConfig("https://sso.example.gov.cn/auth/realms/speech-archive/", "console");
        assertEquals("https://sso.example.gov.cn/auth", config.getString("keycloakUrl"));
        assertEquals("speech-archive", config.getString("realm"));
        assertEquals("console", config.getString("clientId"));
        assertEquals("http://127.0.0.1:8180", ConsoleRoute.browserConfig("http://127.0.0.1:8180/realms/x", "c")
                .getString("keycloakUrl"));
        assertThrows(IllegalArgumentException.class, () -> ConsoleRoute.browserConfig("http://127.0.0.1:8180/", "c"));
    }
}
