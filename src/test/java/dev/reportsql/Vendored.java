package dev.reportsql;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Data files the tests read that come from elsewhere (the published Reportei payload catalog, the
 * Keycloak realm of {@code ../shared}), vendored under {@code src/test/resources/vendored} so that a
 * clone tests everything on its own. {@code .ci/sync-vendored} copies them again and, with
 * {@code --check}, fails when a copy differs from its source.
 */
public final class Vendored {
    private Vendored() {
    }

    /** The vendored file or directory at {@code relative}, e.g. {@code "keycloak/wimetrix-realm.json"}. */
    public static Path path(String relative) {
        URL url = Vendored.class.getResource("/vendored/" + relative);
        if (url == null) {
            throw new IllegalStateException("no vendored test data at src/test/resources/vendored/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
